/** How the failed-authentication throttle counts. */
export interface FailureThrottleOptions {
  /** Failures allowed in a window; the next one is throttled (default 10). */
  limit?: number;
  /** The sliding window in milliseconds (default one minute). */
  windowMs?: number;
  /** Most client addresses remembered; the oldest is forgotten first (default 10,000). */
  maxClients?: number;
}

/** What to answer a failure: refuse it plainly, or throttle it for `retryAfterSec`. */
export type FailureVerdict = { throttled: false } | { throttled: true; retryAfterSec: number };

/**
 * Counts failed authentications (a token given but unknown, expired or revoked) per client
 * address over a sliding window, in memory. Past `limit` failures in the window a failure is
 * throttled until the oldest counted one leaves the window; each throttled failure counts
 * too, so a client that keeps guessing stays throttled. Successes are neither counted nor
 * throttled: colleagues behind one office address keep working while a stale cookie fails.
 */
export class FailureThrottle {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly maxClients: number;
  /** Per client, the instants (ms) of its last `limit` failures, oldest first. */
  private readonly failures = new Map<string, number[]>();

  constructor(options: FailureThrottleOptions = {}) {
    this.limit = options.limit ?? 10;
    this.windowMs = options.windowMs ?? 60_000;
    this.maxClients = options.maxClients ?? 10_000;
  }

  /** Counts a failure of `client` at `nowMs` and says whether to throttle it. */
  fail(client: string, nowMs: number): FailureVerdict {
    const recent = (this.failures.get(client) ?? []).filter((t) => t > nowMs - this.windowMs);
    const oldest = recent[0];
    const verdict: FailureVerdict =
      recent.length >= this.limit && oldest !== undefined
        ? {
            throttled: true,
            retryAfterSec: Math.max(1, Math.ceil((oldest + this.windowMs - nowMs) / 1000)),
          }
        : { throttled: false };
    recent.push(nowMs);
    if (recent.length > this.limit) recent.shift();
    // Re-inserting keeps the map in order of last failure, so eviction drops the stalest.
    this.failures.delete(client);
    this.failures.set(client, recent);
    if (this.failures.size > this.maxClients) this.evict();
    return verdict;
  }

  /** How many clients are remembered (for tests of the bound). */
  get size(): number {
    return this.failures.size;
  }

  /** Forgets the clients whose last failure is oldest (the map's first keys). */
  private evict(): void {
    for (const client of this.failures.keys()) {
      if (this.failures.size <= this.maxClients) return;
      this.failures.delete(client);
    }
  }
}
