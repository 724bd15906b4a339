import type { PublicationRow } from './schema.js';

/** What a claim asks for: due work of some channels, held under a lease by one worker. */
export interface ClaimRequest {
  /** Channels whose publications may be claimed. */
  channels: string[];
  /** Now, UTC ISO: publications due at or before it. */
  now: string;
  /** Lease end, UTC ISO. */
  leaseUntil: string;
  /** Who holds the lease (host:pid:random). */
  worker: string;
  /** At most this many per channel. */
  perChannel: number;
}

declare const transaction: unique symbol;

/**
 * The transaction `Store.transaction` hands its callback: repository functions given it run
 * inside that transaction. Opaque outside src/store (no query builder, no engine).
 */
export interface Tx {
  readonly [transaction]: true;
}

/** What a repository function runs on: the store (outside a transaction) or a transaction. */
export type Db = Store | Tx;

/**
 * The loa store: one interface over SQLite and PostgreSQL. Code outside src/store reads and
 * writes through the named repository functions of src/store, passing the store or a
 * transaction; the SQL, and which engine runs it, stay inside src/store.
 */
export interface Store {
  /** Where the data lives, without secrets (a file path, or host/database/schema). */
  readonly location: string;
  /**
   * Runs `fn` in one write transaction (SQLite: BEGIN IMMEDIATE) and commits, or rolls back
   * and rethrows. Engine errors (locked, unreachable) become LoaErrors.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Claims due publications atomically: each returned row is leased to `worker` until
   * `leaseUntil`, and no other worker gets it before the lease ends. A row whose previous
   * lease ran out without an outcome comes back with `needs_reconcile = 1`.
   */
  claimDue(request: ClaimRequest): Promise<PublicationRow[]>;
  close(): Promise<void>;
}
