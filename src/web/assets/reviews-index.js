// Comfort only: the weighted index works without JavaScript (its submit button). With it, changing
// a weight fetches the same page for the new URL and swaps in its results, keeping the URL in step.
const form = document.querySelector('form[data-live-index]');
const results = document.getElementById('index-results');
const status = document.getElementById('index-status');
let pending;

if (form && results) {
  form.addEventListener('change', () => {
    const url = new URL(form.action, location.href);
    const params = new URLSearchParams();
    // Empty fields (all regions) stay out of the URL, as they do from the server's own links.
    for (const [name, value] of new FormData(form)) if (value !== '') params.append(name, String(value));
    url.search = params.toString();
    pending?.abort();
    pending = new AbortController();
    fetch(url, { signal: pending.signal, headers: { Accept: 'text/html' } })
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(String(response.status)))))
      .then((html) => {
        const fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('index-results');
        if (!fresh) throw new Error('no results in the page');
        results.replaceChildren(...document.adoptNode(fresh).childNodes);
        history.replaceState(null, '', url);
        if (status) {
          status.textContent = '';
          status.textContent = status.dataset.updated ?? '';
        }
      })
      .catch((error) => {
        // Whatever went wrong, the ordinary submit still gives the right page (or its error).
        if (error.name !== 'AbortError') form.submit();
      });
  });
}
