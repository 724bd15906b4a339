/**
 * The item form's live preview, served as /assets/editor.js (no inline script). While the
 * editor types, the Markdown body is sent (with the form's CSRF token) to /items/preview,
 * which renders it as the portal will and sanitises it; the answer fills the preview box.
 * Without JavaScript the form works the same, with no preview.
 */
export const EDITOR_SCRIPT = `(() => {
  const form = document.querySelector('form#item-form');
  const body = form && form.querySelector('textarea[name=body]');
  const out = document.getElementById('preview');
  if (!form || !body || !out) return;
  const csrf = form.querySelector('input[name=_csrf]').value;
  let timer = 0;
  let sent = '';
  const render = async () => {
    if (body.value === sent) return;
    sent = body.value;
    const answer = await fetch('/items/preview', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, body: body.value }),
      credentials: 'same-origin',
    });
    if (answer.ok) out.innerHTML = await answer.text();
  };
  body.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(render, 250);
  });
  render();
})();
`;
