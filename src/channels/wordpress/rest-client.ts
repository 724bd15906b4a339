import { LoaError } from '../../errors/loa-error.js';
import { type CallSite, httpError, noAnswerError, parseWpError } from './rest-errors.js';

/** One call to the WordPress REST API. */
export interface WpCall {
  method: 'GET' | 'POST' | 'DELETE';
  /** Route under `/wp-json`, e.g. `/wp/v2/posts`. */
  route: string;
  query?: Record<string, string | number | undefined>;
  /** A JSON body. */
  json?: unknown;
  /** A binary body (media upload), with its headers. */
  body?: Uint8Array;
  headers?: Record<string, string>;
}

/** A WordPress error answer, handed to `onError` before it becomes a LoaError. */
export interface WpErrorAnswer {
  status: number;
  code: string | undefined;
  data: Record<string, unknown> | undefined;
}

export interface WpRestClientOptions {
  /** The site address from the channel file, e.g. `https://portal.example.gov.vn`. */
  siteUrl: string;
  /** The value of the Authorization header. Kept private; never logged or put in errors. */
  authorization: string;
  channelId: string;
  timeoutSec: number;
  /** Injectable for tests and benchmarks; defaults to the global fetch. */
  fetch?: typeof fetch;
}

/**
 * A thin client for the WordPress REST API on Node's fetch: every call has a timeout and
 * honours the caller's AbortSignal; every failure is a LoaError that keeps the HTTP status
 * and WordPress's error code, with a failure kind for the dispatcher.
 */
export class WpRestClient {
  readonly #options: WpRestClientOptions;
  readonly #apiRoot: string;
  readonly #fetch: typeof fetch;

  constructor(options: WpRestClientOptions) {
    this.#options = options;
    this.#apiRoot = `${options.siteUrl.replace(/\/+$/, '')}/wp-json`;
    this.#fetch = options.fetch ?? fetch;
  }

  /**
   * Makes a call and returns its JSON answer. `recover` may turn a WordPress error answer
   * into a value (e.g. `term_exists` into the existing term); otherwise it is raised.
   */
  async call<T>(
    call: WpCall,
    signal: AbortSignal,
    recover?: (answer: WpErrorAnswer) => T | undefined,
  ): Promise<T> {
    const site: CallSite = {
      channel: this.#options.channelId,
      method: call.method,
      path: call.route,
    };
    const url = new URL(this.#apiRoot + call.route);
    for (const [name, value] of Object.entries(call.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const headers: Record<string, string> = {
      Authorization: this.#options.authorization,
      Accept: 'application/json',
      ...call.headers,
    };
    let body: string | Uint8Array | undefined;
    if (call.json !== undefined) {
      headers['Content-Type'] = 'application/json; charset=utf-8';
      body = JSON.stringify(call.json);
    } else if (call.body !== undefined) {
      body = call.body;
    }
    const timeout = AbortSignal.timeout(this.#options.timeoutSec * 1000);
    const combined = AbortSignal.any([signal, timeout]);
    let status: number;
    let text: string;
    try {
      const response = await this.#fetch(url, {
        method: call.method,
        headers,
        body,
        signal: combined,
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      throw noAnswerError(
        site,
        error,
        timeout.aborted && !signal.aborted,
        this.#options.timeoutSec,
      );
    }
    if (status >= 200 && status < 300) {
      try {
        return JSON.parse(text) as T;
      } catch (cause) {
        throw new LoaError('WP_BAD_RESPONSE', {
          params: { ...site, status },
          cause,
          failure: call.method === 'GET' ? 'transient' : 'unknown',
        });
      }
    }
    const wpError = parseWpError(text);
    if (recover) {
      const recovered = recover({ status, code: wpError?.code, data: wpError?.data });
      if (recovered !== undefined) return recovered;
    }
    throw httpError(site, status, wpError);
  }
}

/** The Basic Authorization header value for an Application Password. */
export function basicAuthorization(user: string, applicationPassword: string): string {
  return `Basic ${Buffer.from(`${user}:${applicationPassword}`, 'utf8').toString('base64')}`;
}
