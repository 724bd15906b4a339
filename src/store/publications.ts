import { dbOf } from './handle.js';
import { reusableQuery } from './reusable-query.js';
import type {
  AttemptRow,
  ItemRow,
  PublicationRow,
  PublicationStatus,
  PublicationUpdate,
} from './schema.js';
import type { Db } from './types.js';

/** The publications of an item (every channel, every state), by slot. */
export function publicationsOfItem(on: Db, itemId: string): Promise<PublicationRow[]> {
  const db = dbOf(on);
  return db
    .selectFrom('publications')
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('slot')
    .execute();
}

/** Slots of a channel already taken by a scheduled or published publication. */
export async function occupiedSlots(on: Db, channelId: string): Promise<Set<string>> {
  const db = dbOf(on);
  const rows = await db
    .selectFrom('publications')
    .select('slot')
    .where('channel_id', '=', channelId)
    .where('status', 'in', ['scheduled', 'published'])
    .execute();
  return new Set(rows.map((r) => r.slot));
}

/** A publication to schedule. */
export interface ScheduleInput {
  key: string;
  item: Pick<ItemRow, 'id' | 'version' | 'content_hash'>;
  channelId: string;
  slot: string;
  plannedBy: string;
  now: string;
  /**
   * Look the publication up on the channel (`find`) before anything else: set when it is
   * planned after its lateness window closed, so that a post an earlier run made is adopted
   * rather than reported missed.
   */
  askFirst?: boolean;
}

/** Inserts a scheduled publication, or brings a cancelled one with that key back. */
export async function schedulePublication(on: Db, input: ScheduleInput): Promise<void> {
  const tx = dbOf(on);
  const fresh = {
    item_version: input.item.version,
    content_hash: input.item.content_hash,
    status: 'scheduled' as const,
    due_at: input.slot,
    attempts: 0,
    lease_owner: null,
    lease_until: null,
    needs_reconcile: input.askFirst ? 1 : 0,
    last_error: null,
    reason: null,
    planned_by: input.plannedBy,
    updated_at: input.now,
  };
  const revived = await tx
    .updateTable('publications')
    .set(fresh)
    .where('key', '=', input.key)
    .where('status', '=', 'cancelled')
    .executeTakeFirst();
  if (Number(revived.numUpdatedRows) > 0) return;
  await tx
    .insertInto('publications')
    .values({
      ...fresh,
      key: input.key,
      item_id: input.item.id,
      channel_id: input.channelId,
      slot: input.slot,
      created_at: input.now,
    })
    .execute();
}

/** Points a scheduled publication at the item's current version. */
export async function refreshPublication(
  on: Db,
  key: string,
  item: Pick<ItemRow, 'version' | 'content_hash'>,
  now: string,
): Promise<void> {
  const tx = dbOf(on);
  await tx
    .updateTable('publications')
    .set({ item_version: item.version, content_hash: item.content_hash, updated_at: now })
    .where('key', '=', key)
    .where('status', '=', 'scheduled')
    .execute();
}

/** Cancels scheduled publications (withdrawn, rescheduled, back to draft), with the reason. */
export async function cancelPublications(
  on: Db,
  keys: string[],
  reason: string,
  now: string,
): Promise<number> {
  const tx = dbOf(on);
  if (keys.length === 0) return 0;
  const result = await tx
    .updateTable('publications')
    .set({ status: 'cancelled', reason, updated_at: now })
    .where('key', 'in', keys)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Writes what happened to a leased publication, only while `worker` still holds its lease;
 * returns false when the lease was lost (another worker will reconcile it).
 */
export async function settlePublication(
  on: Db,
  key: string,
  worker: string,
  change: PublicationUpdate,
): Promise<boolean> {
  const tx = dbOf(on);
  // The lease is given back with the outcome.
  const set: PublicationUpdate = { ...change, lease_owner: null, lease_until: null };
  const columns = Object.keys(set).sort() as (keyof PublicationUpdate)[];
  const values = columns.map((c) => set[c]);
  const result = await settleQuery(tx, columns.join(','), key, worker, ...values);
  return Number(result.numAffectedRows) === 1;
}

const settleQuery = reusableQuery(
  (db, shape, key: string, worker: string, ...values: unknown[]) => {
    const set: Record<string, unknown> = {};
    shape.split(',').forEach((column, i) => {
      set[column] = values[i];
    });
    return db
      .updateTable('publications')
      .set(set as PublicationUpdate)
      .where('key', '=', key)
      .where('lease_owner', '=', worker);
  },
);

/** Gives leased publications back untouched (shutdown, channel paused, lease running out). */
export async function releaseLeases(on: Db, keys: string[], worker: string): Promise<void> {
  const tx = dbOf(on);
  if (keys.length === 0) return;
  await tx
    .updateTable('publications')
    .set({ lease_owner: null, lease_until: null })
    .where('key', 'in', keys)
    .where('lease_owner', '=', worker)
    .execute();
}

/** Records one attempt (or a decision not to attempt) on a publication. */
export async function recordAttempt(on: Db, attempt: Omit<AttemptRow, 'id'>): Promise<void> {
  const tx = dbOf(on);
  await attemptQuery(
    tx,
    '',
    attempt.publication_key,
    attempt.attempt,
    attempt.worker,
    attempt.at,
    attempt.outcome,
    attempt.detail ?? null,
  );
}

const attemptQuery = reusableQuery(
  (
    db,
    _shape,
    key: string,
    attempt: number,
    worker: string,
    at: string,
    outcome: string,
    detail: string | null,
  ) =>
    db
      .insertInto('publication_attempts')
      .values({ publication_key: key, attempt, worker, at, outcome, detail }),
);

/** Filters for listing publications. */
export interface PublicationFilter {
  status?: PublicationStatus;
  channel?: string;
  item?: string;
}

/** Publications by slot. */
export function listPublications(
  on: Db,
  filter: PublicationFilter = {},
): Promise<PublicationRow[]> {
  const db = dbOf(on);
  let query = db.selectFrom('publications').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.channel) query = query.where('channel_id', '=', filter.channel);
  if (filter.item) query = query.where('item_id', '=', filter.item);
  return query.orderBy('slot').orderBy('key').execute();
}

