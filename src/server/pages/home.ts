import type { Hono } from 'hono';
import { DateTime } from 'luxon';
import { zoneOf } from '../../app/broadcast/service-context.js';
import type { AuthUser } from '../../auth/roles.js';
import { listTokens } from '../../auth/tokens.js';
import { listUsers } from '../../auth/users.js';
import { LoaError } from '../../errors/loa-error.js';
import { message } from '../../i18n/catalogue.js';
import { toStored } from '../../model/instant.js';
import type { Plan } from '../../model/plan.js';
import { DEFAULT_ZONE } from '../../model/primitives.js';
import { itemVersion } from '../../store/items.js';
import { listPublications } from '../../store/publications.js';
import { auditOf } from '../api-evidence.js';
import { queueEntries } from '../api-queue.js';
import { channelHealth } from '../channel-health.js';
import type { ServerContext, ServerEnv } from '../context.js';
import { type Html, html } from './html.js';
import { page } from './layout.js';
import { completionBar, STATUS_WORDS } from './quota-chart.js';
import { defaultPeriod, downloadButtons } from './quotas.js';
import { broadcastChannels, slotStateWord, weekSlots, weekState } from './rundown.js';

const card = (title: string, body: Html, id: string) =>
  html`<section class="card" id="${id}"><h2>${title}</h2>${body}</section>`;

const plansOf = (ctx: ServerContext): Plan[] => ctx.session.project.plans.map((p) => p.value);

/** The plans in force today, in their own zone. */
function plansInForce(ctx: ServerContext): Plan[] {
  return plansOf(ctx).filter((plan) => defaultPeriod(plan, ctx.clock.now()) !== 'plan');
}

/** The editor's home: what goes out this week, drafts to approve, quotas at risk this month. */
async function editorHome(ctx: ServerContext): Promise<Html> {
  const now = ctx.clock.now();
  const zone = plansOf(ctx)[0]?.timeZone ?? DEFAULT_ZONE;
  const from = toStored(now);
  const to = toStored(now.plus({ days: 7 }));
  const due: Html[] = [];
  for (const p of await listPublications(ctx.session.store, { status: 'scheduled' })) {
    if (p.slot < from || p.slot >= to) continue;
    const title = (await itemVersion(ctx.session.store, p.item_id, p.item_version))?.title;
    const when = DateTime.fromISO(p.slot, { zone: 'utc' })
      .setZone(zone)
      .toFormat('ccc dd/MM HH:mm', { locale: message('PAGE_LANG') });
    due.push(
      html`<li data-item="${p.item_id}"><strong>${when}</strong> ${title ?? p.item_id} <span class="muted">(${p.channel_id})</span></li>`,
    );
  }
  const drafts = (await queueEntries(ctx, { status: 'draft' })).map(
    (e) => html`<li><a href="/queue#item-${e.id}">${e.title ?? e.id}</a></li>`,
  );
  const risks: Html[] = [];
  for (const plan of plansInForce(ctx)) {
    const period = defaultPeriod(plan, now);
    const result = await auditOf(ctx, { plan: plan.id, period, unit: undefined });
    for (const task of result.tasks) {
      const bad = task.periods.find((p) => p.status === 'at-risk' || p.status === 'missed');
      if (!bad) continue;
      risks.push(
        html`<li class="${bad.status}"><a href="/quotas?plan=${plan.id}&amp;period=${period}#task-${task.id}">${task.title}</a> — ${message(STATUS_WORDS[bad.status])} (${bad.achieved}/${bad.required}, ${bad.label})</li>`,
      );
    }
  }
  const list = (items: Html[], none: string) =>
    items.length ? html`<ul>${items}</ul>` : html`<p class="muted">${none}</p>`;
  return html`<p class="actions"><a class="button" href="/items/new">${message('PAGE_HOME_ADD_ITEM')}</a><a class="button secondary" href="/calendar">${message('PAGE_CALENDAR')}</a></p>
<div class="cards">${card(message('PAGE_HOME_DUE'), list(due, message('PAGE_HOME_NOTHING_DUE')), 'due')}${card(message('PAGE_HOME_DRAFTS', { count: drafts.length }), list(drafts, message('PAGE_HOME_NO_DRAFTS')), 'drafts')}${card(message('PAGE_HOME_AT_RISK'), list(risks, message('PAGE_HOME_NO_RISK')), 'at-risk')}</div>`;
}

