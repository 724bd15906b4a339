import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { type ErrorKind, LoaError } from '../errors/loa-error.js';
import {
  type MessageCode,
  type MessageParams,
  type ParamsArg,
  renderHint,
  renderMessage,
} from '../i18n/catalogue.js';
import type { ServerEnv } from './context.js';
import { errorPage } from './pages/layout.js';

/** The JSON body of every refused or failed API request. */
export interface ErrorBody {
  error: string;
  message: string;
  hint?: string;
}

/** Whether a request is for the JSON API (else it is for a page). */
export function isApi(c: Context): boolean {
  return c.req.path.startsWith('/api/');
}

/**
 * Answers a refusal: JSON for the API, a page for the browser, with the catalogue's message
 * in the user's language; the code is kept for the access log.
 */
export function refuse<C extends MessageCode>(
  c: Context<ServerEnv>,
  status: ContentfulStatusCode,
  code: C,
  ...[given]: ParamsArg<C>
): Response {
  const params: MessageParams = given ?? {};
  c.set('refused', code);
  const body: ErrorBody = { error: code, message: renderMessage(code, params) };
  const help = renderHint(code, params);
  if (help) body.hint = help;
  if (isApi(c)) return c.json(body, status);
  return c.html(errorPage(body, c.get('user')), status);
}

/** The HTTP status of each kind of error: one status per kind, nothing guessed from codes. */
const STATUS_OF_KIND: Readonly<Record<ErrorKind, ContentfulStatusCode>> = {
  invalid: 400,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  unsupported: 415,
};

/** The HTTP status a domain error carries, by the kind it was thrown with. */
export function statusOf(error: LoaError): ContentfulStatusCode {
  return STATUS_OF_KIND[error.kind];
}

/**
 * Hono's onError: domain errors and invalid requests answer plainly (a malformed address or
 * JSON body is a 400 saying so); the rest is a 500 that names the error's kind only.
 */
export function onError(error: Error, c: Context<ServerEnv>): Response {
  if (error instanceof LoaError) return refuse(c, statusOf(error), error.code, error.params);
  if (error instanceof ZodError) {
    const detail = error.issues
      .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
      .join('; ');
    return refuse(c, 400, 'HTTP_INVALID_REQUEST', { detail });
  }
  const status = (error as { status?: number }).status;
  // A 413 from elsewhere than loa's body limit: the limit is not known here.
  if (status === 413) return refuse(c, 413, 'HTTP_PAYLOAD_TOO_LARGE');
  if (status === 403) return refuse(c, 403, 'HTTP_CSRF');
  if (status === 404) return refuse(c, 404, 'HTTP_NOT_FOUND', { path: c.req.path });
  if (error instanceof URIError) return refuse(c, 400, 'HTTP_BAD_URI');
  if (error instanceof SyntaxError && /JSON/.test(error.message)) {
    return refuse(c, 400, 'HTTP_BODY_BAD_JSON', { reason: error.message });
  }
  // NOTE: never the message: it may name a server path or quote what it was reading.
  return refuse(c, 500, 'HTTP_INTERNAL', { name: error.name });
}
