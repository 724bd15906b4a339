import type { Kysely } from 'kysely';
import type { Engine } from './migrations.js';
import type { Database, PublicationRow } from './schema.js';

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

/**
 * The loa store: one interface over SQLite and PostgreSQL. Callers build queries with the
 * Kysely instances it hands out; the SQL that differs between the engines (transactions,
 * claiming, error mapping, DDL types) stays inside src/store.
 */
export interface Store {
  readonly engine: Engine;
  /** Where the data lives, without secrets (a file path, or host/database/schema). */
  readonly location: string;
  /** For reads outside a transaction. */
  readonly db: Kysely<Database>;
  /**
   * Runs `fn` in one write transaction (SQLite: BEGIN IMMEDIATE) and commits, or rolls back
   * and rethrows. Engine errors (locked, unreachable) become LoaErrors.
   */
  transaction<T>(fn: (tx: Kysely<Database>) => Promise<T>): Promise<T>;
  /**
   * Claims due publications atomically: each returned row is leased to `worker` until
   * `leaseUntil`, and no other worker gets it before the lease ends. A row whose previous
   * lease ran out without an outcome comes back with `needs_reconcile = 1`.
   */
  claimDue(request: ClaimRequest): Promise<PublicationRow[]>;
  close(): Promise<void>;
}
