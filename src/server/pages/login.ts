import type { Hono } from 'hono';
import { useLoginLink } from '../../auth/login-links.js';
import { isRole } from '../../auth/roles.js';
import { findUser } from '../../auth/users.js';
import { message } from '../../i18n/catalogue.js';
import { type AuthGuard, endSession, signIn, startSession } from '../auth.js';
import type { ServerContext, ServerEnv } from '../context.js';
import { refuse } from '../refusal.js';
import { type Html, html } from './html.js';
import { page } from './layout.js';

/**
 * Only a path of this site may follow the login (no open redirect): one leading slash, then
 * letters, digits, `-`, `_` and single slashes; `//host`, `/\\host` and anything else fall
 * back to the user's home.
 */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^(\/[\w-]+)*\/?$/.test(next) && next.startsWith('/')
    ? next
    : '/';
}

function loginForm(next: string): Html {
  return html`<form method="post" action="/login" class="filters">
<input type="hidden" name="next" value="${next}">
<label>${message('PAGE_TOKEN')} <input type="password" name="token" autocomplete="off" required></label>
<button type="submit">${message('PAGE_LOGIN')}</button></form>
<p>${message('PAGE_LOGIN_HINT')}</p>`;
}

/**
 * Login by token: the form's token is checked (an expired or revoked one is refused, and
 * failures count towards the client's throttle) and a browser session of its own is opened
 * (`startSession`): the cookie holds the session's secret, never the token. Logout ends
 * the session in the store, so its cookie stops working everywhere at once.
 */
export function loginRoutes(app: Hono<ServerEnv>, ctx: ServerContext, guard: AuthGuard): void {
  app.get('/login', (c) =>
    c.html(
      page(message('PAGE_LOGIN'), loginForm(safeNext(c.req.query('next'))), {
        user: undefined,
        path: '/login',
      }),
    ),
  );
  app.post('/login', async (c) => {
    const body = await c.req.parseBody();
    const token = typeof body.token === 'string' ? body.token.trim() : '';
    if (!token) return refuse(c, 401, 'HTTP_AUTH_INVALID');
    const signed = await signIn(c, ctx, guard, token, 'form');
    if (signed instanceof Response) return signed;
    await startSession(c, ctx, signed.user, signed.tokenHash);
    return c.redirect(safeNext(body.next), 303);
  });
  // The one-time link `loa start` prints for the first administrator: it opens a browser
  // session once, within its time, and never again.
  app.get('/login/once/:secret', async (c) => {
    const name = await useLoginLink(ctx.session.store, c.req.param('secret'), ctx.clock.now());
    const user = name ? await findUser(ctx.session.store, name) : undefined;
    if (!user || !isRole(user.role)) return refuse(c, 401, 'HTTP_LOGIN_LINK_USED');
    await startSession(c, ctx, { name: user.name, role: user.role }, null);
    return c.redirect('/', 303);
  });
  app.post('/logout', async (c) => {
    await endSession(c, ctx);
    return c.redirect('/login', 303);
  });
}
