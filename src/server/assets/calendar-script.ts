/**
 * Drag and drop on the calendar's month grid and week view, served as /assets/calendar.js: an editor drags
 * a scheduled item to another day; the day is posted (with the page's CSRF token) to
 * /calendar/move, which picks the channel's first free posting slot that day (or keeps the
 * time of day) through the same rescheduling as the queue. The answer is read aloud in the
 * status line; on success the page reloads on the new state. Without JavaScript (or by
 * keyboard) the week view's per-day form and the queue's reschedule form do the same.
 */
export const CALENDAR_SCRIPT = `(() => {
  const grid = document.querySelector('table.month[data-movable], div.week[data-movable]');
  const status = document.getElementById('cal-status');
  const token = document.querySelector('input[name=_csrf]');
  if (!grid || !status || !token) return;
  let dragged = null;
  for (const li of grid.querySelectorAll('li.publication.scheduled[data-item]')) {
    li.draggable = true;
    li.addEventListener('dragstart', (e) => {
      dragged = li.dataset.item;
      e.dataTransfer.setData('text/plain', dragged);
      e.dataTransfer.effectAllowed = 'move';
    });
  }
  for (const td of grid.querySelectorAll('td[data-date]:not(.out), section[data-date]')) {
    td.addEventListener('dragover', (e) => {
      if (!dragged) return;
      e.preventDefault();
      td.classList.add('drop');
    });
    td.addEventListener('dragleave', () => td.classList.remove('drop'));
    td.addEventListener('drop', async (e) => {
      e.preventDefault();
      td.classList.remove('drop');
      const item = dragged || e.dataTransfer.getData('text/plain');
      dragged = null;
      if (!item) return;
      const answer = await fetch('/calendar/move', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: token.value, item, date: td.dataset.date }),
        credentials: 'same-origin',
      });
      const text = await answer.text();
      status.textContent = text;
      status.className = answer.ok ? 'notice' : 'problem';
      if (answer.ok) {
        const url = new URL(location.href);
        url.searchParams.set('moved', item);
        location.href = url.toString();
      }
    });
  }
})();
`;
