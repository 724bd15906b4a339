import type { Hono } from 'hono';
import { DateTime } from 'luxon';
import {
  approveItem,
  RESCHEDULABLE,
  rescheduleItem,
  SUBMITTABLE,
  submitItem,
  versionAuthor,
  WITHDRAWABLE,
  withdrawItem,
} from '../../app/queue.js';
import { localTime } from '../../app/who-and-when.js';
import type { AuthUser } from '../../auth/roles.js';
import { allows } from '../../auth/roles.js';
import { LoaError } from '../../errors/loa-error.js';
import { hint, type MessageCode, message } from '../../i18n/catalogue.js';
import { DEFAULT_ZONE } from '../../model/primitives.js';
import { channelZone } from '../../scheduler/plan/planner.js';
import { ITEM_STATUSES, type ItemStatus, type PublicationStatus } from '../../store/schema.js';
import { addItemText, MAX_ITEM_BYTES, type QueueEntry, queueEntries } from '../api-queue.js';
import { requires } from '../auth.js';
import { queueContext, type ServerContext, type ServerEnv } from '../context.js';
import { statusOf } from '../refusal.js';
import { PUBLICATION_WORDS } from './calendar-grid.js';
import { type Html, html } from './html.js';
import { cell, csrfField, noticeBox, page, problemBox } from './layout.js';

const SAMPLE = `---
id: tin-moi
title: Tin mới về cải cách hành chính
channels: [portal]
---
Nội dung…`;

/** The heading of each item state's section. */
export const STATE_WORDS: Record<ItemStatus, MessageCode> = {
  draft: 'PAGE_STATE_DRAFT',
  submitted: 'PAGE_STATE_SUBMITTED',
  approved: 'PAGE_STATE_APPROVED',
  scheduled: 'PAGE_STATE_SCHEDULED',
  published: 'PAGE_STATE_PUBLISHED',
  failed: 'PAGE_STATE_FAILED',
  withdrawn: 'PAGE_STATE_WITHDRAWN',
};

/** Refusals of a reschedule shown next to the item (an unknown item is a 404 page). */
const SHOWN_BY_ITEM: ReadonlySet<string> = new Set([
  'WHEN_INVALID',
  'WHEN_IN_PAST',
  'ITEM_TRANSITION',
  'ITEM_FOUR_EYES',
  'ITEM_CHANGED_SINCE_READ',
]);

/** What a re-shown queue page carries: a refusal next to one item, with the value typed. */
interface QueueProblem {
  id: string;
  when: string;
  message: string;
  hint: string | undefined;
}

/** The zone `rescheduleItem` reads a time in: that of the item's first known channel. */
function itemZone(ctx: ServerContext, channels: readonly string[]): string {
  const { config } = ctx.session;
  const first = channels.map((id) => config.channels.get(id)).find((ch) => ch !== undefined);
  return first ? channelZone(first, config.planZones) : DEFAULT_ZONE;
}

/** The reschedule form of one item: a local time in the item's zone, never in the past. */
function rescheduleForm(
  ctx: ServerContext,
  entry: QueueEntry,
  csrf: string | undefined,
  problem: QueueProblem | undefined,
): Html {
  const zone = itemZone(ctx, entry.channels);
  const value =
    problem?.when ||
    (entry.next
      ? DateTime.fromISO(entry.next.slot, { zone: 'utc' })
          .setZone(zone)
          .toFormat("yyyy-MM-dd'T'HH:mm")
      : '');
  const min = ctx.clock.now().setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm");
  const box = problem ? problemBox(problem) : '';
  return html`<form class="reschedule" method="post" action="/queue/${entry.id}/reschedule">${csrfField(csrf)}
<label>${message('PAGE_RESCHEDULE_AT', { zone })} <input type="datetime-local" name="when" value="${value}" min="${min}" required></label>
<button name="action" value="reschedule">${message('PAGE_RESCHEDULE')}</button></form>${box}`;
}

/**
 * The states the page offers Approve in: submitted ones and failed ones (to try again). A
 * draft is submitted first (Save draft → submit → approve); the CLI may still approve one.
 */
const APPROVABLE_HERE: readonly ItemStatus[] = ['submitted', 'failed'];

/** Whether `user` may approve the item: not its author on a channel that needs four eyes. */
interface Approver {
  user: string | undefined;
  author: string | undefined;
  /** The item's channels that need four eyes. */
  strict: string[];
}

