// Saves each self-audit answer the moment it changes (the section's save button still works
// without this script). One question's fields are sent together to the audit's JSON endpoint with
// the form's CSRF token; the polite live region says whether it worked.
const status = document.getElementById('autosave-status');

function say(text) {
  if (!status) return;
  // Clearing first makes screen readers announce a repeated "Saved." again.
  status.textContent = '';
  setTimeout(() => { status.textContent = text; }, 50);
}

async function save(form, fieldset) {
  const question = fieldset.dataset.question;
  const field = (name) => form.elements.namedItem(`q.${question}.${name}`);
  const chosen = fieldset.querySelector(`input[type=radio][name="q.${question}.value"]:checked`);
  const body = {
    question,
    value: chosen ? chosen.value : null,
    evidence: field('evidence')?.value ?? '',
    action: field('action')?.value ?? '',
    owner: field('owner')?.value ?? '',
    deadline: field('deadline')?.value || null,
  };
  const token = form.elements.namedItem('_csrf')?.value ?? '';
  try {
    const res = await fetch(form.dataset.autosave, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': token },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) {
      say(data?.error?.message ? `${form.dataset.failed} ${data.error.message}` : form.dataset.failed);
      return;
    }
    for (const d of data.domains ?? []) {
      const progress = document.querySelector(`[data-progress="${d.domain}"]`);
      if (progress) progress.textContent = d.progress;
    }
    // A count of saves done, so that a test (or a curious reader) can tell when all have landed.
    document.body.dataset.autosaved = String(Number(document.body.dataset.autosaved ?? 0) + 1);
    say(form.dataset.saved);
  } catch {
    say(form.dataset.failed);
  }
}

// One save at a time, in order: a later answer never lands before an earlier one.
let queue = Promise.resolve();
for (const form of document.querySelectorAll('form[data-autosave]')) {
  form.addEventListener('change', (event) => {
    const fieldset = event.target.closest('fieldset[data-question]');
    if (fieldset) queue = queue.then(() => save(form, fieldset));
  });
}
