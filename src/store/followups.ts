import { dialectOf } from './dialect.js';
import { dbOf } from './handle.js';
import type { FollowUpAction, FollowUpRow, FollowUpStatus } from './schema.js';
import type { Db } from './types.js';

/** A follow-up to add: what to do to which publication, for which item version. */
export interface FollowUpInput {
  publicationKey: string;
  action: FollowUpAction;
  itemVersion: number;
  contentHash: string;
  /** UTC ISO: when it is due, and when it was planned. */
  now: string;
}

/** The follow-ups of some publications, oldest first. */
export function followUpsOf(on: Db, publicationKeys: readonly string[]): Promise<FollowUpRow[]> {
  const db = dbOf(on);
  if (publicationKeys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('publication_followups')
    .selectAll()
    .where('publication_key', 'in', publicationKeys)
    .orderBy('id')
    .execute();
}

/** Adds a pending follow-up, due at once. */
export async function addFollowUp(on: Db, input: FollowUpInput): Promise<void> {
  const tx = dbOf(on);
  await tx
    .insertInto('publication_followups')
    .values({
      publication_key: input.publicationKey,
      action: input.action,
      item_version: input.itemVersion,
      content_hash: input.contentHash,
      status: 'pending',
      due_at: input.now,
      attempts: 0,
      lease_owner: null,
      lease_until: null,
      last_error: null,
      evidence_index: null,
      created_at: input.now,
      updated_at: input.now,
    })
    .execute();
}

/**
 * Ends pending follow-ups that a newer one replaces (a second edit, a withdrawal after an
 * edit). One held by a worker right now is superseded too: its worker's settlement then
 * finds it no longer pending and writes nothing.
 */
export async function supersedeFollowUps(
  on: Db,
  ids: readonly number[],
  now: string,
): Promise<void> {
  const tx = dbOf(on);
  if (ids.length === 0) return;
  await tx
    .updateTable('publication_followups')
    .set({ status: 'superseded', lease_owner: null, lease_until: null, updated_at: now })
    .where('id', 'in', ids)
    .where('status', '=', 'pending')
    .execute();
}

/** What a claim of due follow-ups asks. */
export interface FollowUpClaim {
  channel: string;
  now: string;
  leaseUntil: string;
  worker: string;
  limit: number;
}

/** Leases a channel's due pending follow-ups (the caller's transaction), oldest first. */
export async function claimFollowUps(on: Db, claim: FollowUpClaim): Promise<FollowUpRow[]> {
  const tx = dbOf(on);
  let query = tx
    .selectFrom('publication_followups')
    .select('publication_followups.id')
    .innerJoin('publications', 'publications.key', 'publication_followups.publication_key')
    .where('publications.channel_id', '=', claim.channel)
    .where('publication_followups.status', '=', 'pending')
    .where('publication_followups.due_at', '<=', claim.now)
    .where((eb) =>
      eb.or([
        eb('publication_followups.lease_until', 'is', null),
        eb('publication_followups.lease_until', '<=', claim.now),
      ]),
    )
    .orderBy('publication_followups.due_at')
    .orderBy('publication_followups.id')
    .limit(claim.limit);
  // Where rows lock, those another worker holds are passed over.
  if (dialectOf(tx).rowLocks) query = query.forUpdate('publication_followups').skipLocked();
  const ids = (await query.execute()).map((r) => r.id);
  if (ids.length === 0) return [];
  return tx
    .updateTable('publication_followups')
    .set({ lease_owner: claim.worker, lease_until: claim.leaseUntil })
    .where('id', 'in', ids)
    .returningAll()
    .execute();
}

/** A follow-up's settlement: its new state and what goes with it. */
export interface FollowUpChange {
  status?: FollowUpStatus;
  attempts?: number;
  due_at?: string;
  last_error?: string | null;
  evidence_index?: number | null;
  updated_at: string;
}

/**
 * Writes a follow-up's outcome while `worker` still holds it pending; returns false (and
 * writes nothing) when it was superseded or its lease was taken meanwhile.
 */
export async function settleFollowUp(
  on: Db,
  id: number,
  worker: string,
  change: FollowUpChange,
): Promise<boolean> {
  const tx = dbOf(on);
  const result = await tx
    .updateTable('publication_followups')
    .set({ ...change, lease_owner: null, lease_until: null })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('lease_owner', '=', worker)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Follow-ups in some states (every state when none is given), newest first. */
export function listFollowUps(
  on: Db,
  statuses: readonly FollowUpStatus[] = [],
): Promise<Array<FollowUpRow & { channel_id: string; item_id: string }>> {
  const db = dbOf(on);
  let query = db
    .selectFrom('publication_followups')
    .innerJoin('publications', 'publications.key', 'publication_followups.publication_key')
    .selectAll('publication_followups')
    .select(['publications.channel_id', 'publications.item_id']);
  if (statuses.length > 0) query = query.where('publication_followups.status', 'in', statuses);
  return query.orderBy('publication_followups.id', 'desc').execute();
}

/** Whether any follow-up is due at `now`: a read, so that a pass with none takes no write lock. */
export async function anyFollowUpDue(on: Db, now: string): Promise<boolean> {
  const db = dbOf(on);
  const row = await db
    .selectFrom('publication_followups')
    .select('id')
    .where('status', '=', 'pending')
    .where('due_at', '<=', now)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Gives claimed follow-ups back untouched, those `worker` still holds. */
export async function releaseFollowUps(
  on: Db,
  ids: readonly number[],
  worker: string,
): Promise<void> {
  const tx = dbOf(on);
  if (ids.length === 0) return;
  await tx
    .updateTable('publication_followups')
    .set({ lease_owner: null, lease_until: null })
    .where('id', 'in', ids)
    .where('lease_owner', '=', worker)
    .execute();
}

/** Records the index of the evidence entry that logged a follow-up. */
export async function setFollowUpEvidenceIndex(on: Db, id: number, index: number): Promise<void> {
  const tx = dbOf(on);
  await tx
    .updateTable('publication_followups')
    .set({ evidence_index: index })
    .where('id', '=', id)
    .execute();
}
