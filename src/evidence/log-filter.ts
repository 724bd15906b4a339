import { findEvidenceRows } from '../store/evidence.js';
import type { Db } from '../store/types.js';
import { type EvidenceEntry, type EvidenceKind, entryOfRow } from './log.js';

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
  /** Only entries with a lower index (the page before one already shown). */
  before?: number;
  /** At most this many: the latest that match (highest indices), still in index order. */
  limit?: number;
}

/** Rows read per query while a limited listing looks for its matches. */
const CHUNK = 2000;

/**
 * The log's entries that match a query, in index order (the API, the pages, the CLI). With a
 * `limit`, the latest matching ones: the log is read backwards in chunks until enough match,
 * so a page of a long log does not read all of it.
 * NOTE: kind, plan and time are columns (indexed or cheap to test in SQL); channel, task and
 * item live in the entry's JSON and are tested on the parsed entry. The columns only narrow
 * the read: each entry is kept only when its own bytes match too, so an edited column cannot
 * bring an entry in (one that keeps an entry out is named by `loa evidence verify`).
 */
export async function listEvidence(db: Db, query: EvidenceQuery): Promise<EvidenceEntry[]> {
  const fields = ['channel', 'task', 'item'] as const;
  const wanted = fields.filter((f) => query[f] !== undefined);
  const limit = query.limit ?? Number.POSITIVE_INFINITY;
  const found: EvidenceEntry[] = [];
  let below = query.before;
  while (found.length < limit) {
    const limited = Number.isFinite(limit);
    const rows = await findEvidenceRows(db, {
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.plan ? { plan: query.plan } : {}),
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
      ...(below !== undefined ? { below } : {}),
      ...(limited ? { latest: CHUNK } : {}),
    });
    for (const row of rows) {
      const entry = entryOfRow(row);
      if (wanted.every((f) => entry[f] === query[f]) && bytesAgree(entry, query)) {
        found.push(entry);
      }
      if (found.length >= limit) break;
    }
    if (!limited || rows.length < CHUNK) break;
    below = Number(rows[rows.length - 1]!.idx);
  }
  return Number.isFinite(limit) ? found.reverse() : found;
}

/** Whether the entry's own kind, plan and time (from its bytes) match the query. */
export function bytesAgree(
  entry: { kind: string; plan?: string; time: string },
  query: { kind?: string; plan?: string; from?: string; to?: string },
): boolean {
  if (query.kind !== undefined && entry.kind !== query.kind) return false;
  if (query.plan !== undefined && entry.plan !== query.plan) return false;
  if (query.from !== undefined && !(entry.time >= query.from)) return false;
  if (query.to !== undefined && !(entry.time < query.to)) return false;
  return true;
}
