import type { DateTime } from 'luxon';
import { fromStored, toStored } from '../model/instant.js';
import type { Db } from '../store/types.js';
import { recordTokenUse } from './tokens.js';

/** How often the last use of a token is written. */
export interface TokenUsageOptions {
  /** At most one write per token in this many milliseconds (default one minute). */
  intervalMs?: number;
  /** Most tokens remembered in memory; the stalest is forgotten first (default 10,000). */
  maxTokens?: number;
}

/**
 * Records when each token was last used, at most once per interval: the server answers
 * well over a thousand requests a second, and a write per request would be most of its work.
 * What was written last is remembered in memory (and read from the row the check returned),
 * so a burst writes once; the write itself is conditional, so several processes sharing a
 * PostgreSQL store also write about once per interval.
 */
export class TokenUsage {
  private readonly intervalMs: number;
  private readonly maxTokens: number;
  /** Token hash → the instant (ms) of its last recorded use. */
  private readonly recorded = new Map<string, number>();

  constructor(
    private readonly store: Db,
    options: TokenUsageOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 60_000;
    this.maxTokens = options.maxTokens ?? 10_000;
  }

  /** Notes a successful authentication with the token whose row said `lastUsedAt`. */
  async used(hash: string, lastUsedAt: string | null, now: DateTime): Promise<void> {
    const nowMs = now.toMillis();
    const stored = lastUsedAt === null ? undefined : fromStored(lastUsedAt).toMillis();
    const last = Math.max(this.recorded.get(hash) ?? -Infinity, stored ?? -Infinity);
    if (nowMs - last < this.intervalMs) return;
    // Remembered before the write, so the requests that arrive while it runs do not write.
    this.recorded.delete(hash);
    this.recorded.set(hash, nowMs);
    if (this.recorded.size > this.maxTokens) {
      const stalest = this.recorded.keys().next().value;
      if (stalest !== undefined) this.recorded.delete(stalest);
    }
    const since = toStored(now.minus({ milliseconds: this.intervalMs - 1 }));
    try {
      await recordTokenUse(this.store, hash, toStored(now), since);
    } catch {
      // NOTE: the request is already authenticated; the last use is a record for
      // administrators, not a gate, so a busy store must not refuse it. The next request
      // after this one tries again.
      this.recorded.delete(hash);
    }
  }
}
