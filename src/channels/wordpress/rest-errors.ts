import type { FailureKind } from '../../errors/loa-error.js';
import { LoaError } from '../../errors/loa-error.js';
import { redact } from '../../text/redact.js';

/** Where a failed call went; never holds credentials. */
export interface CallSite {
  channel: string;
  method: string;
  /** The REST route, e.g. `/wp/v2/posts`, without query or host. */
  path: string;
}

/** A WordPress REST error body: `{ code, message, data: { status } }`. */
export interface WpErrorBody {
  code?: string;
  message?: string;
  data?: { status?: number; term_id?: number; [key: string]: unknown };
}

/** Reads a WordPress error body out of a response text, if it is one. */
export function parseWpError(text: string): WpErrorBody | undefined {
  try {
    const body = JSON.parse(text) as unknown;
    if (body && typeof body === 'object' && 'code' in body) return body as WpErrorBody;
  } catch {
    // not JSON: a proxy's or PHP's own page
  }
  return undefined;
}

interface DeniedParameter {
  code: string;
  message: string | undefined;
  status: number;
}

/**
 * A 400 `rest_invalid_param` whose cause is a permission check on a parameter (e.g.
 * `status=trash` asked without being logged in: `rest_forbidden_status`, status 401 inside).
 * That is how a wrong Application Password first shows on a lookup, so it counts as 401.
 */
function deniedParameter(body: WpErrorBody | undefined): DeniedParameter | undefined {
  if (body?.code !== 'rest_invalid_param') return undefined;
  const details = body.data?.details;
  if (!details || typeof details !== 'object') return undefined;
  for (const detail of Object.values(details as Record<string, WpErrorBody>)) {
    const status = detail?.data?.status;
    if ((status === 401 || status === 403) && typeof detail.code === 'string') {
      return { code: detail.code, message: detail.message, status };
    }
  }
  return undefined;
}

/**
 * The LoaError for an HTTP error answer. 401 → `auth`; 403 → `auth` (permission, not worth
 * retrying until someone acts); 408, 429 and 5xx → `transient`; other 4xx → `permanent`.
 * The status and WordPress's code stay in the params (`status`, `wpCode`).
 */
export function httpError(site: CallSite, status: number, body: WpErrorBody | undefined): LoaError {
  const denied = deniedParameter(body);
  const params = {
    ...site,
    status,
    wpCode: redact(String(denied?.code ?? body?.code ?? 'none')).slice(0, 100),
    wpMessage: redact(String(denied?.message ?? body?.message ?? '')).slice(0, 300),
  };
  const effective = denied?.status ?? status;
  if (effective === 401) return new LoaError('WP_AUTH', { params, failure: 'auth' });
  if (effective === 403) return new LoaError('WP_FORBIDDEN', { params, failure: 'auth' });
  if (status >= 500 || status === 408 || status === 429) {
    return new LoaError('WP_SERVER', { params, failure: 'transient' });
  }
  return new LoaError('WP_REJECTED', { params, failure: 'permanent' });
}

/** Network error codes that prove the request never left this machine. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * The LoaError for a call that got no answer. A read (GET) is always safe to retry
 * (`transient`); a write that may have reached WordPress is `unknown`, so the dispatcher looks
 * the post up before any retry.
 */
export function noAnswerError(
  site: CallSite,
  error: unknown,
  timedOut: boolean,
  timeoutSec: number,
): LoaError {
  const code = errorCode(error);
  const safe = site.method === 'GET' || (code !== undefined && NOT_SENT.has(code));
  const failure: FailureKind = safe ? 'transient' : 'unknown';
  if (timedOut) {
    return new LoaError('WP_TIMEOUT', {
      params: { ...site, seconds: timeoutSec },
      cause: error,
      failure,
    });
  }
  const reason = redact(code ?? (error instanceof Error ? error.message : String(error)));
  return new LoaError('WP_NETWORK', { params: { ...site, reason }, cause: error, failure });
}
