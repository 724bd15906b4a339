import { toStored } from '../model/instant.js';
import {
  lockedOrAiredDocuments,
  type RundownWithEvents,
  rundownRow,
  rundownRowsOfChannel,
  writeRundown,
} from '../store/rundowns.js';
import type { RundownEventRow } from '../store/schema.js';
import type { Db } from '../store/types.js';
import {
  itemsInOrder,
  type Rundown,
  type RundownEvent,
  type RundownState,
  slotStart,
} from './model.js';
import { computeTiming } from './timing.js';

export { type AsRunInput, asRunsOf, saveAsRun } from '../store/rundowns.js';

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

function storedOf({ row, events }: RundownWithEvents): StoredRundown {
  const document = JSON.parse(row.document) as Omit<Rundown, 'history' | 'state'>;
  return {
    rundown: { ...document, state: row.state as RundownState, history: events.map(eventOf) },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The stored rundown with an id, with its history, or undefined. */
export async function loadRundown(db: Db, id: string): Promise<StoredRundown | undefined> {
  const found = await rundownRow(db, id);
  return found && storedOf(found);
}

/** The rundowns of a channel whose slot starts in [from, to) (UTC ISO), in slot order. */
export async function rundownsOfChannel(
  db: Db,
  channelId: string,
  range: { from: string; to: string },
): Promise<StoredRundown[]> {
  return (await rundownRowsOfChannel(db, channelId, range)).map(storedOf);
}

/**
 * Ids of the content items that a channel's locked or aired rundowns carry (other than
 * `except`): an item that went on air, or is about to, is not offered again.
 */
export async function itemsOnAir(db: Db, channelId: string, except?: string): Promise<Set<string>> {
  const used = new Set<string>();
  for (const document of await lockedOrAiredDocuments(db, channelId, except)) {
    const rundown = JSON.parse(document) as Pick<Rundown, 'segments'>;
    for (const { item } of itemsInOrder(rundown)) used.add(item.itemId);
  }
  return used;
}

/**
 * Writes a rundown's document and state (insert or replace) and appends the events given:
 * the history is append-only, so only the new events are passed.
 */
export async function saveRundown(
  tx: Db,
  rundown: Rundown,
  events: readonly RundownEvent[],
  at: string,
): Promise<void> {
  const { history: _history, state, ...document } = rundown;
  await writeRundown(
    tx,
    rundown.id,
    {
      channel_id: rundown.channelId,
      slot_start: toStored(slotStart(rundown.slot)),
      state,
      minimum_sec: rundown.minimumSec,
      planned_sec: computeTiming(rundown).plannedSec,
      document: JSON.stringify(document),
      updated_at: at,
    },
    events,
  );
}
