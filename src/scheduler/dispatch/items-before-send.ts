import { type ItemBeforeSend, itemsBeforeSend } from '../../store/items-before-send.js';
import type { PublicationRow } from '../../store/schema.js';
import type { Db } from '../../store/types.js';

/** How old, in milliseconds, an item read may be when its publication is sent. */
const FRESH_MS = 20;
/** The most publications whose items are read at once. */
const MOST = 32;

/**
 * The items of a channel's claimed publications, each read right before its send.
 *
 * NOTE: one query per publication cost more than the rest of a fast channel's dispatch
 * (tests/bench/dispatch.bench.ts). So the items of the next few publications are read
 * together, and one read serves a send only while it is at most FRESH_MS old; otherwise
 * the item is read again. How many are read at once follows how many the last read
 * served: a channel whose sends take longer than that reads one item at a time, as before.
 */
export class ItemsBeforeSend {
  readonly #db: Db;
  readonly #rows: readonly PublicationRow[];
  /** The last read, by publication key; null: the item is gone. */
  #read = new Map<string, ItemBeforeSend | null>();
  /** When the last read was sent (`performance.now()`). */
  #readAt = 0;
  #size = 4;

  constructor(db: Db, rows: readonly PublicationRow[]) {
    this.#db = db;
    this.#rows = rows;
  }

  /** The item of the claimed publication at `index`, read now (undefined: it is gone). */
  async at(index: number): Promise<ItemBeforeSend | undefined> {
    const key = this.#rows[index]?.key;
    if (key === undefined) return undefined;
    if (!this.#read.has(key)) {
      // All the last read held was used in time: read more at once.
      this.#size = Math.min(MOST, this.#size * 2);
      await this.#readFrom(index);
    } else if (performance.now() - this.#readAt > FRESH_MS) {
      // Stale before it was used up: read fewer at once.
      this.#size = Math.max(1, Math.ceil(this.#size / 4));
      await this.#readFrom(index);
    }
    const found = this.#read.get(key);
    this.#read.delete(key);
    return found ?? undefined;
  }

  async #readFrom(index: number): Promise<void> {
    const keys = this.#rows.slice(index, index + this.#size).map((r) => r.key);
    this.#readAt = performance.now();
    const found = await itemsBeforeSend(this.#db, keys);
    this.#read = new Map(keys.map((k) => [k, found.get(k) ?? null]));
  }
}
