import type { Hono } from 'hono';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { rescheduleItem } from '../../app/queue.js';
import type { AuthUser } from '../../auth/roles.js';
import { allows } from '../../auth/roles.js';
import { type Period, parsePeriod } from '../../calendar/period.js';
import { planCalendar } from '../../calendar/plan-calendar.js';
import { LoaError } from '../../errors/loa-error.js';
import { hint, message } from '../../i18n/catalogue.js';
import type { Plan } from '../../model/plan.js';
import { channelZone, nextFreeSlot } from '../../scheduler/plan/planner.js';
import { itemVersion } from '../../store/items.js';
import { listPublications, occupiedSlots } from '../../store/publications.js';
import { queueEntries } from '../api-queue.js';
import { nfcDeep } from '../api-spec.js';
import { requires } from '../auth.js';
import { queueContext, type ServerContext, type ServerEnv } from '../context.js';
import { statusOf } from '../refusal.js';
import { type CalendarLine, kindWord, monthGrid } from './calendar-grid.js';
import { freeSlots, weekView } from './calendar-week.js';
import { type Html, html } from './html.js';
import { cell, csrfField, page } from './layout.js';

const Query = z.object({
  plan: z.string().optional(),
  /** The month of the grid, `2024-03`; absent or empty: this month. */
  month: z.string().optional(),
  /** Any period loa reads (`2024-W10`, `2024-Q1`…): a month shows its grid, others a list. */
  period: z.string().optional(),
  channel: z.string().optional(),
  /** Only the channels of this unit (and the report due dates). */
  unit: z.string().optional(),
  /** Only the publications on this topic (slots, issues and reports stay, beside them). */
  topic: z.string().optional(),
  /** An ISO week (`2024-W10`): the week view. */
  week: z.string().optional(),
  /** An item just moved by drag and drop. */
  moved: z.string().optional(),
});

/** Where the calendar's drag-and-drop script is served. */
export const CALENDAR_SCRIPT_PATH = '/assets/calendar.js';

/**
 * The local time an item dropped on a day gets: its channel's first free posting slot that
 * day (posting slots are respected), or, for a channel without a posting schedule, the time
 * of day it had. Refused when the item has no scheduled publication or the day has no slot.
 */
async function dropTime(ctx: ServerContext, id: string, date: string): Promise<string> {
  const entry = (await queueEntries(ctx)).find((e) => e.id === id);
  if (!entry?.next) throw new LoaError('PAGE_CAL_NOT_MOVABLE', { params: { id } });
  const channel = ctx.session.config.channels.get(entry.next.channel);
  if (!channel) throw new LoaError('PAGE_CAL_NOT_MOVABLE', { params: { id } });
  const zone = channelZone(channel, ctx.session.config.planZones);
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? DateTime.fromISO(date, { zone }) : undefined;
  if (!day?.isValid) throw new LoaError('WHEN_INVALID', { params: { value: date } });
  if (!channel.postingSchedule) {
    const time = DateTime.fromISO(entry.next.slot, { zone: 'utc' }).setZone(zone).toFormat('HH:mm');
    return `${date}T${time}`;
  }
  const taken = await occupiedSlots(ctx.session.store, channel.id);
  const from = DateTime.max(day.minus({ milliseconds: 1 }), ctx.clock.now());
  const slot = nextFreeSlot({ channel, zone, occupied: taken, after: from, horizon: 200 });
  const local = slot ? DateTime.fromISO(slot, { zone: 'utc' }).setZone(zone) : undefined;
  if (!local || local.toISODate() !== date) {
    throw new LoaError('PAGE_CAL_NO_SLOT', { params: { channel: channel.id, date } });
  }
  return local.toFormat("yyyy-MM-dd'T'HH:mm");
}

/** A `?month=` value: a month of the plan's zone, or a 400 saying how to write it. */
function monthOf(value: string, zone: string): DateTime {
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(value)
    ? DateTime.fromFormat(value, 'yyyy-MM', { zone })
    : undefined;
  if (!month?.isValid) throw new LoaError('PAGE_CAL_BAD_MONTH', { params: { value } });
  return month;
}

/**
 * Everything dated in a period: the plan calendar's broadcast slots and bulletin issue days,
 * every publication of any state (with its item's title), and the plan's report due dates.
 */
