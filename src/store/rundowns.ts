import { type Kysely, sql } from 'kysely';
import { dbOf } from './handle.js';
import type { Database, RundownAsRunRow, RundownEventRow, RundownRow } from './schema.js';
import type { Db } from './types.js';

/** A stored rundown row with its events, oldest first. */
export interface RundownWithEvents {
  row: RundownRow;
  events: RundownEventRow[];
}

async function withEvents(db: Kysely<Database>, rows: RundownRow[]): Promise<RundownWithEvents[]> {
  if (rows.length === 0) return [];
  const events = await db
    .selectFrom('rundown_events')
    .selectAll()
    .where(
      'rundown_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ row, events: events.filter((e) => e.rundown_id === row.id) }));
}

/** The rundown row with an id and its events, or undefined. */
export async function rundownRow(on: Db, id: string): Promise<RundownWithEvents | undefined> {
  const db = dbOf(on);
  const rows = await db.selectFrom('rundowns').selectAll().where('id', '=', id).execute();
  return (await withEvents(db, rows))[0];
}

/** The rundown rows of a channel whose slot starts in [from, to) (UTC ISO), in slot order. */
export async function rundownRowsOfChannel(
  on: Db,
  channelId: string,
  range: { from: string; to: string },
): Promise<RundownWithEvents[]> {
  const db = dbOf(on);
  const rows = await db
    .selectFrom('rundowns')
    .selectAll()
    .where('channel_id', '=', channelId)
    .where('slot_start', '>=', range.from)
    .where('slot_start', '<', range.to)
    .orderBy('slot_start')
    .execute();
  return withEvents(db, rows);
}

/** The documents of a channel's locked or aired rundowns, other than `except`. */
export async function lockedOrAiredDocuments(
  on: Db,
  channelId: string,
  except?: string,
): Promise<string[]> {
  const db = dbOf(on);
  let query = db
    .selectFrom('rundowns')
    .select(['id', 'document'])
    .where('channel_id', '=', channelId)
    .where('state', 'in', ['locked', 'aired']);
  if (except !== undefined) query = query.where('id', '!=', except);
  return (await query.execute()).map((row) => row.document);
}

/** What tells one stored state of a rundown from another: state, history length, document. */
export interface RundownVersion {
  state: string;
  events: number;
  document: string;
}

/** The state, number of events and document of a rundown (one indexed read), or undefined. */
export async function rundownVersion(on: Db, id: string): Promise<RundownVersion | undefined> {
  const db = dbOf(on);
  const row = await db
    .selectFrom('rundowns')
    .select([
      'state',
      'document',
      sql<number>`(select count(*) from rundown_events e where e.rundown_id = rundowns.id)`.as(
        'events',
      ),
    ])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { state: row.state, events: Number(row.events), document: row.document };
}

/** A rundown's columns as written (its id and creation time aside). */
export interface RundownValues {
  channel_id: string;
  slot_start: string;
  state: string;
  minimum_sec: number;
  planned_sec: number;
  document: string;
  updated_at: string;
}

/** One event of a rundown's history, as written. */
export interface RundownEventInput {
  from: string;
  to: string;
  actor: string;
  at: string;
  reason?: string;
}

/**
 * Writes a rundown row (insert or replace) and appends the events given: the history is
 * append-only, so only the new events are passed.
 */
export async function writeRundown(
  on: Db,
  id: string,
  values: RundownValues,
  events: readonly RundownEventInput[],
): Promise<void> {
  const tx = dbOf(on);
  const updated = await tx
    .updateTable('rundowns')
    .set(values)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await tx
      .insertInto('rundowns')
      .values({ ...values, id, created_at: values.updated_at })
      .execute();
  }
  for (const event of events) {
    await tx
      .insertInto('rundown_events')
      .values({
        rundown_id: id,
        from_state: event.from,
        to_state: event.to,
        actor: event.actor,
        at: event.at,
        reason: event.reason ?? null,
      })
      .execute();
  }
}

/** What one as-run record says. */
export interface AsRunInput {
  rundownId: string;
  /** Empty for the whole programme. */
  itemSlug: string;
  start: string;
  durationSec: number;
  compliant: boolean;
  reasons: string[];
  actor: string;
  recordedAt: string;
  evidenceIndex?: number;
}

/** Records (or, for an item not yet confirmed in an aired rundown, replaces) one as-run. */
export async function saveAsRun(on: Db, input: AsRunInput): Promise<void> {
  const tx = dbOf(on);
  await tx
    .deleteFrom('rundown_as_runs')
    .where('rundown_id', '=', input.rundownId)
    .where('item_slug', '=', input.itemSlug)
    .execute();
  await tx
    .insertInto('rundown_as_runs')
    .values({
      rundown_id: input.rundownId,
      item_slug: input.itemSlug,
      start: input.start,
      duration_sec: input.durationSec,
      compliant: input.compliant ? 1 : 0,
      reason: input.reasons.length > 0 ? input.reasons.join(',') : null,
      actor: input.actor,
      recorded_at: input.recordedAt,
      evidence_index: input.evidenceIndex ?? null,
    })
    .execute();
}

/** The as-run records of a rundown: the programme's first, then its items' in slug order. */
export function asRunsOf(on: Db, rundownId: string): Promise<RundownAsRunRow[]> {
  const db = dbOf(on);
  return db
    .selectFrom('rundown_as_runs')
    .selectAll()
    .where('rundown_id', '=', rundownId)
    .orderBy('item_slug')
    .execute();
}
