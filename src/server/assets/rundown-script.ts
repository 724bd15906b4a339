/**
 * Drag and drop on a week's rundown page, served as /assets/rundown.js. While a story is
 * dragged, the rows move and every story's order, cume and back-time are recomputed at once
 * from the planned seconds on the rows (floated ones count nothing), as the server computes
 * them. On drop the new position is posted with the page's CSRF token to the same form
 * action as the ↑ ↓ buttons (which work without JavaScript, and by keyboard); the rundown
 * section of the page the server answers then replaces this one (segments' over/under
 * included). A refusal is shown and the server's order restored.
 */
export const RUNDOWN_SCRIPT = `(() => {
  const live = document.getElementById('rundown-live');
  const clock = (s) => {
    const t = ((Math.round(s) % 86400) + 86400) % 86400;
    const p = (n) => String(n).padStart(2, '0');
    return p(Math.floor(t / 3600)) + ':' + p(Math.floor((t % 3600) / 60)) + ':' + p(t % 60);
  };
  const stories = (section) => [...section.querySelectorAll('tbody tr[data-slug]')];
  const retime = (section) => {
    const d = section.dataset;
    const start = Number(d.start), length = Number(d.length), opening = Number(d.opening);
    const counted = (tr) => (tr.hasAttribute('data-floated') ? 0 : Number(tr.dataset.planned));
    const rows = stories(section);
    const total = opening + Number(d.closing) + rows.reduce((sum, tr) => sum + counted(tr), 0);
    let cume = opening;
    rows.forEach((tr, i) => {
      tr.querySelector('td').textContent = String(i + 1);
      tr.querySelector('td.cume').textContent = clock(start + cume);
      tr.querySelector('td.back').textContent = clock(start + length - (total - cume));
      cume += counted(tr);
    });
  };
  const say = (text, ok) => {
    if (!live) return;
    live.textContent = text;
    live.className = ok ? 'notice' : 'problem';
  };
  const bind = (section) => {
    // NOTE: the form's action attribute, not form.action: its buttons are named "action".
    const form = section.querySelector('form[action$="/story"]');
    const token = section.querySelector('input[name=_csrf]');
    if (!form || !token) return;
    const tbody = section.querySelector('tbody');
    let dragged = null;
    for (const tr of stories(section)) {
      tr.draggable = true;
      tr.addEventListener('dragstart', (e) => {
        dragged = tr;
        tr.classList.add('dragging');
        e.dataTransfer.setData('text/plain', tr.dataset.slug);
        e.dataTransfer.effectAllowed = 'move';
      });
      tr.addEventListener('dragend', () => tr.classList.remove('dragging'));
      tr.addEventListener('dragover', (e) => {
        if (!dragged || dragged === tr) return;
        e.preventDefault();
        const box = tr.getBoundingClientRect();
        if (e.clientY > box.top + box.height / 2) tr.after(dragged);
        else tr.before(dragged);
        retime(section);
      });
    }
    tbody.addEventListener('dragover', (e) => { if (dragged) e.preventDefault(); });
    tbody.addEventListener('drop', async (e) => {
      e.preventDefault();
      if (!dragged) return;
      const slug = dragged.dataset.slug;
      const to = stories(section).indexOf(dragged) + 1;
      dragged = null;
      const answer = await fetch(form.getAttribute('action'), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: token.value, slot: section.dataset.slot, slug, action: 'to', to: String(to) }),
        credentials: 'same-origin',
      });
      const doc = new DOMParser().parseFromString(await answer.text(), 'text/html');
      const fresh = doc.getElementById(section.id);
      const told = doc.querySelector('main [role=status], main [role=alert]');
      say(told ? told.textContent.trim() : answer.statusText, answer.ok);
      if (answer.ok && fresh) {
        section.replaceWith(fresh);
        bind(fresh);
      } else {
        location.reload();
      }
    });
  };
  for (const section of document.querySelectorAll('section.rundown[data-movable]')) bind(section);
})();
`;
