import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { recordAsRun } from '../../app/broadcast/service-as-run.js';
import { buildWeek } from '../../app/broadcast/service-build.js';
import { periodOf, slotsOf, zoneOf } from '../../app/broadcast/service-context.js';
import { editStory, type StoryEdit } from '../../app/broadcast/service-edit.js';
import { moveRundowns } from '../../app/broadcast/service-state.js';
import type { AuthUser } from '../../auth/roles.js';
import { allows } from '../../auth/roles.js';
import { type Rundown, type RundownState, rundownId, slotStart } from '../../broadcast/model.js';
import { loadRundown } from '../../broadcast/store.js';
import { type MessageCode, message } from '../../i18n/catalogue.js';
import type { BroadcastChannel } from '../../model/channel.js';
import { hasCapability } from '../../model/channel-kinds.js';
import { weekLabel } from '../api-rundowns.js';
import { nfcDeep } from '../api-spec.js';
import { requires } from '../auth.js';
import { broadcastContext, type ServerContext, type ServerEnv } from '../context.js';
import { type Html, html } from './html.js';
import { cell, csrfField, noticeBox, page } from './layout.js';
import { RUNDOWN_SCRIPT_PATH, rundownTable } from './rundown-table.js';

/** A slot's state as the broadcaster sees it: a rundown's state, or none built yet. */
export type SlotState = RundownState | 'missing';

const STATE_WORDS: Record<SlotState, MessageCode> = {
  draft: 'RUNDOWN_STATE_DRAFT',
  ready: 'RUNDOWN_STATE_READY',
  locked: 'RUNDOWN_STATE_LOCKED',
  aired: 'RUNDOWN_STATE_AIRED',
  missing: 'RUNDOWN_PROBLEM_MISSING',
};

/** The moves each state allows from the page (as the state machine and as-run allow). */
const MOVES: Record<SlotState, readonly ('build' | 'ready' | 'lock' | 'aired')[]> = {
  missing: ['build'],
  draft: ['build', 'ready'],
  ready: ['lock', 'aired'],
  locked: ['aired'],
  aired: [],
};

/** A slot state in words. */
export function slotStateWord(state: SlotState): string {
  return message(STATE_WORDS[state]);
}

/** The broadcast channels of the project. */
export function broadcastChannels(ctx: ServerContext): BroadcastChannel[] {
  return [...ctx.session.config.channels.values()].filter((ch): ch is BroadcastChannel =>
    hasCapability(ch, 'airs'),
  );
}

/** One week of a programme: each slot with its air time and its rundown's state. */
export interface WeekSlots {
  week: string;
  slots: { n: number; air: string; state: SlotState; rundown?: Rundown }[];
}

/** The slots of a programme in an ISO week, with the state of each one's rundown. */
export async function weekSlots(
  ctx: ServerContext,
  channel: BroadcastChannel,
  week: string,
): Promise<WeekSlots> {
  const zone = zoneOf(channel, ctx.session.config);
  const slots = slotsOf(channel, periodOf(week, zone), zone);
  const out: WeekSlots['slots'] = [];
  for (const { n, slot } of slots) {
    const stored = await loadRundown(ctx.session.store, rundownId(channel.id, slot));
    out.push({
      n,
      air: slotStart(slot).toFormat('ccc dd/MM HH:mm', { locale: message('PAGE_LANG') }),
      state: stored?.rundown.state ?? 'missing',
      ...(stored ? { rundown: stored.rundown } : {}),
    });
  }
  return { week, slots: out };
}

/** The state of a week as one word: the least advanced of its slots. */
export function weekState(week: WeekSlots): SlotState | undefined {
  const order: SlotState[] = ['missing', 'draft', 'ready', 'locked', 'aired'];
  return order.find((s) => week.slots.some((slot) => slot.state === s));
}

function weekPath(channel: string, week: string, move = ''): string {
  return `/rundown/${encodeURIComponent(channel)}/${encodeURIComponent(week)}${move ? `/${move}` : ''}`;
}

/** The week of a programme `offset` weeks from this one, in the channel's zone. */
function weekFrom(ctx: ServerContext, channel: BroadcastChannel, offset: number): string {
  const zone = zoneOf(channel, ctx.session.config);
  return ctx.clock.now().setZone(zone).plus({ weeks: offset }).toFormat("kkkk-'W'WW");
}

/** A button that posts one move of a week's rundowns. */
function moveButton(
  channel: string,
  week: string,
  move: 'build' | 'ready' | 'lock',
  csrf: string | undefined,
): Html {
  const labels = {
    build: 'PAGE_RUNDOWN_BUILD',
    ready: 'PAGE_RUNDOWN_READY',
    lock: 'PAGE_RUNDOWN_LOCK',
  } as const;
  return html`<form class="inline" method="post" action="${weekPath(channel, week, move)}">${csrfField(csrf)}<button name="move" value="${move}"${move === 'build' ? '' : html` class="secondary"`}>${message(labels[move])}</button></form>`;
}

