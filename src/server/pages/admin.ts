import type { Context, Hono } from 'hono';
import type { AuthUser } from '../../auth/roles.js';
import { ROLES, type Role } from '../../auth/roles.js';
import { expiryFrom, formatTokenInstant } from '../../auth/token-expiry.js';
import { listTokens, revokeToken } from '../../auth/tokens.js';
import { addUser, createToken, listUsers, setUserRole } from '../../auth/users.js';
import { LoaError } from '../../errors/loa-error.js';
import { hint, type MessageCode, message } from '../../i18n/catalogue.js';
import { toStored } from '../../model/instant.js';
import { setChannelPaused } from '../../store/publications.js';
import { requires } from '../auth.js';
import { channelHealth } from '../channel-health.js';
import type { ServerContext, ServerEnv } from '../context.js';
import { statusOf } from '../refusal.js';
import { html } from './html.js';
import { cell, csrfField, noticeBox, page, problemBox } from './layout.js';
import { roleWord } from './menu.js';

/** What the admin page shows above its sections: a confirmation, a refusal, a new token. */
interface AdminShown {
  notice?: string;
  problem?: { message: string; hint: string | undefined };
  /** A token just created: shown this once, never stored in clear. */
  created?: { user: string; token: string; id: string; expiresAt: string | null };
}

const EXPIRY_CHOICES = ['30', '90', '180', '365', 'never'] as const;

const when = (stored: string | null) => (stored ? formatTokenInstant(stored) : '—');

const TOKEN_STATES: Record<string, MessageCode> = {
  active: 'PAGE_TOKEN_ACTIVE',
  expired: 'PAGE_TOKEN_EXPIRED',
  revoked: 'PAGE_TOKEN_REVOKED',
};

