import { LoaError } from '../../errors/loa-error.js';
import { redact } from '../../text/redact.js';

/** The fetch loa uses: Node's global fetch, or a stand-in with the same shape. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** What a conditional GET of a feed needs and its limits. */
export interface FetchFeedOptions {
  /** ETag of the last copy read, for If-None-Match. */
  etag?: string;
  /** Last-Modified of the last copy read, for If-Modified-Since. */
  lastModified?: string;
  timeoutMs: number;
  maxBytes: number;
  fetch?: FetchLike;
  signal?: AbortSignal;
}

/** A feed fetched: new text with its validators, or unchanged since the last read (304). */
export type FetchedFeed =
  | { status: 'not-modified' }
  | { status: 'ok'; text: string; etag?: string; lastModified?: string };

const USER_AGENT = 'loa feed ingest (CCHC communication)';

function charsetOf(contentType: string | null, head: Uint8Array): string {
  const fromHeader = /charset="?([\w-]+)"?/i.exec(contentType ?? '')?.[1];
  if (fromHeader) return fromHeader;
  const prolog = new TextDecoder('latin1').decode(head.subarray(0, 200));
  return /<\?xml[^>]*encoding=["']([\w-]+)["']/i.exec(prolog)?.[1] ?? 'utf-8';
}

function decode(bytes: Uint8Array, contentType: string | null): string {
  try {
    return new TextDecoder(charsetOf(contentType, bytes)).decode(bytes);
  } catch {
    // NOTE: an unknown charset label; feeds are UTF-8 in practice.
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Reads a body, counting bytes as they come, and gives up past `maxBytes`. */
async function readLimited(response: Response, url: string, maxBytes: number) {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  const tooLarge = () =>
    new LoaError('INGEST_TOO_LARGE', {
      params: { url: redact(url), max: maxBytes },
      failure: 'permanent',
    });
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function networkError(error: unknown, url: string, timeoutMs: number): LoaError {
  if (error instanceof LoaError) return error;
  const name = (error as Error)?.name;
  if (name === 'TimeoutError') {
    return new LoaError('INGEST_TIMEOUT', {
      params: { url: redact(url), seconds: Math.round(timeoutMs / 1000) },
      cause: error,
      failure: 'transient',
    });
  }
  const cause = (error as Error & { cause?: Error })?.cause;
  const reason = redact(cause?.message ?? (error as Error)?.message ?? String(error));
  return new LoaError('INGEST_UNREACHABLE', {
    params: { url: redact(url), reason },
    cause: error,
    failure: 'transient',
  });
}

/**
 * Fetches a feed with a conditional GET (If-None-Match, If-Modified-Since). The whole
 * exchange, body included, must finish within `timeoutMs`, and the body may not pass
 * `maxBytes`: it is counted as it streams, so a huge or endless feed is cut off early.
 * Failures are LoaErrors: INGEST_TIMEOUT, INGEST_UNREACHABLE, INGEST_HTTP_STATUS,
 * INGEST_TOO_LARGE.
 */
export async function fetchFeed(url: string, options: FetchFeedOptions): Promise<FetchedFeed> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const headers: Record<string, string> = {
    accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8',
    'user-agent': USER_AGENT,
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  const doFetch = options.fetch ?? ((u: string, init: RequestInit) => fetch(u, init));
  try {
    const response = await doFetch(url, { headers, signal, redirect: 'follow' });
    if (response.status === 304) {
      await response.body?.cancel().catch(() => undefined);
      return { status: 'not-modified' };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      const status = response.status;
      throw new LoaError('INGEST_HTTP_STATUS', {
        params: { url: redact(url), status },
        failure: status >= 500 || status === 429 || status === 408 ? 'transient' : 'permanent',
      });
    }
    const bytes = await readLimited(response, url, options.maxBytes);
    const fetched: FetchedFeed = {
      status: 'ok',
      text: decode(bytes, response.headers.get('content-type')),
    };
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    if (etag) fetched.etag = etag;
    if (lastModified) fetched.lastModified = lastModified;
    return fetched;
  } catch (error) {
    throw networkError(
      timeout.aborted && !(error instanceof LoaError) ? timeout.reason : error,
      url,
      options.timeoutMs,
    );
  }
}