async function linesOf(ctx: ServerContext, plan: Plan, period: Period): Promise<CalendarLine[]> {
  const { config, store } = ctx.session;
  const zone = plan.timeZone;
  const cal = planCalendar(plan, [...config.channels.values()], period);
  const lines: CalendarLine[] = [];
  for (const t of cal.tasks)
    for (const e of t.entries)
      lines.push(
        e.kind === 'bulletin'
          ? {
              at: e.start.setZone(zone),
              kind: 'bulletin',
              channel: e.channel,
              text: e.label,
              allDay: true,
            }
          : {
              at: e.start.setZone(zone),
              kind: 'broadcast',
              channel: e.channel,
              text: `${t.title} (${Math.round(e.lengthSec / 60)}′)`,
            },
      );
  const from = period.start.toUTC().toISO() ?? '';
  const to = period.end.toUTC().toISO() ?? '';
  const items = new Map<string, { title: string; topics: string[] }>();
  for (const p of await listPublications(store)) {
    if (p.slot < from || p.slot >= to) continue;
    const version = `${p.item_id}@${p.item_version}`;
    if (!items.has(version)) {
      const item = await itemVersion(store, p.item_id, p.item_version);
      items.set(version, { title: item?.title ?? p.item_id, topics: item?.topics ?? [] });
    }
    lines.push({
      at: DateTime.fromISO(p.slot, { zone: 'utc' }).setZone(zone),
      kind: 'publication',
      status: p.status,
      channel: p.channel_id,
      text: items.get(version)?.title ?? p.item_id,
      topics: items.get(version)?.topics ?? [],
      item: p.item_id,
    });
  }
  for (const r of cal.reports)
    lines.push({
      at: r.due.setZone(zone),
      kind: 'report',
      channel: '',
      text: `${r.title} (${r.period})`,
      allDay: true,
    });
  return lines.sort((a, b) => a.at.toMillis() - b.at.toMillis());
}

/** Whether the filters (channel, unit, topic) keep a line; report due dates always stay. */
function shown(ctx: ServerContext, q: z.infer<typeof Query>, l: CalendarLine): boolean {
  const unit = ctx.session.config.channels.get(l.channel)?.unit;
  return (
    l.kind === 'report' ||
    ((!q.channel || l.channel === q.channel) &&
      (!q.unit || unit === q.unit) &&
      (!q.topic || l.kind !== 'publication' || (l.topics ?? []).includes(q.topic)))
  );
}

/** The filters: plan, the period field of the view (month or week), channel, unit, topic. */
function filterForm(
  ctx: ServerContext,
  plans: readonly Plan[],
  plan: Plan,
  q: z.infer<typeof Query>,
  periodField: Html,
): Html {
  const option = (id: string, selected: boolean, label = id) =>
    html`<option value="${id}"${selected ? html` selected` : ''}>${label}</option>`;
  const channels = [...ctx.session.config.channels.keys()];
  return html`<form method="get" action="/calendar" class="filters">
<label>${message('PAGE_PLAN')} <select name="plan">${plans.map((p) => option(p.id, p.id === plan.id))}</select></label>
${periodField}
<label>${message('PAGE_CHANNEL')} <select name="channel">${option('', !q.channel, message('PAGE_ALL'))}${channels.map((id) => option(id, id === q.channel))}</select></label>
<label>${message('PAGE_ITEM_UNIT')} <select name="unit">${option('', !q.unit, message('PAGE_ALL'))}${plan.units.map((u) => option(u.id, u.id === q.unit, u.name))}</select></label>
<label>${message('PAGE_CAL_TOPIC')} <select name="topic">${option('', !q.topic, message('PAGE_ALL'))}${plan.topics.map((t) => option(t.id, t.id === q.topic, t.title))}</select></label>
<button>${message('PAGE_SHOW')}</button></form>`;
}

/** The address of a week view with the same filters. */
function weekLink(plan: Plan, week: string, q: z.infer<typeof Query>): string {
  const params = new URLSearchParams({ plan: plan.id, week });
  if (q.channel) params.set('channel', q.channel);
  if (q.unit) params.set('unit', q.unit);
  if (q.topic) params.set('topic', q.topic);
  return `/calendar?${params.toString()}`;
}

/**
 * The week view (`?week=2024-W10`, this week when empty): each day with what is scheduled,
 * the plan's airings and bulletin days beside it and the free posting slots highlighted;
 * for an editor, drag and drop to a day and, without JavaScript, a form per day.
 */