/** The moves a week offers: those every slot's state allows (as-run has its own form). */
function weekMoves(week: WeekSlots): ('build' | 'ready' | 'lock')[] {
  const states = week.slots.map((s) => s.state);
  return (['build', 'ready', 'lock'] as const).filter(
    (m) => states.length > 0 && states.some((s) => MOVES[s].includes(m)),
  );
}

/** The programmes' weeks: last week to three weeks ahead, each with its state and moves. */
async function weeksHtml(ctx: ServerContext, user: AuthUser, csrf: string | undefined) {
  const canWrite = allows(user.role, 'rundown:write');
  const sections: Html[] = [];
  for (const channel of broadcastChannels(ctx)) {
    const col = {
      week: message('PAGE_WEEK'),
      slots: message('PAGE_RUNDOWN_SLOTS'),
      state: message('PAGE_STATUS_HEAD'),
      actions: message('PAGE_ACTIONS'),
    };
    const rows: Html[] = [];
    for (let offset = -1; offset <= 3; offset++) {
      const label = weekFrom(ctx, channel, offset);
      const week = await weekSlots(ctx, channel, label);
      const state = weekState(week);
      const slots = week.slots.map(
        (s) =>
          html`<li>${s.air}: <span class="state-${s.state}">${slotStateWord(s.state)}</span></li>`,
      );
      const moves = canWrite
        ? weekMoves(week).map((m) => moveButton(channel.id, label, m, csrf))
        : [];
      const here =
        offset === 0 ? html` <span class="badge">${message('PAGE_THIS_WEEK')}</span>` : '';
      rows.push(
        html`<tr data-week="${label}" data-state="${state ?? ''}">${cell(col.week, html`<a href="${weekPath(channel.id, label)}">${label}</a>${here}`)}${cell(col.slots, html`<ul class="plain">${slots}</ul>`)}${cell(col.state, state ? slotStateWord(state) : '')}${cell(col.actions, html`<div class="actions">${moves}</div>`)}</tr>\n`,
      );
    }
    sections.push(html`<section class="programme" data-channel="${channel.id}"><h2>${channel.programme} — ${channel.station}</h2>
<table class="stack weeks"><thead><tr>${Object.values(col).map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>${rows}</tbody></table></section>`);
  }
  if (sections.length === 0) return html`<p>${message('PAGE_RUNDOWN_NONE')}</p>`;
  return html`${sections}`;
}

/** The as-run form of a week: offered while a slot is ready or locked. */
function airedForm(channel: string, week: string, csrf: string | undefined): Html {
  return html`<form method="post" action="${weekPath(channel, week, 'aired')}" class="filters">${csrfField(csrf)}
<label>${message('PAGE_AIRED_START')} <input type="datetime-local" name="start" required></label>
<label>${message('PAGE_AIRED_MINUTES')} <input type="number" name="minutes" min="1" max="600" required></label>
<button>${message('PAGE_AIRED')}</button></form>`;
}

const DONE: Record<string, MessageCode> = {
  build: 'PAGE_RUNDOWN_BUILT',
  ready: 'PAGE_RUNDOWN_MADE_READY',
  lock: 'PAGE_RUNDOWN_LOCKED',
  aired: 'PAGE_RUNDOWN_AIRED',
  unlock: 'PAGE_RUNDOWN_UNLOCKED',
  story: 'PAGE_STORY_CHANGED',
};

/** The week page of a programme. */
async function weekHtml(
  c: Context<ServerEnv>,
  ctx: ServerContext,
  channelId: string,
  week: string,
) {
  const user = c.get('user') as AuthUser;
  const csrf = c.get('csrf');
  const channel = broadcastChannels(ctx).find((ch) => ch.id === channelId);
  if (!channel) return undefined;
  const label = weekLabel(ctx, week, zoneOf(channel, ctx.session.config));
  const slots = await weekSlots(ctx, channel, label);
  const canWrite = allows(user.role, 'rundown:write');
  const moves = canWrite ? weekMoves(slots).map((m) => moveButton(channel.id, label, m, csrf)) : [];
  const airable = canWrite && slots.slots.some((s) => s.state === 'ready' || s.state === 'locked');
  const exports = (['html', 'csv', 'mos', 'ics', 'json'] as const).map(
    (f) =>
      html`<a href="/api/rundowns/${encodeURIComponent(channel.id)}/${encodeURIComponent(label)}?format=${f}"${f === 'html' ? html` target="_blank" rel="noopener"` : ''}>${message(f === 'html' ? 'PAGE_RUNDOWN_PRINT' : 'PAGE_RUNDOWN_EXPORT', { format: f.toUpperCase() })}</a>`,
  );
  const done = c.req.query('done');
  const notice =
    done && DONE[done] ? noticeBox(message(DONE[done] as MessageCode, { week: label })) : '';
  const tables = slots.slots.map((s) =>
    s.rundown
      ? rundownTable(s.rundown, { weekPath: weekPath(channel.id, label), n: s.n, canWrite, csrf })
      : html`<section class="rundown" data-state="missing"><h2>${s.air}</h2><p>${message('PAGE_RUNDOWN_NOT_BUILT')}</p></section>`,
  );
  const nav = html`<p class="actions"><a rel="prev" href="${weekPath(channel.id, shiftWeek(label, -1, ctx, channel))}">${message('PAGE_PREV_WEEK')}</a> <a rel="next" href="${weekPath(channel.id, shiftWeek(label, 1, ctx, channel))}">${message('PAGE_NEXT_WEEK')}</a> <a href="/rundown">${message('PAGE_RUNDOWN_ALL_WEEKS')}</a></p>`;
  const live = canWrite ? html`<div id="rundown-live" aria-live="polite"></div>` : '';
  const body = html`${notice}${live}${nav}<p class="actions">${exports.map((a, i) => html`${i ? ' · ' : ''}${a}`)}</p>
${moves.length ? html`<div class="actions">${moves}</div>` : ''}${airable ? airedForm(channel.id, label, csrf) : ''}
${tables}`;
  return page(message('PAGE_RUNDOWN_OF', { channel: channel.programme, week: label }), body, {
    user,
    csrf,
    path: '/rundown',
    ...(canWrite ? { scripts: [RUNDOWN_SCRIPT_PATH] } : {}),
  });
}