/** The buttons of one item: only the moves its state (and the four-eyes rule) allows. */
function itemActions(entry: QueueEntry, csrf: string | undefined, approver: Approver): Html {
  const edit =
    entry.status !== 'withdrawn' && entry.source === 'cli'
      ? html`<a class="button secondary" href="/items/${entry.id}/edit">${message('PAGE_EDIT')}</a>`
      : '';
  const ownItem = approver.strict.length > 0 && approver.author === approver.user;
  const waiting =
    ownItem && APPROVABLE_HERE.includes(entry.status)
      ? html`<span class="muted">${message('PAGE_OTHER_APPROVES', { channels: approver.strict.join(', ') })}</span>`
      : '';
  const moves = (
    [
      ['submit', SUBMITTABLE, 'PAGE_SUBMIT', ''],
      ['approve', ownItem ? [] : APPROVABLE_HERE, 'PAGE_APPROVE', ''],
      ['withdraw', WITHDRAWABLE, 'PAGE_WITHDRAW', 'danger'],
    ] as const
  )
    .filter(([, from]) => from.includes(entry.status))
    .map(
      ([action, , label, cls]) =>
        html`<form class="inline" method="post" action="/queue/${entry.id}/${action}">${csrfField(csrf)}${action === 'approve' ? html`<input type="hidden" name="hash" value="${entry.contentHash}">` : ''}<button name="action" value="${action}"${cls ? html` class="${cls}"` : ''}>${message(label)}</button></form>`,
    );
  return html`<div class="actions">${edit}${moves}${waiting}</div>`;
}

/** Each per-item channel of an entry with its publication state there, in words. */
export function channelStatesHtml(ctx: ServerContext, entry: QueueEntry): Html {
  const shown = new Set(entry.channelStates.map((s) => s.channel));
  const states = entry.channelStates.map((s) => {
    const slot = entry.publications.findLast(
      (p) => p.channel === s.channel && p.status === 'scheduled',
    );
    const when = slot?.slot ? localTime(slot.slot, itemZone(ctx, [s.channel])) : '';
    const words = publicationWords(s.status, when);
    return html`<li data-channel="${s.channel}" data-state="${s.status}"><strong>${s.channel}</strong>: ${words}</li>`;
  });
  const others = entry.channels
    .filter((c) => !shown.has(c))
    .map((c) => html`<li data-channel="${c}">${c}</li>`);
  return html`<ul class="channel-states">${states}${others}</ul>`;
}

/** A publication's state in words (`none`: nothing planned there yet), with its slot. */
function publicationWords(status: string, when: string): string {
  const code = PUBLICATION_WORDS[status as PublicationStatus] ?? 'PAGE_PUB_NONE';
  return status === 'scheduled' && when ? `${message(code)} ${when}` : message(code);
}

/** The queue page's HTML, with a notice on top or a refusal next to one item. */
async function queueHtml(
  ctx: ServerContext,
  user: AuthUser | undefined,
  csrf: string | undefined,
  shown: { notice?: string; problem?: QueueProblem } = {},
): Promise<Html> {
  const canWrite = user ? allows(user.role, 'queue:write') : false;
  const entries = await queueEntries(ctx);
  const authors = new Map<string, string | undefined>();
  for (const e of entries)
    authors.set(e.id, await versionAuthor(ctx.session.store, e.id, e.version));
  const head = {
    id: message('PAGE_ITEM_ID'),
    title: message('PAGE_TITLE'),
    channels: message('PAGE_CHANNELS'),
    next: message('PAGE_NEXT'),
    actions: message('PAGE_ACTIONS'),
  };
  const sections = ITEM_STATUSES.map((status) => {
    const rows = entries.filter((e) => e.status === status);
    if (rows.length === 0) return '';
    const body = rows.map((e) => {
      const problem = shown.problem?.id === e.id ? shown.problem : undefined;
      const move =
        canWrite && RESCHEDULABLE.has(e.status) ? rescheduleForm(ctx, e, csrf, problem) : '';
      const strict = e.channels.filter((c) => ctx.session.config.channels.get(c)?.fourEyes);
      const approver = { user: user?.name, author: authors.get(e.id), strict };
      const actions = canWrite ? html`${itemActions(e, csrf, approver)}${move}` : '';
      return html`<tr data-item="${e.id}" id="item-${e.id}">${cell(head.id, e.id)}${cell(head.title, html`${e.title ?? ''}<div class="muted">${authors.get(e.id) ? message('PAGE_WRITTEN_BY', { author: authors.get(e.id) ?? '', version: e.version }) : ''}</div>`)}${cell(head.channels, channelStatesHtml(ctx, e))}${cell(head.next, e.next ? `${e.next.local} (${e.next.channel})` : '')}${cell(head.actions, actions)}</tr>\n`;
    });
    return html`<h2 id="${status}">${message(STATE_WORDS[status])} (${rows.length})</h2>
<table class="stack"><thead><tr><th scope="col">${head.id}</th><th scope="col">${head.title}</th><th scope="col">${head.channels}</th><th scope="col">${head.next}</th><th scope="col">${head.actions}</th></tr></thead><tbody>${body}</tbody></table>`;
  });
  const addForm = canWrite
    ? html`<h2 id="add-markdown">${message('PAGE_ADD_ITEM')}</h2><form method="post" action="/queue">${csrfField(csrf)}
<label for="markdown">${message('PAGE_ADD_ITEM_LABEL')}</label>
<textarea id="markdown" name="markdown" rows="10" maxlength="${MAX_ITEM_BYTES}" placeholder="${SAMPLE}" required></textarea><br>
<button type="submit">${message('PAGE_ADD')}</button></form>`
    : '';
  const empty = entries.length === 0 ? html`<p>${message('QUEUE_EMPTY')}</p>` : '';
  const notice = shown.notice ? noticeBox(shown.notice) : '';
  const write = canWrite
    ? html`<p class="actions" id="add"><a class="button" href="/items/new">${message('PAGE_ITEM_NEW')}</a></p>`
    : '';
  return page(message('PAGE_QUEUE'), html`${notice}${write}${empty}${sections}${addForm}`, {
    user,
    csrf,
    path: '/queue',
  });
}

