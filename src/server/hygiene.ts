import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { SESSION_COOKIE } from './auth.js';
import type { ServerEnv } from './context.js';
import { refuse } from './refusal.js';

/**
 * The headers every response carries, through Hono's secure-headers middleware: a Content
 * Security Policy that runs only script files served by this site (no inline script: pages
 * work without JavaScript and scripts only enhance them; styles are the pages' stylesheet
 * file, /assets/loa.css, and the inline A4 sheet of the rundown's print export), plays audio and fetches only from this site, may not be framed (`frame-ancestors 'none'`, X-Frame-Options),
 * posts forms only to this site, `X-Content-Type-Options: nosniff` and `Referrer-Policy:
 * no-referrer`. Hono's HSTS header stays (browsers ignore it over plain HTTP).
 */
export function securityHeaders(): MiddlewareHandler<ServerEnv> {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      connectSrc: ["'self'"],
      mediaSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    crossOriginResourcePolicy: 'same-origin',
  }) as MiddlewareHandler<ServerEnv>;
}

/**
 * Refuses with 400 a request whose address has percent-escapes that do not decode as UTF-8
 * (`/bulletins/x/%ff%fe`), before any route reads it.
 */
export function wellFormedUri(): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const url = c.req.url;
    const start = url.indexOf('/', url.indexOf('//') + 2);
    try {
      decodeURIComponent(start < 0 ? '' : url.slice(start).replace(/\+/g, ' '));
    } catch {
      return refuse(c, 400, 'HTTP_BAD_URI');
    }
    await next();
  };
}

/**
 * `Cache-Control: no-store` on every response to a request that carried a credential (a
 * bearer token or a session cookie), and on the login form's answers: what a signed-in user
 * saw stays out of shared and browser caches.
 */
export function noStoreWhenAuthenticated(): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    await next();
    const credential =
      c.get('user') !== undefined ||
      c.req.header('authorization') !== undefined ||
      (c.req.header('cookie') ?? '').includes(`${SESSION_COOKIE}=`) ||
      c.req.path === '/login' ||
      c.req.path === '/logout';
    if (credential) c.res.headers.set('Cache-Control', 'no-store');
  };
}
