import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Store } from '../store/types.js';
import type { DispatchEvent } from './dispatch-types.js';

/** Settlements held before one commit; and how long the oldest may wait, in milliseconds. */
const MAX_HELD = 32;
const MAX_WAIT_MS = 500;

/** One success waiting to be recorded: its writes, and its event as logged if they hold. */
interface Held {
  write: (tx: Kysely<Database>) => Promise<boolean>;
  event: DispatchEvent;
}

/**
 * Records the outcomes of publications that went out several at a time, in one transaction.
 * NOTE: a commit per publication cost more than the statements in it (each commit writes the
 * touched pages of four tables to the WAL). Holding a few successes is safe: a process that
 * dies before the commit leaves them leased and unsettled, and the next worker looks each one
 * up with the adapter's `find` before any retry, so nothing goes out twice. At most MAX_HELD
 * outcomes and MAX_WAIT_MS of wall time are held.
 */
export class SettleBatch {
  readonly #store: Store;
  readonly #onSettled: (event: DispatchEvent) => void;
  #held: Held[] = [];
  #since = 0;

  /** `onSettled` gets each event once its fate is known (`lost-lease` if the lease was gone). */
  constructor(store: Store, onSettled: (event: DispatchEvent) => void) {
    this.#store = store;
    this.#onSettled = onSettled;
  }

  /** Holds one success; commits the batch when it is full or its oldest entry waited long. */
  async add(write: Held['write'], event: DispatchEvent): Promise<void> {
    if (this.#held.length === 0) this.#since = performance.now();
    this.#held.push({ write, event });
    if (this.#held.length >= MAX_HELD || performance.now() - this.#since >= MAX_WAIT_MS) {
      await this.flush();
    }
  }

  /** Commits what is held, in one transaction. */
  async flush(): Promise<void> {
    const held = this.#held;
    if (held.length === 0) return;
    this.#held = [];
    const kept = await this.#store.transaction(async (tx) => {
      const results: boolean[] = [];
      for (const h of held) results.push(await h.write(tx));
      return results;
    });
    held.forEach((h, i) => {
      this.#onSettled(kept[i] ? h.event : { ...h.event, event: 'lost-lease' });
    });
  }
}
