import type { Insertable, Selectable } from 'kysely';
import { dbOf } from './handle.js';
import type { WitnessUnitTable } from './schema.js';
import type { Db } from './types.js';

/** The witness_units table (witness/units.ts, witness/poll.ts): units a witness watches. */

/** Whether a unit of this name is watched already. */
export async function witnessUnitExists(on: Db, name: string): Promise<boolean> {
  const db = dbOf(on);
  const row = await db
    .selectFrom('witness_units')
    .select('name')
    .where('name', '=', name)
    .executeTakeFirst();
  return row !== undefined;
}

/** Stores a new unit. */
export async function insertWitnessUnit(on: Db, row: Insertable<WitnessUnitTable>): Promise<void> {
  const db = dbOf(on);
  await db.insertInto('witness_units').values(row).execute();
}

/** Every unit, by name. */
export function listWitnessUnits(on: Db): Promise<Selectable<WitnessUnitTable>[]> {
  const db = dbOf(on);
  return db.selectFrom('witness_units').selectAll().orderBy('name').execute();
}

/** Records what a poll found, leaving the last good checkpoint as it was. */
export async function recordWitnessFinding(
  on: Db,
  name: string,
  status: string,
  checkedAt: string,
): Promise<void> {
  const db = dbOf(on);
  await db
    .updateTable('witness_units')
    .set({ status, checked_at: checkedAt })
    .where('name', '=', name)
    .execute();
}

/** Records a checkpoint checked and cosigned (status `ok`). */
export async function recordWitnessCheckpoint(
  on: Db,
  name: string,
  checkpoint: { size: number; rootHash: string; note: string; checkedAt: string },
): Promise<void> {
  const db = dbOf(on);
  await db
    .updateTable('witness_units')
    .set({
      size: checkpoint.size,
      root_hash: checkpoint.rootHash,
      note: checkpoint.note,
      checked_at: checkpoint.checkedAt,
      status: 'ok',
    })
    .where('name', '=', name)
    .execute();
}
