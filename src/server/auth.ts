import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { allows, type Permission } from '../auth/roles.js';
import { userOfToken } from '../auth/users.js';
import type { ServerContext, ServerEnv } from './context.js';
import { isApi, refuse } from './refusal.js';

/** The cookie the login form sets: HttpOnly, SameSite=Strict. */
export const SESSION_COOKIE = 'loa_session';

/**
 * The CSRF token of a session, derived from its secret token: only the token's holder can
 * compute it, every process computes the same one, and it changes with the token.
 */
export function csrfTokenOf(token: string): string {
  return createHash('sha256').update(`loa-csrf\0${token}`, 'utf8').digest('base64url');
}

/** Whether a request carries a bearer token (an API client, which browsers never forge). */
export function hasBearer(c: Context): boolean {
  return bearerOf(c) !== undefined;
}

function bearerOf(c: Context): string | undefined {
  const header = c.req.header('authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/**
 * Reads the bearer token (API) or the session cookie (pages) and sets the request's user.
 * A token that is given but unknown is refused at once; a missing one is left to `requires`.
 */
export function authenticate(ctx: ServerContext): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const bearer = bearerOf(c);
    const cookie = bearer ? undefined : getCookie(c, SESSION_COOKIE);
    const token = bearer ?? cookie;
    c.set('user', undefined);
    if (token !== undefined) {
      const user = await userOfToken(ctx.session.store.db, token);
      if (!user) return refuse(c, 401, 'HTTP_AUTH_INVALID');
      c.set('user', user);
      if (cookie !== undefined) c.set('csrf', csrfTokenOf(cookie));
    }
    await next();
  };
}

/** Refuses the request unless a user is signed in and their role holds the permission. */
export function requires(permission: Permission): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (!user) {
      if (!isApi(c) && c.req.method === 'GET') {
        c.set('refused', 'HTTP_AUTH_MISSING');
        return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
      }
      return refuse(c, 401, 'HTTP_AUTH_MISSING');
    }
    if (!allows(user.role, permission)) {
      return refuse(c, 403, 'HTTP_FORBIDDEN', { user: user.name, role: user.role, permission });
    }
    await next();
  };
}

/**
 * Every form carries the session's CSRF token in a hidden `_csrf` field; a form without
 * it, or with another session's, is refused. (The Origin check is hono/csrf, before this.)
 */
export function formCsrf(): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || bearerOf(c)) return next();
    const expected = c.get('csrf');
    const type = c.req.header('content-type') ?? '';
    if (type.includes('form')) {
      const body = await c.req.parseBody();
      if (expected === undefined || body._csrf !== expected) return refuse(c, 403, 'HTTP_CSRF');
    } else if (expected !== undefined) {
      // A cookie session sending JSON: only the API's bearer tokens may do that.
      return refuse(c, 403, 'HTTP_CSRF');
    }
    return next();
  };
}
