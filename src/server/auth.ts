import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { FailureThrottle } from '../auth/failure-throttle.js';
import { allows, type Permission } from '../auth/roles.js';
import { formatTokenInstant } from '../auth/token-expiry.js';
import { TokenUsage } from '../auth/token-usage.js';
import { checkToken } from '../auth/tokens.js';
import type { AuthUser } from '../auth/users.js';
import { toStored } from '../store/instant.js';
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
 * What authentication keeps between requests of one app: failures per client address (the
 * throttle) and when each token's last use was written.
 */
export interface AuthGuard {
  throttle: FailureThrottle;
  usage: TokenUsage;
}

/** A fresh guard for an app on the context's store. */
export function authGuard(ctx: ServerContext): AuthGuard {
  return { throttle: new FailureThrottle(), usage: new TokenUsage(ctx.session.store.db) };
}

/** The client's address as the socket gives it (no proxy header: a client could forge it). */
function clientOf(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/**
 * Checks a presented token (bearer, session cookie or the login form) and resolves to its
 * user, recording the use at most once a minute; or to the answer already made: 401 saying
 * whether the token is unknown, expired or revoked, or 429 with Retry-After once the client
 * has failed 10 times in a minute. Neither the token nor its hash is logged.
 */
export async function signIn(
  c: Context<ServerEnv>,
  ctx: ServerContext,
  guard: AuthGuard,
  token: string,
  from: 'bearer' | 'cookie' | 'form',
): Promise<AuthUser | Response> {
  const now = ctx.clock.now();
  const check = await checkToken(ctx.session.store.db, token, toStored(now));
  if (check.ok) {
    await guard.usage.used(check.hash, check.lastUsedAt, now);
    return check.user;
  }
  // A session whose token no longer works is over: the browser forgets it.
  if (from === 'cookie') deleteCookie(c, SESSION_COOKIE, { path: '/' });
  const verdict = guard.throttle.fail(clientOf(c), now.toMillis());
  if (verdict.throttled) {
    c.header('Retry-After', String(verdict.retryAfterSec));
    return refuse(c, 429, 'HTTP_AUTH_THROTTLED', { seconds: verdict.retryAfterSec });
  }
  if (check.reason === 'expired') {
    return refuse(c, 401, 'HTTP_AUTH_EXPIRED', { expires: formatTokenInstant(check.expiresAt) });
  }
  if (check.reason === 'revoked') {
    return refuse(c, 401, 'HTTP_AUTH_REVOKED', { revoked: formatTokenInstant(check.revokedAt) });
  }
  return refuse(c, 401, 'HTTP_AUTH_INVALID');
}

/**
 * Reads the bearer token (API) or the session cookie (pages) and sets the request's user.
 * A token that is given but unknown, expired or revoked is refused at once (and a session
 * cookie holding it is cleared); a missing one is left to `requires`. The login page ignores
 * the cookie, so a user whose token expired can sign in with a new one.
 */
export function authenticate(ctx: ServerContext, guard: AuthGuard): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const bearer = bearerOf(c);
    const cookie = bearer || c.req.path === '/login' ? undefined : getCookie(c, SESSION_COOKIE);
    const token = bearer ?? cookie;
    c.set('user', undefined);
    if (token !== undefined) {
      const user = await signIn(c, ctx, guard, token, bearer ? 'bearer' : 'cookie');
      if (user instanceof Response) return user;
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
