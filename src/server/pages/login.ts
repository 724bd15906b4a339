import type { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { message } from '../../i18n/catalogue.js';
import { escapeHtml } from '../../text/html.js';
import { type AuthGuard, SESSION_COOKIE, signIn } from '../auth.js';
import type { ServerContext, ServerEnv } from '../context.js';
import { refuse } from '../refusal.js';
import { page } from './layout.js';

/** Only a local path may follow the login (no open redirect). */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/[\w\-/]*$/.test(next) ? next : '/queue';
}

function loginForm(next: string): string {
  return `<form method="post" action="/login">
<input type="hidden" name="next" value="${escapeHtml(next)}">
<label>${escapeHtml(message('PAGE_TOKEN'))} <input type="password" name="token" autocomplete="off" required></label>
<button type="submit">${escapeHtml(message('PAGE_LOGIN'))}</button></form>
<p>${escapeHtml(message('PAGE_LOGIN_HINT'))}</p>`;
}

/**
 * Login by token: the form's token is checked (an expired or revoked one is refused, and
 * failures count towards the client's throttle) and kept in an HttpOnly, SameSite=Strict
 * cookie; the CSRF token of every later form is derived from it.
 */
export function loginRoutes(app: Hono<ServerEnv>, ctx: ServerContext, guard: AuthGuard): void {
  app.get('/', (c) => c.redirect(c.get('user') ? '/queue' : '/login', 303));
  app.get('/login', (c) =>
    c.html(page(message('PAGE_LOGIN'), loginForm(safeNext(c.req.query('next'))), undefined)),
  );
  app.post('/login', async (c) => {
    const body = await c.req.parseBody();
    const token = typeof body.token === 'string' ? body.token.trim() : '';
    if (!token) return refuse(c, 401, 'HTTP_AUTH_INVALID');
    const user = await signIn(c, ctx, guard, token, 'form');
    if (user instanceof Response) return user;
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: new URL(c.req.url).protocol === 'https:',
      maxAge: 12 * 3600,
    });
    c.set('user', user);
    return c.redirect(safeNext(body.next), 303);
  });
  app.post('/logout', (c) => {
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/login', 303);
  });
}
