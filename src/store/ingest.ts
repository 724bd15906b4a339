import { dbOf } from './handle.js';
import type { IngestEntryTable, IngestFeedRow } from './schema.js';
import type { Db } from './types.js';

/** The ingest_feeds and ingest_entries tables: feeds read by ingest channels and what they took in. */

/** A feed of a channel, by channel id and feed URL. */
export interface FeedKey {
  channel: string;
  url: string;
}

/** Adds a feed that never ran, with `last_run` set; undefined when the feed already exists. */
export async function insertFeedIfNew(
  on: Db,
  key: FeedKey,
  lastRun: string,
): Promise<IngestFeedRow | undefined> {
  const db = dbOf(on);
  return db
    .insertInto('ingest_feeds')
    .values({
      channel_id: key.channel,
      feed_url: key.url,
      etag: null,
      last_modified: null,
      last_run: lastRun,
    })
    .onConflict((oc) => oc.columns(['channel_id', 'feed_url']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/**
 * Sets a feed's last run to `now` when `dueBefore` is undefined, or when its last run is absent
 * or at or before `dueBefore`; the feed as updated, or undefined when it was not due.
 */
export async function markFeedRun(
  on: Db,
  key: FeedKey,
  now: string,
  dueBefore: string | undefined,
): Promise<IngestFeedRow | undefined> {
  const db = dbOf(on);
  let update = db
    .updateTable('ingest_feeds')
    .set({ last_run: now })
    .where('channel_id', '=', key.channel)
    .where('feed_url', '=', key.url);
  if (dueBefore !== undefined) {
    update = update.where((eb) =>
      eb.or([eb('last_run', 'is', null), eb('last_run', '<=', dueBefore)]),
    );
  }
  return update.returningAll().executeTakeFirst();
}

/** Sets a feed's validators (ETag, Last-Modified); null clears one. */
export async function setFeedValidators(
  on: Db,
  key: FeedKey,
  etag: string | null,
  lastModified: string | null,
): Promise<void> {
  const db = dbOf(on);
  await db
    .updateTable('ingest_feeds')
    .set({ etag, last_modified: lastModified })
    .where('channel_id', '=', key.channel)
    .where('feed_url', '=', key.url)
    .execute();
}

/** Whether a channel has any feed recorded. */
export async function channelHasFeeds(on: Db, channel: string): Promise<boolean> {
  const db = dbOf(on);
  const row = await db
    .selectFrom('ingest_feeds')
    .select('feed_url')
    .where('channel_id', '=', channel)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Adds a feed with the state imported from elsewhere; false when the feed already exists. */
export async function importFeed(
  on: Db,
  row: {
    channel_id: string;
    feed_url: string;
    etag: string | null;
    last_modified: string | null;
    last_run: string | null;
  },
): Promise<boolean> {
  const db = dbOf(on);
  const added = await db
    .insertInto('ingest_feeds')
    .values(row)
    .onConflict((oc) => oc.columns(['channel_id', 'feed_url']).doNothing())
    .returning('feed_url')
    .executeTakeFirst();
  return added !== undefined;
}

/** The feeds of a channel, by URL. */
export async function channelFeeds(on: Db, channel: string): Promise<IngestFeedRow[]> {
  const db = dbOf(on);
  return db
    .selectFrom('ingest_feeds')
    .selectAll()
    .where('channel_id', '=', channel)
    .orderBy('feed_url')
    .execute();
}

/** How many entries a channel took in, per feed URL. */
export async function entryCountsByFeed(
  on: Db,
  channel: string,
): Promise<Map<string | null, number>> {
  const db = dbOf(on);
  const counts = await db
    .selectFrom('ingest_entries')
    .select(['feed_url', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('channel_id', '=', channel)
    .groupBy('feed_url')
    .execute();
  return new Map(counts.map((c) => [c.feed_url, Number(c.n)]));
}

/** Which of these entry keys a channel has already taken in. */
export async function takenEntryKeys(
  on: Db,
  channel: string,
  keys: readonly string[],
): Promise<Set<string>> {
  const db = dbOf(on);
  const taken = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom('ingest_entries')
      .select('entry_key')
      .where('channel_id', '=', channel)
      .where('entry_key', 'in', keys.slice(i, i + 500))
      .execute();
    for (const row of rows) taken.add(row.entry_key);
  }
  return taken;
}

/** Records an entry as taken in, without evidence; false when the key was already taken in. */
export async function insertEntryIfNew(
  on: Db,
  row: Omit<IngestEntryTable, 'evidence'>,
): Promise<boolean> {
  const db = dbOf(on);
  const inserted = await db
    .insertInto('ingest_entries')
    .values({ ...row, evidence: null })
    .onConflict((oc) => oc.columns(['channel_id', 'entry_key']).doNothing())
    .returning('entry_key')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Sets the evidence indices (comma-separated) of an entry taken in. */
export async function setEntryEvidence(
  on: Db,
  key: { channel: string; entryKey: string },
  evidence: string,
): Promise<void> {
  const db = dbOf(on);
  await db
    .updateTable('ingest_entries')
    .set({ evidence })
    .where('channel_id', '=', key.channel)
    .where('entry_key', '=', key.entryKey)
    .execute();
}