async function adminHtml(c: Context<ServerEnv>, ctx: ServerContext, shown: AdminShown = {}) {
  const user = c.get('user') as AuthUser;
  const csrf = c.get('csrf');
  const db = ctx.session.store;
  const users = await listUsers(db);
  const tokens = await listTokens(db, toStored(ctx.clock.now()));
  const health = await channelHealth(ctx);
  const th = (labels: string[]) =>
    html`<thead><tr>${labels.map((l) => html`<th scope="col">${l}</th>`)}</tr></thead>`;

  const created = shown.created
    ? html`<section class="notice" role="status" id="new-token"><p>${message('PAGE_TOKEN_CREATED', { user: shown.created.user, expires: when(shown.created.expiresAt) })}</p>
<code class="secret" data-token-id="${shown.created.id}">${shown.created.token}</code>
<p>${message('PAGE_TOKEN_ONCE')}</p></section>`
    : '';

  const u = {
    name: message('PAGE_USER_NAME'),
    role: message('PAGE_ROLE'),
    created: message('PAGE_CREATED'),
    tokens: message('PAGE_ADMIN_TOKENS'),
  };
  const roleOptions = ROLES.map((r) => html`<option value="${r}">${roleWord(r)}</option>`);
  /** The form that gives one user another role, their current role preselected. */
  const roleForm = (name: string, current: string) =>
    html`<form class="inline" method="post" action="/admin/users/${encodeURIComponent(name)}/role">${csrfField(csrf)}<select name="role" aria-label="${message('PAGE_NEW_ROLE_OF', { name })}">${ROLES.map((r) => html`<option value="${r}"${r === current ? html` selected` : ''}>${roleWord(r)}</option>`)}</select> <button class="secondary">${message('PAGE_CHANGE_ROLE')}</button></form>`;
  const userRows = users.map(
    (r) =>
      html`<tr data-user="${r.name}" data-role="${r.role}">${cell(u.name, r.name)}${cell(u.role, roleWord(r.role as Role))}${cell(u.created, `${when(r.created_at)} (${r.created_by})`)}${cell(u.tokens, r.tokens)}${cell(message('PAGE_ACTIONS'), roleForm(r.name, r.role))}</tr>\n`,
  );
  const usersSection = html`<section id="users"><h2>${message('PAGE_ADMIN_USERS')}</h2>
<table class="stack">${th([...Object.values(u), message('PAGE_ACTIONS')])}<tbody>${userRows}</tbody></table>
<form method="post" action="/admin/users" class="filters">${csrfField(csrf)}
<label>${u.name} <input name="name" required maxlength="64" autocomplete="off"></label>
<label>${u.role} <select name="role">${roleOptions}</select></label>
<button>${message('PAGE_ADD_USER')}</button></form></section>`;

  const t = {
    id: message('PAGE_TOKEN_ID'),
    user: message('PAGE_USER_NAME'),
    created: message('PAGE_CREATED'),
    expires: message('PAGE_TOKEN_EXPIRES'),
    used: message('PAGE_TOKEN_LAST_USED'),
    state: message('PAGE_STATUS_HEAD'),
    actions: message('PAGE_ACTIONS'),
  };
  const tokenRows = tokens.map((k) => {
    const revoke =
      k.state === 'active'
        ? html`<form class="inline" method="post" action="/admin/tokens/${k.id}/revoke">${csrfField(csrf)}<button class="danger">${message('PAGE_TOKEN_REVOKE')}</button></form>`
        : '';
    const state =
      k.state === 'revoked'
        ? `${message('PAGE_TOKEN_REVOKED')} ${when(k.revokedAt)} (${k.revokedBy ?? ''})`
        : message(TOKEN_STATES[k.state] as MessageCode);
    return html`<tr data-token="${k.id}" data-state="${k.state}">${cell(t.id, html`<code>${k.id}</code>`)}${cell(t.user, `${k.user} (${roleWord(k.role as Role)})`)}${cell(t.created, when(k.createdAt))}${cell(t.expires, k.expiresAt ? when(k.expiresAt) : message('PAGE_TOKEN_NEVER'))}${cell(t.used, when(k.lastUsedAt))}${cell(t.state, state)}${cell(t.actions, revoke)}</tr>\n`;
  });
  const userOptions = users.map(
    (r) => html`<option value="${r.name}">${`${r.name} (${roleWord(r.role as Role)})`}</option>`,
  );
  const expiry = EXPIRY_CHOICES.map(
    (e) =>
      html`<option value="${e}"${e === '90' ? html` selected` : ''}>${e === 'never' ? message('PAGE_TOKEN_NEVER') : message('PAGE_TOKEN_DAYS', { days: Number(e) })}</option>`,
  );
  const tokensSection = html`<section id="tokens"><h2>${message('PAGE_ADMIN_TOKENS')}</h2>
<form method="post" action="/admin/tokens" class="filters">${csrfField(csrf)}
<label>${message('PAGE_USER_NAME')} <select name="user" required>${userOptions}</select></label>
<label>${message('PAGE_TOKEN_VALID_FOR')} <select name="expires">${expiry}</select></label>
<label>${message('PAGE_TOKEN_UNTIL')} <input type="date" name="until"></label>
<button>${message('PAGE_TOKEN_CREATE')}</button></form>
<table class="stack">${th(Object.values(t))}<tbody>${tokenRows}</tbody></table></section>`;

  const h = {
    id: message('PAGE_CHANNEL'),
    kind: message('PAGE_KIND'),
    state: message('PAGE_STATUS_HEAD'),
    failing: message('PAGE_CHANNEL_FAILING'),
    success: message('PAGE_CHANNEL_LAST_SUCCESS'),
    scheduled: message('PAGE_CHANNEL_SCHEDULED'),
    actions: message('PAGE_ACTIONS'),
  };
  const healthRows = health.map((ch) => {
    const state =
      ch.paused !== undefined
        ? html`<span class="missed">${message('PAGE_CHANNEL_PAUSED', { reason: ch.paused })}</span>`
        : ch.failing > 0
          ? html`<span class="at-risk">${message('PAGE_CHANNEL_FAILING_STATE')}</span>`
          : html`<span class="met">${message('PAGE_CHANNEL_OK')}</span>`;
    const resume =
      ch.paused !== undefined
        ? html`<form class="inline" method="post" action="/admin/channels/${ch.id}/resume">${csrfField(csrf)}<button>${message('PAGE_CHANNEL_RESUME')}</button></form>`
        : '';
    return html`<tr data-channel="${ch.id}">${cell(h.id, ch.id)}${cell(h.kind, ch.kind)}${cell(h.state, state)}${cell(h.failing, html`${ch.failing}${ch.lastError ? html`<div class="muted">${ch.lastError}</div>` : ''}`)}${cell(h.success, when(ch.lastSuccess ?? null))}${cell(h.scheduled, ch.scheduled)}${cell(h.actions, resume)}</tr>\n`;
  });
  const channelsSection = html`<section id="channels"><h2>${message('PAGE_ADMIN_CHANNELS')}</h2>
<table class="stack">${th(Object.values(h))}<tbody>${healthRows}</tbody></table></section>`;

  const top = html`${shown.notice ? noticeBox(shown.notice) : ''}${shown.problem ? problemBox(shown.problem) : ''}${created}`;
  return page(
    message('PAGE_ADMIN'),
    html`${top}<p class="actions"><a href="#users">${message('PAGE_ADMIN_USERS')}</a> · <a href="#tokens">${message('PAGE_ADMIN_TOKENS')}</a> · <a href="#channels">${message('PAGE_ADMIN_CHANNELS')}</a></p>${usersSection}${tokensSection}${channelsSection}`,
    { user, csrf, path: '/admin' },
  );
}

