import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { type EvidenceEntry, type EvidenceKind, readEvidence } from './log.js';

/** Which entries to list: every given field must match; instants are UTC ISO. */
export interface EvidenceQuery {
  kind?: EvidenceKind;
  channel?: string;
  plan?: string;
  task?: string;
  item?: string;
  /** Entries whose time is at or after this instant. */
  from?: string;
  /** Entries whose time is before this instant. */
  to?: string;
}

/** The log's entries that match a query, in index order (the API, the pages, the CLI). */
export async function listEvidence(
  db: Kysely<Database>,
  query: EvidenceQuery,
): Promise<EvidenceEntry[]> {
  const entries = await readEvidence(db, {
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
  });
  const fields = ['kind', 'channel', 'plan', 'task', 'item'] as const;
  const wanted = fields.filter((f) => query[f] !== undefined);
  return entries.filter((e) => wanted.every((f) => e[f] === query[f]));
}