/** The broadcaster's home: this week's and next week's rundowns of every programme. */
async function broadcasterHome(ctx: ServerContext): Promise<Html> {
  const cards: Html[] = [];
  for (const channel of broadcastChannels(ctx)) {
    const zone = zoneOf(channel, ctx.session.config);
    const rows: Html[] = [];
    for (const offset of [0, 1]) {
      const label = ctx.clock.now().setZone(zone).plus({ weeks: offset }).toFormat("kkkk-'W'WW");
      const week = await weekSlots(ctx, channel, label);
      const state = weekState(week);
      const slots = week.slots.map((s) => `${s.air}: ${slotStateWord(s.state)}`).join(' · ');
      rows.push(
        html`<li data-week="${label}"><a href="/rundown/${channel.id}/${label}">${message(offset === 0 ? 'PAGE_THIS_WEEK_OF' : 'PAGE_NEXT_WEEK_OF', { week: label })}</a>: <strong>${state ? slotStateWord(state) : ''}</strong><br><span class="muted">${slots}</span></li>`,
      );
    }
    cards.push(
      card(
        `${channel.programme} — ${channel.station}`,
        html`<ul>${rows}</ul>`,
        `programme-${channel.id}`,
      ),
    );
  }
  if (cards.length === 0) return html`<p>${message('PAGE_RUNDOWN_NONE')}</p>`;
  return html`<div class="cards">${cards}</div><p><a href="/rundown">${message('PAGE_RUNDOWN_ALL_WEEKS')}</a></p>`;
}

/** The auditor's home: each plan's completion so far with its chart and its downloads. */
async function auditorHome(ctx: ServerContext, user: AuthUser): Promise<Html> {
  const cards: Html[] = [];
  for (const plan of plansOf(ctx)) {
    let result: Awaited<ReturnType<typeof auditOf>>;
    try {
      result = await auditOf(ctx, { plan: plan.id, period: 'plan', unit: undefined });
    } catch (error) {
      if (error instanceof LoaError) continue;
      throw error;
    }
    const c = result.completion;
    cards.push(
      html`<section class="card plan" data-plan="${plan.id}" data-percent="${c.percent ?? ''}"><h2>${plan.document.number}</h2><p>${plan.document.title}</p>
${completionBar(c.percent)}
<p>${message('PAGE_COMPLETION', { percent: c.percent === null ? '—' : `${c.percent}%`, met: c.met, assessed: c.assessed })}</p>
<p><a href="/quotas?plan=${plan.id}&amp;period=plan">${message('PAGE_HOME_SEE_QUOTAS')}</a></p>
${downloadButtons(result, 'plan', user)}</section>`,
    );
  }
  return html`<div class="cards">${cards}</div><p><a href="/evidence">${message('PAGE_EVIDENCE')}</a></p>`;
}

/** The administrator's home: users by role, tokens, and the channels' health. */
async function adminHome(ctx: ServerContext): Promise<Html> {
  const db = ctx.session.store;
  const users = await listUsers(db);
  const tokens = await listTokens(db, toStored(ctx.clock.now()));
  const active = tokens.filter((t) => t.state === 'active').length;
  const health = await channelHealth(ctx);
  const troubled = health.filter((h) => h.paused !== undefined || h.failing > 0);
  const channels = troubled.length
    ? html`<ul>${troubled.map((h) => html`<li class="missed">${h.id}: ${h.paused !== undefined ? message('PAGE_ADMIN_PAUSED') : ''} ${h.failing ? message('PAGE_ADMIN_FAILING', { count: h.failing }) : ''}</li>`)}</ul>`
    : html`<p class="met">${message('PAGE_ADMIN_ALL_WELL', { count: health.length })}</p>`;
  return html`<div class="cards">${card(message('PAGE_ADMIN_USERS'), html`<p class="figure">${users.length}</p><p><a href="/admin#users">${message('PAGE_ADMIN_MANAGE_USERS')}</a></p>`, 'users')}${card(message('PAGE_ADMIN_TOKENS'), html`<p class="figure">${active}</p><p>${message('PAGE_ADMIN_ACTIVE_TOKENS', { count: active, all: tokens.length })}</p><p><a href="/admin#tokens">${message('PAGE_ADMIN_MANAGE_TOKENS')}</a></p>`, 'tokens')}${card(message('PAGE_ADMIN_CHANNELS'), html`${channels}<p><a href="/admin#channels">${message('PAGE_ADMIN_SEE_CHANNELS')}</a></p>`, 'channels')}</div>`;
}

/** `/`: the signed-in user's home, by role; a visitor is sent to the login page. */
export function homePages(app: Hono<ServerEnv>, ctx: ServerContext): void {
  app.get('/', async (c) => {
    const user = c.get('user');
    if (!user) return c.redirect('/login', 303);
    const body =
      user.role === 'editor'
        ? await editorHome(ctx)
        : user.role === 'broadcaster'
          ? await broadcasterHome(ctx)
          : user.role === 'auditor'
            ? await auditorHome(ctx, user)
            : await adminHome(ctx);
    const title = message('PAGE_HOME_OF', { user: user.name });
    return c.html(page(title, body, { user, csrf: c.get('csrf'), path: '/' }));
  });
}
