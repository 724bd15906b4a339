import type { Kysely } from 'kysely';
import { toStored } from '../model/instant.js';
import type { Database, RundownAsRunRow, RundownEventRow, RundownRow } from '../store/schema.js';
import {
  itemsInOrder,
  type Rundown,
  type RundownEvent,
  type RundownState,
  slotStart,
} from './model.js';
import { computeTiming } from './timing.js';

/** A rundown as the store keeps it: the document, its history and when it was last saved. */
export interface StoredRundown {
  rundown: Rundown;
  createdAt: string;
  updatedAt: string;
}

function eventOf(row: RundownEventRow): RundownEvent {
  const event: RundownEvent = {
    from: row.from_state as RundownState,
    to: row.to_state as RundownState,
    actor: row.actor,
    at: row.at,
  };
  if (row.reason !== null) event.reason = row.reason;
  return event;
}

async function withHistory(db: Kysely<Database>, rows: RundownRow[]): Promise<StoredRundown[]> {
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
  return rows.map((row) => {
    const document = JSON.parse(row.document) as Omit<Rundown, 'history' | 'state'>;
    const history = events.filter((e) => e.rundown_id === row.id).map(eventOf);
    return {
      rundown: { ...document, state: row.state as RundownState, history },
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
}

/** The stored rundown with an id, with its history, or undefined. */
export async function loadRundown(
  db: Kysely<Database>,
  id: string,
): Promise<StoredRundown | undefined> {
  const rows = await db.selectFrom('rundowns').selectAll().where('id', '=', id).execute();
  return (await withHistory(db, rows))[0];
}

/** The rundowns of a channel whose slot starts in [from, to) (UTC ISO), in slot order. */
export async function rundownsOfChannel(
  db: Kysely<Database>,
  channelId: string,
  range: { from: string; to: string },
): Promise<StoredRundown[]> {
  const rows = await db
    .selectFrom('rundowns')
    .selectAll()
    .where('channel_id', '=', channelId)
    .where('slot_start', '>=', range.from)
    .where('slot_start', '<', range.to)
    .orderBy('slot_start')
    .execute();
  return withHistory(db, rows);
}

/**
 * Ids of the content items that a channel's locked or aired rundowns carry (other than
 * `except`): an item that went on air, or is about to, is not offered again.
 */
export async function itemsOnAir(
  db: Kysely<Database>,
  channelId: string,
  except?: string,
): Promise<Set<string>> {
  let query = db
    .selectFrom('rundowns')
    .select(['id', 'document'])
    .where('channel_id', '=', channelId)
    .where('state', 'in', ['locked', 'aired']);
  if (except !== undefined) query = query.where('id', '!=', except);
  const used = new Set<string>();
  for (const row of await query.execute()) {
    const rundown = JSON.parse(row.document) as Pick<Rundown, 'segments'>;
    for (const { item } of itemsInOrder(rundown)) used.add(item.itemId);
  }
  return used;
}

/**
 * Writes a rundown's document and state (insert or replace) and appends the events given:
 * the history is append-only, so only the new events are passed.
 */
export async function saveRundown(
  tx: Kysely<Database>,
  rundown: Rundown,
  events: readonly RundownEvent[],
  at: string,
): Promise<void> {
  const { history: _history, state, ...document } = rundown;
  const values = {
    channel_id: rundown.channelId,
    slot_start: toStored(slotStart(rundown.slot)),
    state,
    minimum_sec: rundown.minimumSec,
    planned_sec: computeTiming(rundown).plannedSec,
    document: JSON.stringify(document),
    updated_at: at,
  };
  const updated = await tx
    .updateTable('rundowns')
    .set(values)
    .where('id', '=', rundown.id)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await tx
      .insertInto('rundowns')
      .values({ ...values, id: rundown.id, created_at: at })
      .execute();
  }
  for (const event of events) {
    await tx
      .insertInto('rundown_events')
      .values({
        rundown_id: rundown.id,
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
export async function saveAsRun(tx: Kysely<Database>, input: AsRunInput): Promise<void> {
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
export function asRunsOf(db: Kysely<Database>, rundownId: string): Promise<RundownAsRunRow[]> {
  return db
    .selectFrom('rundown_as_runs')
    .selectAll()
    .where('rundown_id', '=', rundownId)
    .orderBy('item_slug')
    .execute();
}