async function weekPage(
  ctx: ServerContext,
  plan: Plan,
  plans: readonly Plan[],
  q: z.infer<typeof Query>,
  options: { user: AuthUser | undefined; csrf: string | undefined; path: string },
): Promise<Html> {
  const { config, store } = ctx.session;
  const zone = plan.timeZone;
  const now = ctx.clock.now().setZone(zone);
  const text = q.week || now.toFormat("kkkk-'W'WW");
  const week = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/.test(text)
    ? DateTime.fromISO(text, { zone })
    : undefined;
  if (!week?.isValid) throw new LoaError('PAGE_CAL_BAD_WEEK', { params: { value: text } });
  const period = parsePeriod(text, zone);
  const lines = (await linesOf(ctx, plan, period)).filter((l) => shown(ctx, q, l));
  const channels = [...config.channels.values()].filter(
    (ch) => (!q.channel || ch.id === q.channel) && (!q.unit || ch.unit === q.unit),
  );
  const occupied = new Map<string, Set<string>>();
  for (const ch of channels) occupied.set(ch.id, await occupiedSlots(store, ch.id));
  const zoneOf = (ch: (typeof channels)[number]) => channelZone(ch, config.planZones);
  const free = freeSlots(channels, occupied, zoneOf, period.start, period.end, now);
  const who = options.user;
  const canMove = who !== undefined && allows(who.role, 'queue:write');
  const here = weekLink(plan, text, q);
  const movable = canMove
    ? {
        csrf: csrfField(options.csrf),
        back: here,
        items: (await queueEntries(ctx))
          .filter((e) => e.next)
          .map((e) => ({ id: e.id, title: e.title ?? e.id })),
      }
    : undefined;
  const form = filterForm(
    ctx,
    plans,
    plan,
    q,
    html`<label>${message('PAGE_WEEK')} <input type="week" name="week" value="${text}"></label>`,
  );
  const label = message('PAGE_CAL_WEEK_OF', {
    week: text,
    from: week.toFormat('dd/MM'),
    to: week.plus({ days: 6 }).toFormat('dd/MM/yyyy'),
  });
  const nav = html`<p class="cal-nav"><a rel="prev" href="${weekLink(plan, week.minus({ weeks: 1 }).toFormat("kkkk-'W'WW"), q)}">${message('PAGE_CAL_PREV_WEEK')}</a>
<a rel="next" href="${weekLink(plan, week.plus({ weeks: 1 }).toFormat("kkkk-'W'WW"), q)}">${message('PAGE_CAL_NEXT_WEEK')}</a>
<a href="/calendar?${new URLSearchParams({ plan: plan.id, month: week.toFormat('yyyy-MM') }).toString()}">${message('PAGE_CAL_MONTH_VIEW')}</a></p>`;
  const moved = q.moved
    ? html`<p class="notice" role="status">${message('PAGE_CAL_MOVED_NOTICE', { id: q.moved })}</p>`
    : '';
  const help = canMove
    ? html`<p class="muted">${message('PAGE_CAL_DRAG_HELP')}</p><p id="cal-status" role="status" aria-live="polite"></p>`
    : '';
  const body = html`${moved}${help}${form}<h2 id="week" data-week="${text}">${plan.id} · ${label}</h2>
${nav}<p class="zone">${message('PAGE_CAL_ZONE', { zone })}</p>${weekView(lines, { week, today: now, free, ...(movable ? { movable } : {}) })}`;
  return page(message('PAGE_CALENDAR'), body, {
    ...options,
    ...(canMove ? { scripts: [CALENDAR_SCRIPT_PATH] } : {}),
  });
}

/** The list view: every line of the period in time order, with its kind and channel. */
function lineTable(lines: readonly CalendarLine[]): Html {
  if (lines.length === 0) return html`<p>${message('PAGE_CAL_NOTHING')}</p>`;
  const locale = message('PAGE_LANG');
  const col = {
    time: message('PAGE_TIME'),
    channel: message('PAGE_CHANNEL'),
    kind: message('PAGE_KIND'),
    title: message('PAGE_TITLE'),
  };
  const rows = lines.map((l) => {
    const when = l.at.toFormat(l.allDay ? 'ccc dd/MM' : 'ccc dd/MM HH:mm', { locale });
    const cls = l.status ? `${l.kind} ${l.status}` : l.kind;
    const text = l.item ? `${l.text} [${l.item}]` : l.text;
    return html`<tr class="${cls}">${cell(col.time, when)}${cell(col.channel, l.channel)}${cell(col.kind, kindWord(l))}${cell(col.title, text)}</tr>\n`;
  });
  return html`<table class="lines stack"><thead><tr>${Object.values(col).map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>${rows}</tbody></table>`;
}

/**
 * The calendar page: a month of a plan as a grid of ISO weeks (`?month=2024-03`, this month
 * by default), each day with its publications, broadcast slots, bulletin issues and report
 * due dates in the plan's zone, then the same in time order; `?period=2024-W10` (or any
 * period but a month) shows the list alone.
 */
