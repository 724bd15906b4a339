import type { Insertable } from 'kysely';
import { dialectOf } from './dialect.js';
import { dbOf } from './handle.js';
import type {
  ImportedLogRow,
  ImportedLogTable,
  ImportedSegmentRow,
  ImportedSegmentTable,
} from './schema.js';
import type { Db } from './types.js';

/** The imported_logs and imported_segments tables (evidence/bundle-import.ts): units' logs. */

/** The log imported so far of one unit, if any. */
export function importedLogOf(on: Db, unit: string): Promise<ImportedLogRow | undefined> {
  const db = dbOf(on);
  return db.selectFrom('imported_logs').selectAll().where('unit', '=', unit).executeTakeFirst();
}

/** Every imported log, by unit. */
export function listImportedLogs(on: Db): Promise<ImportedLogRow[]> {
  const db = dbOf(on);
  return db.selectFrom('imported_logs').selectAll().orderBy('unit').execute();
}

/** Records a unit's latest imported checkpoint (a new unit, or one whose log grew). */
export async function saveImportedLog(on: Db, row: Insertable<ImportedLogTable>): Promise<void> {
  const db = dbOf(on);
  const { unit, ...rest } = row;
  const done = await db.updateTable('imported_logs').set(rest).where('unit', '=', unit).execute();
  if (Number(done[0]?.numUpdatedRows ?? 0) === 0) {
    await db.insertInto('imported_logs').values(row).execute();
  }
}

/** A run of a unit's entries to store, its entries and leaves as their (valid UTF-8) bytes. */
export type ImportedSegmentBytes = Omit<Insertable<ImportedSegmentTable>, 'entries' | 'leaves'> & {
  entries: Buffer;
  leaves: Buffer;
};

/**
 * Stores a run of a unit's entries.
 * NOTE: the bytes are bound as they are and stored as text by the database: a run is megabytes,
 * and a string of it costs more to make (and to write out again as UTF-8) than storing it.
 */
export async function insertImportedSegment(on: Db, row: ImportedSegmentBytes): Promise<void> {
  const db = dbOf(on);
  const d = dialectOf(db);
  await db
    .insertInto('imported_segments')
    .values({ ...row, entries: d.text(row.entries), leaves: d.text(row.leaves) })
    .execute();
}

/** The runs of one unit's entries (or of every unit), in unit and index order. */
export function readImportedSegments(on: Db, unit?: string): Promise<ImportedSegmentRow[]> {
  const db = dbOf(on);
  let query = db.selectFrom('imported_segments').selectAll();
  if (unit !== undefined) query = query.where('unit', '=', unit);
  return query.orderBy('unit').orderBy('start').execute();
}

/** The entries of every unit's runs (only the unit and the entries' text), in unit and index order. */
export function readImportedEntries(on: Db): Promise<{ unit: string; entries: string }[]> {
  const db = dbOf(on);
  return db
    .selectFrom('imported_segments')
    .select(['unit', 'entries'])
    .orderBy('unit')
    .orderBy('start')
    .execute();
}

/** The leaf hashes (hex) of one unit's runs, in index order, without the entries. */
export async function readImportedLeaves(on: Db, unit: string): Promise<string[]> {
  const db = dbOf(on);
  const rows = await db
    .selectFrom('imported_segments')
    .select(['start', 'leaves'])
    .where('unit', '=', unit)
    .orderBy('start')
    .execute();
  return rows.flatMap((r) => r.leaves.split('\n').filter((l) => l !== ''));
}

/** How many entries are imported, of how many units (for a test or a summary). */
export async function countImported(on: Db): Promise<{ units: number; entries: number }> {
  const db = dbOf(on);
  const logs = await db.selectFrom('imported_logs').select(['size']).execute();
  return { units: logs.length, entries: logs.reduce((sum, r) => sum + Number(r.size), 0) };
}
