import { toStored } from '../../model/instant.js';
import { setChannelPaused } from '../../store/publications.js';
import type { PublicationRow } from '../../store/schema.js';
import { type PublicationSettlement, settlePublications } from '../../store/settlement.js';
import type { Db } from '../../store/types.js';
import { detailOf, eventOf, type Outcome, settlementOf, wentOut } from './outcome.js';
import type { DispatchEvent, DispatcherOptions, SettledEvent } from './types.js';

/** Settlements held before one commit; and how long the oldest may wait, in milliseconds. */
const MAX_HELD = 32;
const MAX_WAIT_MS = 500;

/** One outcome on its way to the store, and its event as logged once it is written. */
interface Pending {
  settlement: PublicationSettlement;
  event: SettledEvent;
}

/** What a settler needs. */
export interface SettlerOptions extends Pick<DispatcherOptions, 'store' | 'clock' | 'onOutcome'> {
  worker: string;
  /** Gets each event once its fate is known (`lost-lease` if the lease was gone). */
  onSettled: (event: DispatchEvent) => void;
}

/**
 * Writes the outcomes of a channel's claimed publications. Publications that went out are
 * held and written several at a time, as one set-based settlement in one transaction (see
 * `settlePublications`); other outcomes are written at once, each in its own.
 *
 * NOTE: a commit per publication cost more than the statements in it. Holding a few
 * successes is safe: a process that dies before the commit leaves them leased and
 * unsettled, and the next worker looks each one up with the adapter's `find` before any
 * retry, so nothing goes out twice. At most MAX_HELD outcomes and MAX_WAIT_MS of wall time
 * are held.
 */
export class Settler {
  readonly #options: SettlerOptions;
  #held: Pending[] = [];
  #since = 0;

  constructor(options: SettlerOptions) {
    this.#options = options;
  }

  /** Records the outcome of one claimed publication (held, if it went out). */
  async record(row: PublicationRow, outcome: Outcome): Promise<void> {
    const at = toStored(this.#options.clock.now());
    const detail = detailOf(outcome);
    const pending: Pending = {
      settlement: settlementOf(row, outcome, at),
      event: {
        at,
        event: eventOf(outcome),
        key: row.key,
        channel: row.channel_id,
        item: row.item_id,
        slot: row.slot,
        attempt: outcome.attempt,
        detail,
        ...('ref' in outcome && outcome.kind !== 'found-withdrawn'
          ? { externalId: outcome.ref.externalId, url: outcome.ref.url }
          : {}),
      },
    };
    if (!wentOut(outcome)) {
      await this.#write([pending], outcome.kind === 'paused' ? outcome.text : undefined);
      return;
    }
    if (this.#held.length === 0) this.#since = performance.now();
    this.#held.push(pending);
    if (this.#held.length >= MAX_HELD || performance.now() - this.#since >= MAX_WAIT_MS) {
      await this.flush();
    }
  }

  /** Writes what is held, in one transaction. */
  async flush(): Promise<void> {
    const held = this.#held;
    if (held.length === 0) return;
    this.#held = [];
    await this.#write(held);
  }

  /**
   * Writes outcomes in one transaction, with their evidence; `pause` (an authentication
   * failure's text) pauses the channel in the same transaction.
   */
  async #write(pending: readonly Pending[], pause?: string): Promise<void> {
    const { store, worker, onOutcome, onSettled } = this.#options;
    const at = pending[0]?.event.at ?? toStored(this.#options.clock.now());
    const by = { actor: `dispatcher:${worker}`, at };
    const kept = await store.transaction(async (tx: Db) => {
      const channel = pending[0]?.event.channel;
      if (pause !== undefined && channel) {
        await setChannelPaused(tx, channel, true, pause, at);
      }
      const settled = await settlePublications(
        tx,
        worker,
        pending.map((p) => p.settlement),
        by,
      );
      const final = pending.filter((p) => p.settlement.final && settled.has(p.event.key ?? ''));
      if (final.length > 0)
        await onOutcome?.(
          tx,
          final.map((p) => p.event),
        );
      return settled;
    });
    for (const p of pending) {
      const lost = pause === undefined && !kept.has(p.event.key ?? '');
      const { externalId: _id, url: _url, ...event } = p.event;
      onSettled(lost ? { ...event, event: 'lost-lease' } : event);
    }
  }
}