/**
 * The queue page: items by state; for editors approve and withdraw forms, a reschedule form
 * per item that can still move (a time in the plan's zone, through `rescheduleItem`: a time
 * in the past or malformed is shown next to the item), and a new-item form.
 */
export function queuePages(app: Hono<ServerEnv>, ctx: ServerContext): void {
  app.get('/queue', requires('queue:read'), async (c) => {
    const moved = c.req.query('rescheduled')?.normalize('NFC');
    const saved = c.req.query('saved')?.normalize('NFC');
    const approved = c.req.query('approved')?.normalize('NFC');
    const submitted = c.req.query('submitted')?.normalize('NFC');
    const withdrawn = c.req.query('withdrawn')?.normalize('NFC');
    const wanted = moved ?? saved ?? approved ?? submitted ?? withdrawn;
    const entry = wanted ? (await queueEntries(ctx)).find((e) => e.id === wanted) : undefined;
    const notice = !entry
      ? undefined
      : moved
        ? message('PAGE_RESCHEDULED', { id: entry.id, when: entry.next?.local ?? '' })
        : saved
          ? message('PAGE_ITEM_SAVED', { id: entry.id, version: entry.version })
          : submitted
            ? message('PAGE_ITEM_SUBMITTED', { id: entry.id, version: entry.version })
            : approved
              ? message('PAGE_ITEM_APPROVED', {
                  id: entry.id,
                  version: entry.version,
                  next: entry.next ? `${entry.next.local} (${entry.next.channel})` : '—',
                })
              : message('PAGE_ITEM_WITHDRAWN', { id: entry.id });
    return c.html(await queueHtml(ctx, c.get('user'), c.get('csrf'), notice ? { notice } : {}));
  });
  app.post('/queue', requires('queue:write'), async (c) => {
    const body = await c.req.parseBody();
    const markdown = typeof body.markdown === 'string' ? body.markdown.normalize('NFC') : '';
    await addItemText(ctx, c.get('user')?.name ?? '', markdown.replace(/\r\n/g, '\n'));
    return c.redirect('/queue', 303);
  });
  for (const action of ['approve', 'submit', 'withdraw'] as const) {
    app.post(`/queue/:id/${action}`, requires('queue:write'), async (c) => {
      const user = c.get('user');
      if (!user) return c.redirect('/login', 303);
      const id = c.req.param('id').normalize('NFC');
      const q = queueContext(ctx, user);
      const body = await c.req.parseBody();
      const hash = typeof body.hash === 'string' ? body.hash : undefined;
      try {
        await (action === 'approve'
          ? approveItem(q, id, hash ? { contentHash: hash } : {})
          : action === 'submit'
            ? submitItem(q, id)
            : withdrawItem(q, id));
      } catch (error) {
        if (!(error instanceof LoaError) || !SHOWN_BY_ITEM.has(error.code)) throw error;
        c.set('refused', error.code);
        const problem = {
          id,
          when: '',
          message: message(error.code, error.params),
          hint: hint(error.code, error.params),
        };
        return c.html(await queueHtml(ctx, user, c.get('csrf'), { problem }), statusOf(error));
      }
      const done = { approve: 'approved', submit: 'submitted', withdraw: 'withdrawn' }[action];
      return c.redirect(
        `/queue?${done}=${encodeURIComponent(id)}#item-${encodeURIComponent(id)}`,
        303,
      );
    });
  }
  app.post('/queue/:id/reschedule', requires('queue:write'), async (c) => {
    const user = c.get('user');
    if (!user) return c.redirect('/login', 303);
    const id = c.req.param('id').normalize('NFC');
    const body = await c.req.parseBody();
    const when = typeof body.when === 'string' ? body.when.normalize('NFC').trim() : '';
    try {
      await rescheduleItem(queueContext(ctx, user), id, when);
    } catch (error) {
      if (!(error instanceof LoaError) || !SHOWN_BY_ITEM.has(error.code)) throw error;
      c.set('refused', error.code);
      const problem = {
        id,
        when,
        message: message(error.code, error.params),
        hint: hint(error.code, error.params),
      };
      return c.html(await queueHtml(ctx, user, c.get('csrf'), { problem }), statusOf(error));
    }
    return c.redirect(
      `/queue?rescheduled=${encodeURIComponent(id)}#item-${encodeURIComponent(id)}`,
      303,
    );
  });
}