const text = (v: unknown) => (typeof v === 'string' ? v.normalize('NFC').trim() : '');

/**
 * The administrator's page: users (add, with a role; change a role), access tokens (create, shown once;
 * revoke; expiry) and each channel's health (paused, failing, last success; resume), all
 * through the functions `loa user add|role`, `loa token` and `loa queue resume-channel` call.
 */
export function adminPages(app: Hono<ServerEnv>, ctx: ServerContext): void {
  const db = ctx.session.store;
  const by = (c: Context<ServerEnv>) => ({
    actor: c.get('user')?.name ?? '',
    at: toStored(ctx.clock.now()),
  });
  /** Runs a change; a refusal shows the page again with it, status as the API would. */
  const attempt = async (c: Context<ServerEnv>, change: () => Promise<AdminShown>) => {
    try {
      const shown = await change();
      if (shown.created) c.header('cache-control', 'no-store');
      return c.html(await adminHtml(c, ctx, shown));
    } catch (error) {
      if (!(error instanceof LoaError)) throw error;
      c.set('refused', error.code);
      const problem = {
        message: message(error.code, error.params),
        hint: hint(error.code, error.params),
      };
      return c.html(await adminHtml(c, ctx, { problem }), statusOf(error));
    }
  };
  app.get('/admin', requires('users:admin'), async (c) => c.html(await adminHtml(c, ctx)));
  app.post('/admin/users', requires('users:admin'), async (c) => {
    const body = await c.req.parseBody();
    return attempt(c, async () => {
      const added = await addUser(db, text(body.name), text(body.role), by(c));
      return {
        notice: message('PAGE_USER_ADDED', {
          name: added.name,
          role: roleWord(added.role as Role),
        }),
      };
    });
  });
  app.post('/admin/users/:name/role', requires('users:admin'), async (c) => {
    const body = await c.req.parseBody();
    return attempt(c, async () => {
      const { user, from } = await setUserRole(
        ctx.session.store,
        c.req.param('name'),
        text(body.role),
      );
      return {
        notice: message('PAGE_ROLE_CHANGED', {
          name: user.name,
          from: roleWord(from as Role),
          role: roleWord(user.role as Role),
        }),
      };
    });
  });
  app.post('/admin/tokens', requires('users:admin'), async (c) => {
    const body = await c.req.parseBody();
    return attempt(c, async () => {
      const until = text(body.until);
      const expiresAt = expiryFrom(until || text(body.expires) || undefined, ctx.clock.now());
      const made = await createToken(db, text(body.user), by(c), expiresAt);
      return {
        created: { user: made.user.name, token: made.token, id: made.id, expiresAt },
      };
    });
  });
  app.post('/admin/tokens/:id/revoke', requires('users:admin'), async (c) =>
    attempt(c, async () => {
      const { token } = await revokeToken(db, c.req.param('id'), by(c));
      return { notice: message('PAGE_TOKEN_REVOKED_NOTICE', { id: token.id, user: token.user }) };
    }),
  );
  app.post('/admin/channels/:id/resume', requires('users:admin'), async (c) =>
    attempt(c, async () => {
      const channel = c.req.param('id');
      if (!ctx.session.config.channels.has(channel)) {
        const known = [...ctx.session.config.channels.keys()].join(', ');
        throw new LoaError('CHANNEL_UNKNOWN', {
          params: { id: channel, known },
          kind: 'not-found',
        });
      }
      const actor = by(c);
      await ctx.session.store.transaction((tx) =>
        setChannelPaused(tx, channel, false, `resumed by ${actor.actor}`, actor.at),
      );
      return { notice: message('QUEUE_CHANNEL_RESUMED', { channel }) };
    }),
  );
}
