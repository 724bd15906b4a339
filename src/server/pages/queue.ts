import type { Hono } from 'hono';
import { allows } from '../../auth/roles.js';
import { approveItem, withdrawItem } from '../../content/queue.js';
import { type MessageCode, message } from '../../i18n/catalogue.js';
import { ITEM_STATUSES } from '../../store/schema.js';
import { escapeHtml } from '../../text/html.js';
import { addItemText, MAX_ITEM_BYTES, queueEntries } from '../api-queue.js';
import { requires } from '../auth.js';
import { queueContext, type ServerContext, type ServerEnv } from '../context.js';
import { csrfField, page } from './layout.js';

const SAMPLE = `---
id: tin-moi
title: Tin mới về cải cách hành chính
channels: [portal]
---
Nội dung…`;

/** The queue page: items by state; approve and withdraw forms and a new-item form for editors. */
export function queuePages(app: Hono<ServerEnv>, ctx: ServerContext): void {
  app.get('/queue', requires('queue:read'), async (c) => {
    const user = c.get('user');
    const csrf = c.get('csrf');
    const canWrite = user ? allows(user.role, 'queue:write') : false;
    const entries = await queueEntries(ctx);
    const sections = ITEM_STATUSES.map((status) => {
      const rows = entries.filter((e) => e.status === status);
      if (rows.length === 0) return '';
      const body = rows
        .map((e) => {
          const forms = canWrite
            ? (['approve', 'withdraw'] as const)
                .map(
                  (a) =>
                    `<form class="inline" method="post" action="/queue/${encodeURIComponent(e.id)}/${a}">${csrfField(csrf)}<button name="action" value="${a}">${escapeHtml(message(a === 'approve' ? 'PAGE_APPROVE' : 'PAGE_WITHDRAW'))}</button></form>`,
                )
                .join(' ')
            : '';
          return `<tr data-item="${escapeHtml(e.id)}"><td>${escapeHtml(e.id)}</td><td>${escapeHtml(e.title ?? '')}</td><td>${escapeHtml(e.channels.join(', '))}</td><td>${escapeHtml(e.next ? `${e.next.local} (${e.next.channel})` : '')}</td><td>${forms}</td></tr>`;
        })
        .join('\n');
      return `<h2 id="${status}">${escapeHtml(message(`PAGE_STATE_${status.toUpperCase()}` as MessageCode))} (${rows.length})</h2>
<table><thead><tr><th>id</th><th>${escapeHtml(message('PAGE_TITLE'))}</th><th>${escapeHtml(message('PAGE_CHANNELS'))}</th><th>${escapeHtml(message('PAGE_NEXT'))}</th><th></th></tr></thead><tbody>${body}</tbody></table>`;
    }).join('\n');
    const addForm = canWrite
      ? `<h2>${escapeHtml(message('PAGE_ADD_ITEM'))}</h2><form method="post" action="/queue">${csrfField(csrf)}
<textarea name="markdown" rows="10" cols="80" maxlength="${MAX_ITEM_BYTES}" placeholder="${escapeHtml(SAMPLE)}" required></textarea><br>
<button type="submit">${escapeHtml(message('PAGE_ADD'))}</button></form>`
      : '';
    const empty = entries.length === 0 ? `<p>${escapeHtml(message('QUEUE_EMPTY'))}</p>` : '';
    return c.html(page(message('PAGE_QUEUE'), `${empty}${sections}${addForm}`, user, csrf));
  });
  app.post('/queue', requires('queue:write'), async (c) => {
    const body = await c.req.parseBody();
    const markdown = typeof body.markdown === 'string' ? body.markdown.normalize('NFC') : '';
    await addItemText(ctx, c.get('user')?.name ?? '', markdown.replace(/\r\n/g, '\n'));
    return c.redirect('/queue', 303);
  });
  for (const action of ['approve', 'withdraw'] as const) {
    app.post(`/queue/:id/${action}`, requires('queue:write'), async (c) => {
      const user = c.get('user');
      if (!user) return c.redirect('/login', 303);
      const id = c.req.param('id').normalize('NFC');
      const q = queueContext(ctx, user);
      await (action === 'approve' ? approveItem(q, id) : withdrawItem(q, id));
      return c.redirect('/queue', 303);
    });
  }
}