/** The attempts on one publication, in order. */
export function attemptsOf(on: Db, key: string): Promise<AttemptRow[]> {
  const db = dbOf(on);
  return db
    .selectFrom('publication_attempts')
    .selectAll()
    .where('publication_key', '=', key)
    .orderBy('id')
    .execute();
}

/** Channels paused after an authentication failure. */
export async function pausedChannels(on: Db): Promise<Map<string, string>> {
  const db = dbOf(on);
  const rows = await db.selectFrom('channel_states').selectAll().where('paused', '=', 1).execute();
  return new Map(rows.map((r) => [r.channel_id, r.reason ?? '']));
}

/** Pauses (or resumes) a channel: its publications wait, nothing fails. */
export async function setChannelPaused(
  on: Db,
  channelId: string,
  paused: boolean,
  reason: string | null,
  now: string,
): Promise<void> {
  const tx = dbOf(on);
  const row = { paused: paused ? 1 : 0, reason, since: now };
  const updated = await tx
    .updateTable('channel_states')
    .set(row)
    .where('channel_id', '=', channelId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await tx
      .insertInto('channel_states')
      .values({ channel_id: channelId, ...row })
      .execute();
  }
}

/**
 * Whether an item has a publication on a channel, other than `exceptKey`, that was taken
 * down (withdrawn): its remote copy in the trash is history, not this publication's.
 */
export async function hasWithdrawnPublication(
  on: Db,
  channelId: string,
  itemId: string,
  exceptKey: string,
): Promise<boolean> {
  const db = dbOf(on);
  const earlier = await db
    .selectFrom('publications')
    .select('key')
    .where('channel_id', '=', channelId)
    .where('item_id', '=', itemId)
    .where('status', '=', 'withdrawn')
    .where('key', '!=', exceptKey)
    .executeTakeFirst();
  return earlier !== undefined;
}

/** The earliest due instant (stored) of the scheduled publications on these channels, if any. */
export async function nextScheduledDue(
  on: Db,
  channelIds: readonly string[],
): Promise<string | undefined> {
  const db = dbOf(on);
  const next = await db
    .selectFrom('publications')
    .select((eb) => eb.fn.min('due_at').as('due'))
    .where('status', '=', 'scheduled')
    .where('channel_id', 'in', channelIds.length ? channelIds : [''])
    .executeTakeFirst();
  return next?.due ? String(next.due) : undefined;
}

/** How many publications are still scheduled for a slot before `before` (stored UTC ISO). */
export async function countScheduledBefore(on: Db, before: string): Promise<number> {
  const db = dbOf(on);
  const waiting = await db
    .selectFrom('publications')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('status', '=', 'scheduled')
    .where('slot', '<', before)
    .executeTakeFirst();
  return Number(waiting?.n ?? 0);
}

/** The publication of a key; throws when there is none. */
export function publicationOfKey(on: Db, key: string): Promise<PublicationRow> {
  const db = dbOf(on);
  return db.selectFrom('publications').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
}

/** The slot (stored UTC ISO) of an item's scheduled publication on a channel, if any. */
export async function scheduledSlotOf(
  on: Db,
  itemId: string,
  channelId: string,
): Promise<string | undefined> {
  const db = dbOf(on);
  const pub = await db
    .selectFrom('publications')
    .select('slot')
    .where('item_id', '=', itemId)
    .where('channel_id', '=', channelId)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  return pub?.slot;
}

/** The publication of a key, or undefined. */
export function findPublication(on: Db, key: string): Promise<PublicationRow | undefined> {
  const db = dbOf(on);
  return db.selectFrom('publications').selectAll().where('key', '=', key).executeTakeFirst();
}

/**
 * Writes a change to a publication that no worker holds (no lease), and only while it is in
 * `status` when one is given; returns whether it changed.
 */
export async function changeUnleasedPublication(
  on: Db,
  key: string,
  change: PublicationUpdate,
  status?: PublicationStatus,
): Promise<boolean> {
  const tx = dbOf(on);
  let query = tx
    .updateTable('publications')
    .set(change)
    .where('key', '=', key)
    .where('lease_owner', 'is', null);
  if (status !== undefined) query = query.where('status', '=', status);
  const changed = await query.executeTakeFirst();
  return Number(changed.numUpdatedRows) > 0;
}

/** Writes a change to a publication and returns the row as it is after. */
export async function changePublication(
  on: Db,
  key: string,
  change: PublicationUpdate,
): Promise<PublicationRow> {
  const tx = dbOf(on);
  await tx.updateTable('publications').set(change).where('key', '=', key).execute();
  return publicationOfKey(on, key);
}
