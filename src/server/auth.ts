import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { FailureThrottle } from '../auth/failure-throttle.js';
import type { AuthUser } from '../auth/roles.js';
import { allows, type Permission } from '../auth/roles.js';
import {
  checkBrowserSession,
  endBrowserSession,
  openBrowserSession,
  SESSION_HOURS,
} from '../auth/sessions.js';
import { formatTokenInstant } from '../auth/token-expiry.js';
import { TokenUsage } from '../auth/token-usage.js';
import { checkToken } from '../auth/tokens.js';
import { toStored } from '../model/instant.js';
import type { ServerContext, ServerEnv } from './context.js';
import { forbidden } from './forbidden.js';
import { isApi, refuse } from './refusal.js';

/** The cookie that holds a browser session's secret: HttpOnly, SameSite=Strict. */
export const SESSION_COOKIE = 'loa_session';

/**
 * The CSRF token of a session, derived from its secret: only the session's holder can
 * compute it, every process computes the same one, and it changes with each session.
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
  return { throttle: new FailureThrottle(), usage: new TokenUsage(ctx.session.store) };
}

/** The client's address as the socket gives it (no proxy header: a client could forge it). */
function clientOf(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/** Why a presented credential was refused, for the user's message. */
type Refusal =
  | { reason: 'unknown' | 'ended' }
  | { reason: 'expired'; expiresAt: string }
  | { reason: 'revoked'; revokedAt: string };

/**
 * Answers a refused credential: 429 with Retry-After once the client has failed 10 times in
 * a minute, else 401 saying whether it is unknown, expired, revoked or a session that ended.
 * A refused session cookie is cleared, so the browser forgets it.
 */
function refuseCredential(
  c: Context<ServerEnv>,
  ctx: ServerContext,
  guard: AuthGuard,
  refusal: Refusal,
  from: 'bearer' | 'cookie' | 'form',
): Response {
  if (from === 'cookie') deleteCookie(c, SESSION_COOKIE, { path: '/' });
  const verdict = guard.throttle.fail(clientOf(c), ctx.clock.now().toMillis());
  if (verdict.throttled) {
    c.header('Retry-After', String(verdict.retryAfterSec));
    return refuse(c, 429, 'HTTP_AUTH_THROTTLED', { seconds: verdict.retryAfterSec });
  }
  if (refusal.reason === 'expired') {
    return refuse(c, 401, 'HTTP_AUTH_EXPIRED', { expires: formatTokenInstant(refusal.expiresAt) });
  }
  if (refusal.reason === 'revoked') {
    return refuse(c, 401, 'HTTP_AUTH_REVOKED', { revoked: formatTokenInstant(refusal.revokedAt) });
  }
  if (refusal.reason === 'ended') return refuse(c, 401, 'HTTP_SESSION_ENDED');
  return refuse(c, 401, 'HTTP_AUTH_INVALID');
}

/** A user signed in by an API token, and the token's hash (what a session is tied to). */
export interface TokenSignIn {
  user: AuthUser;
  tokenHash: string;
}

/**
 * Checks a presented API token (bearer or the login form) and resolves to its user,
 * recording the use at most once a minute; or to the refusal already made (401 saying why,
 * or 429 with Retry-After once the client has failed 10 times in a minute). Neither the
 * token nor its hash is logged.
 */
export async function signIn(
  c: Context<ServerEnv>,
  ctx: ServerContext,
  guard: AuthGuard,
  token: string,
  from: 'bearer' | 'form',
): Promise<TokenSignIn | Response> {
  const now = ctx.clock.now();
  const check = await checkToken(ctx.session.store, token, toStored(now));
  if (!check.ok) return refuseCredential(c, ctx, guard, check, from);
  await guard.usage.used(check.hash, check.lastUsedAt, now);
  return { user: check.user, tokenHash: check.hash };
}

/**
 * Starts a browser session for a user: a fresh secret of its own (never the API token) in an
 * HttpOnly, SameSite=Strict cookie that lasts as long as the session (12 hours), stored
 * only hashed. `tokenHash` ties it to the API token the user signed in with, so revoking that
 * token ends it; pass null for a sign-in that used no token. Sets the request's user.
 */
export async function startSession(
  c: Context<ServerEnv>,
  ctx: ServerContext,
  user: AuthUser,
  tokenHash: string | null,
): Promise<void> {
  const opened = await openBrowserSession(ctx.session.store, user.name, ctx.clock.now(), tokenHash);
  setCookie(c, SESSION_COOKIE, opened.secret, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: new URL(c.req.url).protocol === 'https:',
    maxAge: SESSION_HOURS * 3600,
  });
  c.set('user', user);
  c.set('csrf', csrfTokenOf(opened.secret));
}

/** Ends the request's browser session, if any (logout): the secret stops working at once. */
export async function endSession(c: Context<ServerEnv>, ctx: ServerContext): Promise<void> {
  const secret = getCookie(c, SESSION_COOKIE);
  if (secret !== undefined) await endBrowserSession(ctx.session.store, secret);
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/**
 * Reads the bearer token (API) or the session cookie (pages) and sets the request's user.
 * A credential that is given but unknown, expired, revoked or ended is refused at once (and a
 * session cookie holding it is cleared); a missing one is left to `requires`, except that a
 * write (any method but GET and HEAD) without one is answered 401 here, before any
 * anti-forgery check. The login page ignores the cookie, so a user whose session ended can
 * sign in again; the login form and logout need no credential.
 */
export function authenticate(ctx: ServerContext, guard: AuthGuard): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const bearer = bearerOf(c);
    const cookie =
      bearer || c.req.path === '/login' || c.req.path.startsWith('/login/once/')
        ? undefined
        : getCookie(c, SESSION_COOKIE);
    c.set('user', undefined);
    if (bearer !== undefined) {
      const signed = await signIn(c, ctx, guard, bearer, 'bearer');
      if (signed instanceof Response) return signed;
      c.set('user', signed.user);
    } else if (cookie !== undefined) {
      const now = toStored(ctx.clock.now());
      const check = await checkBrowserSession(ctx.session.store, cookie, now);
      if (!check.ok) return refuseCredential(c, ctx, guard, check, 'cookie');
      c.set('user', check.user);
      c.set('csrf', csrfTokenOf(cookie));
    } else if (!READS.has(c.req.method) && !OPEN_WRITES.has(c.req.path)) {
      return refuse(c, 401, 'HTTP_AUTH_MISSING');
    }
    await next();
  };
}

/** Methods that change nothing. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The writes a visitor without a credential may make: signing in, and out; and a witness
 * handing back a cosigned checkpoint (accepted only when signed by this log's key and a
 * witness key the unit configured: see src/server/public-log.ts).
 */
const OPEN_WRITES = new Set(['/login', '/logout', '/log/cosignatures']);

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
      return forbidden(c, user, permission);
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