function shiftWeek(label: string, by: number, ctx: ServerContext, channel: BroadcastChannel) {
  const zone = zoneOf(channel, ctx.session.config);
  return periodOf(label, zone).start.plus({ weeks: by }).toFormat("kkkk-'W'WW");
}

/**
 * The broadcaster's pages: each programme's weeks (last week to three ahead) with the state
 * of each slot and the moves that state allows; a week's rundowns with segments, stories,
 * cume and back-time, its exports (the A4 print among them), build, ready, lock and as-run.
 */
export function rundownPages(app: Hono<ServerEnv>, ctx: ServerContext): void {
  app.get('/rundown', requires('rundown:read'), async (c) => {
    const user = c.get('user') as AuthUser;
    const body = await weeksHtml(ctx, user, c.get('csrf'));
    return c.html(
      page(message('PAGE_RUNDOWN'), body, { user, csrf: c.get('csrf'), path: '/rundown' }),
    );
  });
  app.get(
    '/rundown/:channel/:week{\\d{4}-W\\d{2}|current}',
    requires('rundown:read'),
    async (c) => {
      const { channel, week } = c.req.param();
      const out = await weekHtml(c, ctx, channel, week);
      if (!out) return c.notFound();
      return c.html(out);
    },
  );
  const AsRunForm = z.object({
    start: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
    minutes: z.coerce.number().int().min(1).max(600),
  });
  const StoryForm = z.object({
    slot: z.string().regex(/^\d+$/),
    slug: z.string().min(1).max(200),
    action: z.enum(['up', 'down', 'float', 'unfloat', 'to']),
    to: z.coerce.number().int().min(1).optional(),
  });
  app.post('/rundown/:channel/:week/story', requires('rundown:write'), async (c) => {
    const { channel, week } = c.req.param();
    const form = StoryForm.parse(nfcDeep(await c.req.parseBody()));
    const edit: StoryEdit =
      form.action === 'to' ? { kind: 'to', position: (form.to ?? 1) - 1 } : { kind: form.action };
    const user = c.get('user') as AuthUser;
    await editStory(broadcastContext(ctx, user), {
      channel,
      period: week,
      slot: form.slot,
      slug: form.slug,
      edit,
    });
    return c.redirect(`${weekPath(channel, week)}?done=story#slot-${form.slot}`, 303);
  });
  const UnlockForm = z.object({ slot: z.string().regex(/^\d+$/), reason: z.string().max(500) });
  app.post('/rundown/:channel/:week/unlock', requires('rundown:write'), async (c) => {
    const { channel, week } = c.req.param();
    const form = UnlockForm.parse(nfcDeep(await c.req.parseBody()));
    const user = c.get('user') as AuthUser;
    await moveRundowns(broadcastContext(ctx, user), {
      channel,
      period: week,
      slot: form.slot,
      move: 'unlock',
      reason: form.reason,
    });
    return c.redirect(`${weekPath(channel, week)}?done=unlock`, 303);
  });
  for (const move of ['build', 'ready', 'lock', 'aired'] as const) {
    app.post(`/rundown/:channel/:week/${move}`, requires('rundown:write'), async (c) => {
      const { channel, week } = c.req.param();
      const user = c.get('user') as AuthUser;
      const b = broadcastContext(ctx, user);
      if (move === 'aired') {
        const form = AsRunForm.parse(nfcDeep(await c.req.parseBody()));
        await recordAsRun(b, {
          channel,
          period: week,
          start: form.start,
          durationSec: form.minutes * 60,
        });
      } else if (move === 'build') {
        await buildWeek(b, { channel, period: week });
      } else {
        await moveRundowns(b, { channel, period: week, move });
      }
      return c.redirect(`${weekPath(channel, week)}?done=${move}`, 303);
    });
  }
}
