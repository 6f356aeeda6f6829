// Comfort only: the filters work without JavaScript (the Apply button); with it they apply on change.
document.addEventListener('change', (event) => {
  const field = event.target;
  const form = field.form;
  if (form && form.hasAttribute('data-autosubmit') && field.matches('input[type=checkbox],select')) form.requestSubmit();
});
