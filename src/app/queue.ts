import { basename, resolve } from 'node:path';
import { DateTime } from 'luxon';
import { type Diagnostic, formatDiagnostic, sortDiagnostics } from '../config/diagnostic.js';
import { parseItem } from '../config/parse-item.js';
import { readSource } from '../config/source.js';
import { LoaError } from '../errors/loa-error.js';
import { toStored } from '../model/instant.js';
import { type PlanningConfig, planItems } from '../scheduler/plan/items.js';
import { channelZone } from '../scheduler/plan/planner.js';
import {
  type Actor,
  findItem,
  itemVersion,
  saveItemVersion,
  setItemStatus,
  setSlotOverride,
  versionAuthor,
} from '../store/items.js';
import type { ItemRow, ItemStatus } from '../store/schema.js';
import type { Db, Store } from '../store/types.js';

export { versionAuthor } from '../store/items.js';

/** Who acts and when, for every queue command. */
export interface QueueContext {
  store: Store;
  config: PlanningConfig;
  now: DateTime;
  actor: string;
}

function actorOf(ctx: QueueContext): Actor {
  return { actor: ctx.actor, at: toStored(ctx.now) };
}

async function mustFind(tx: Db, id: string): Promise<ItemRow> {
  const row = await findItem(tx, id);
  if (!row) throw new LoaError('ITEM_NOT_FOUND', { params: { id }, kind: 'not-found' });
  return row;
}

function refuse(row: ItemRow, to: string): never {
  throw new LoaError('ITEM_TRANSITION', {
    params: { id: row.id, from: row.status, to },
    kind: 'conflict',
  });
}

/** `loa queue add <file>`: a new item (or version) from a file outside content/. */
/** The refusal of an item file, with each of its errors (file:line:column, field, message). */
function invalidItemFile(file: string, diagnostics: Diagnostic[]): LoaError {
  const errors = sortDiagnostics(diagnostics.filter((d) => d.severity === 'error'))
    .map((d) => `  ${formatDiagnostic(d)}`)
    .join('\n');
  return new LoaError('ITEM_FILE_INVALID', {
    params: { file, count: diagnostics.length, errors },
  });
}

export async function addItemFile(
  ctx: QueueContext,
  file: string,
): Promise<{ row: ItemRow; changed: boolean }> {
  const path = resolve(file);
  const source = readSource(path, file);
  if (Array.isArray(source)) throw invalidItemFile(file, source);
  const parsed = parseItem(source, basename(path));
  if (!parsed.ok) throw invalidItemFile(file, parsed.diagnostics);
  const item = parsed.located.value;
  for (const id of item.channels) {
    if (!ctx.config.channels.has(id)) {
      const known = [...ctx.config.channels.keys()].join(', ');
      throw new LoaError('CHANNEL_UNKNOWN', { params: { id, known } });
    }
  }
  const by = actorOf(ctx);
  return ctx.store.transaction(async (tx) => {
    const before = await findItem(tx, item.id);
    if (before && before.source !== 'cli') {
      throw new LoaError('ITEM_ID_TAKEN', {
        params: { id: item.id, path: before.path },
        kind: 'conflict',
      });
    }
    const saved = await saveItemVersion(tx, { item, source: 'cli', path, status: item.status }, by);
    if (saved) await planItems(tx, { ids: [item.id], config: ctx.config, now: ctx.now, by });
    return { row: await mustFind(tx, item.id), changed: saved !== undefined };
  });
}

/** Moves an item to a new state if the move is allowed, then plans it. */
async function transition(
  ctx: QueueContext,
  id: string,
  to: ItemStatus,
  allowed: readonly ItemStatus[],
  reason: string | null,
): Promise<{ from: ItemStatus; row: ItemRow }> {
  const by = actorOf(ctx);
  return ctx.store.transaction(async (tx) => {
    const row = await mustFind(tx, id);
    if (!allowed.includes(row.status)) refuse(row, to);
    await setItemStatus(tx, row, to, by, reason);
    await planItems(tx, { ids: [id], config: ctx.config, now: ctx.now, by });
    return { from: row.status, row: await mustFind(tx, id) };
  });
}

/**
 * The states an item can be approved from: submitted for approval, a draft (the CLI's
 * one-step approval), or a failed one, to try again.
 */
export const APPROVABLE: readonly ItemStatus[] = ['draft', 'submitted', 'failed'];

/** The states an item can be submitted for approval from. */
export const SUBMITTABLE: readonly ItemStatus[] = ['draft'];

/** The states an item can be withdrawn from. */
export const WITHDRAWABLE: readonly ItemStatus[] = [
  'draft',
  'submitted',
  'approved',
  'scheduled',
  'published',
  'failed',
];