export function calendarPages(app: Hono<ServerEnv>, ctx: ServerContext): void {
  app.post('/calendar/move', requires('queue:write'), async (c) => {
    const user = c.get('user') as AuthUser;
    const body = await c.req.parseBody();
    const id = typeof body.item === 'string' ? body.item.normalize('NFC') : '';
    const date = typeof body.date === 'string' ? body.date : '';
    // The week view's form (no JavaScript) says where to come back to; its refusal is a page.
    const back =
      typeof body.back === 'string' && body.back.startsWith('/calendar?') ? body.back : '';
    try {
      const when = await dropTime(ctx, id, date);
      await rescheduleItem(queueContext(ctx, user), id, when);
      if (back) return c.redirect(`${back}&moved=${encodeURIComponent(id)}`, 303);
      return c.text(message('PAGE_CAL_MOVED', { id, when: when.replace('T', ' ') }));
    } catch (error) {
      if (!(error instanceof LoaError) || back) throw error;
      c.set('refused', error.code);
      const help = hint(error.code, error.params);
      return c.text(
        `${message(error.code, error.params)}${help ? ` — ${help}` : ''}`,
        statusOf(error),
      );
    }
  });
  app.get('/calendar', requires('status:read'), async (c) => {
    const q = Query.parse(nfcDeep(c.req.query()));
    const { project } = ctx.session;
    const plans = project.plans.map((p) => p.value);
    const plan = plans.find((p) => p.id === q.plan) ?? plans[0];
    const options = { user: c.get('user'), csrf: c.get('csrf'), path: '/calendar' };
    if (!plan) return c.html(page(message('PAGE_CALENDAR'), html``, options));
    const zone = plan.timeZone;
    const now = ctx.clock.now().setZone(zone);
    if (q.week !== undefined) return c.html(await weekPage(ctx, plan, plans, q, options));
    const monthText = q.month || (q.period && /^\d{4}-\d{2}$/.test(q.period) ? q.period : '');
    const listOnly = !monthText && q.period ? parsePeriod(q.period, zone) : undefined;
    const month = monthText ? monthOf(monthText, zone) : now.startOf('month');
    const period = listOnly ?? parsePeriod(month.toFormat('yyyy-MM'), zone);
    const who = c.get('user');
    const movable = !listOnly && who !== undefined && allows(who.role, 'queue:write');
    const lines = (await linesOf(ctx, plan, period)).filter((l) => shown(ctx, q, l));
    const link = (m: DateTime) => {
      const params = new URLSearchParams({ plan: plan.id, month: m.toFormat('yyyy-MM') });
      if (q.channel) params.set('channel', q.channel);
      if (q.unit) params.set('unit', q.unit);
      if (q.topic) params.set('topic', q.topic);
      return `/calendar?${params.toString()}`;
    };
    const nav = html`<p class="cal-nav"><a rel="prev" href="${link(month.minus({ months: 1 }))}">${message('PAGE_CAL_PREV')}</a>
<a href="${link(now)}">${message('PAGE_CAL_THIS_MONTH')}</a>
<a href="${weekLink(plan, (month.hasSame(now, 'month') ? now : month).toFormat("kkkk-'W'WW"), q)}">${message('PAGE_CAL_THIS_WEEK')}</a>
<a rel="next" href="${link(month.plus({ months: 1 }))}">${message('PAGE_CAL_NEXT')}</a></p>`;
    const form = filterForm(
      ctx,
      plans,
      plan,
      q,
      html`<label>${message('PAGE_MONTH')} <input type="month" name="month" value="${month.toFormat('yyyy-MM')}"></label>`,
    );
    const zoneNote = html`<p class="zone">${message('PAGE_CAL_ZONE', { zone })}</p>`;
    const body = listOnly
      ? html`${form}<h2>${`${plan.id} · ${period.label}`}</h2>${zoneNote}${lineTable(lines)}`
      : html`${form}<h2 id="month" data-month="${month.toFormat('yyyy-MM')}">${`${plan.id} · ${period.label} · ${message('PAGE_CAL_MONTH_OF', { month: month.month, year: month.year })}`}</h2>
${nav}${zoneNote}${monthGrid(month, lines, now, movable)}
<h2 id="list">${message('PAGE_CAL_LIST')}</h2>${lineTable(lines)}`;
    const moved = q.moved
      ? html`<p class="notice" role="status">${message('PAGE_CAL_MOVED_NOTICE', { id: q.moved })}</p>`
      : '';
    const help = movable
      ? html`<p class="muted">${message('PAGE_CAL_DRAG_HELP')}</p><p id="cal-status" role="status" aria-live="polite"></p>`
      : '';
    return c.html(
      page(message('PAGE_CALENDAR'), html`${moved}${help}${body}`, {
        ...options,
        ...(movable ? { scripts: [CALENDAR_SCRIPT_PATH] } : {}),
      }),
    );
  });
}