/** The channels of an item that ask for four-eyes approval (`fourEyes: true`). */
async function fourEyesChannels(tx: Db, ctx: QueueContext, row: ItemRow) {
  const item = await itemVersion(tx, row.id, row.version);
  return (item?.channels ?? []).filter((id) => ctx.config.channels.get(id)?.fourEyes === true);
}

/** What an approval is bound to: the content the approver saw. */
export interface ApprovalCheck {
  /** The content hash of the version the approver read; another one is refused. */
  contentHash?: string;
}

/**
 * `loa queue approve <id>`: a draft (or a failed item, to try again) becomes approved. The
 * approval is of one version: with `check.contentHash`, an item edited since the approver
 * read it is refused; on a channel with `fourEyes`, its author cannot approve it. The event
 * records the approver and the version (and its hash) approved.
 */
export function approveItem(ctx: QueueContext, id: string, check: ApprovalCheck = {}) {
  const by = actorOf(ctx);
  return ctx.store.transaction(async (tx) => {
    const row = await mustFind(tx, id);
    if (!APPROVABLE.includes(row.status)) refuse(row, 'approved');
    if (check.contentHash !== undefined && check.contentHash !== row.content_hash) {
      throw new LoaError('ITEM_CHANGED_SINCE_READ', {
        params: { id, version: row.version },
      });
    }
    const strict = await fourEyesChannels(tx, ctx, row);
    if (strict.length > 0 && (await versionAuthor(tx, id, row.version)) === ctx.actor) {
      throw new LoaError('ITEM_FOUR_EYES', {
        params: { id, actor: ctx.actor, version: row.version, channels: strict.join(', ') },
      });
    }
    await setItemStatus(
      tx,
      row,
      'approved',
      by,
      `approved version ${row.version} (${row.content_hash})`,
    );
    await planItems(tx, { ids: [id], config: ctx.config, now: ctx.now, by });
    return { from: row.status, row: await mustFind(tx, id) };
  });
}

/**
 * `loa queue submit <id>`: the author asks for approval of the current version (Save draft →
 * submit → approve). Nothing is planned yet; an edit before approval makes it a draft again.
 */
export function submitItem(ctx: QueueContext, id: string) {
  return transition(ctx, id, 'submitted', SUBMITTABLE, 'submitted for approval');
}

/**
 * `loa queue withdraw <id>`: nothing of it goes out any more, and what already went out on
 * a portal is taken down (a follow-up the dispatcher carries out).
 */
export function withdrawItem(ctx: QueueContext, id: string) {
  return transition(ctx, id, 'withdrawn', WITHDRAWABLE, 'withdrawn');
}

/**
 * Reads a `when` the way front matter is read: local time in `zone` unless it has an offset.
 * Throws WHEN_INVALID for anything else.
 */
export function parseWhen(value: string, zone: string): DateTime {
  const pattern = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?$/;
  const parsed = pattern.test(value.trim())
    ? DateTime.fromISO(value.trim().replace(' ', 'T'), { zone })
    : undefined;
  if (!parsed?.isValid) throw new LoaError('WHEN_INVALID', { params: { value } });
  return parsed;
}

/** The states an item can be rescheduled from (the queue page offers the form for these). */
export const RESCHEDULABLE: ReadonlySet<ItemStatus> = new Set([
  'draft',
  'submitted',
  'approved',
  'scheduled',
  'failed',
]);

/** `loa queue reschedule <id> <when>`: a fixed slot in the future, replacing the planned one. */
export async function rescheduleItem(
  ctx: QueueContext,
  id: string,
  when: string,
): Promise<{ row: ItemRow; slot: DateTime }> {
  const by = actorOf(ctx);
  return ctx.store.transaction(async (tx) => {
    const row = await mustFind(tx, id);
    if (!RESCHEDULABLE.has(row.status)) refuse(row, 'scheduled');
    const doc = await itemVersion(tx, id, row.version);
    if (!doc) throw new Error(`item ${id} has no version ${row.version}`);
    const first = doc.channels.map((c) => ctx.config.channels.get(c)).find((c) => c !== undefined);
    const zone = first ? channelZone(first, ctx.config.planZones) : undefined;
    const slot = parseWhen(when, zone ?? 'Asia/Ho_Chi_Minh');
    if (slot <= ctx.now) {
      throw new LoaError('WHEN_IN_PAST', {
        params: { value: when, now: ctx.now.setZone(slot.zone).toFormat("yyyy-MM-dd'T'HH:mm") },
      });
    }
    const stored = toStored(slot);
    await setSlotOverride(tx, row, stored, by);
    await planItems(tx, { ids: [id], config: ctx.config, now: ctx.now, by });
    return { row: await mustFind(tx, id), slot };
  });
}
