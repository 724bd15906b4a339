import type { Kysely } from 'kysely';
import { appendEvidenceBatch, type EvidenceInput } from '../../evidence/log.js';
import { type PressArticle, pressContentHash } from '../../evidence/press.js';
import type { Database, IngestEntryTable, IngestFeedRow } from '../../store/schema.js';
import type { Store } from '../../store/types.js';

/** The row of an entry taken in, as written (evidence is filled in by the transaction). */
export type IngestEntryInput = Omit<IngestEntryTable, 'evidence'>;

/** The row of a press article taken in from a feed, or imported from the old press file. */
export function articleRow(
  article: PressArticle,
  feedUrl: string,
  origin: IngestEntryInput['origin'],
): IngestEntryInput {
  return {
    channel_id: article.channel,
    entry_key: article.key,
    feed_url: feedUrl,
    origin,
    title: article.title,
    link: article.link ?? null,
    published_at: article.publishedAt ?? null,
    content_hash: pressContentHash(article),
    ingested_at: article.ingestedAt,
  };
}

/** How a feed's turn went: read it now (with the last copy's validators), or not yet due. */
export type FeedClaim = { due: true; feed: IngestFeedRow } | { due: false };

/**
 * Takes a feed's turn: sets its last run to `now` if it never ran, if `force`, or if its last
 * run is at or before `dueBefore`; otherwise leaves it. One conditional write, so of several
 * processes asking at once only one reads a due feed (with `force` every one does).
 */
export async function claimFeed(
  store: Store,
  key: { channel: string; url: string },
  now: string,
  dueBefore: string,
  force: boolean,
): Promise<FeedClaim> {
  return store.transaction(async (tx) => {
    const created = await tx
      .insertInto('ingest_feeds')
      .values({
        channel_id: key.channel,
        feed_url: key.url,
        etag: null,
        last_modified: null,
        last_run: now,
      })
      .onConflict((oc) => oc.columns(['channel_id', 'feed_url']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (created) return { due: true, feed: created };
    let update = tx
      .updateTable('ingest_feeds')
      .set({ last_run: now })
      .where('channel_id', '=', key.channel)
      .where('feed_url', '=', key.url);
    if (!force) {
      update = update.where((eb) =>
        eb.or([eb('last_run', 'is', null), eb('last_run', '<=', dueBefore)]),
      );
    }
    const feed = await update.returningAll().executeTakeFirst();
    return feed ? { due: true, feed } : { due: false };
  });
}

/** Keeps the validators (ETag, Last-Modified) of the copy just read; absent ones are cleared. */
export async function saveValidators(
  store: Store,
  key: { channel: string; url: string },
  validators: { etag?: string; lastModified?: string },
): Promise<void> {
  await store.transaction((tx) =>
    tx
      .updateTable('ingest_feeds')
      .set({ etag: validators.etag ?? null, last_modified: validators.lastModified ?? null })
      .where('channel_id', '=', key.channel)
      .where('feed_url', '=', key.url)
      .execute(),
  );
}

/** Which of these entry keys a channel has already taken in. */
export async function takenKeys(
  db: Kysely<Database>,
  channel: string,
  keys: readonly string[],
): Promise<Set<string>> {
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

/**
 * Records an entry as taken in and appends its evidence, in the caller's transaction. When
 * another process took the same key in first, nothing is written and undefined comes back;
 * otherwise the indices of the evidence entries written (none for an entry without evidence).
 */
export async function takeInEntry(
  tx: Kysely<Database>,
  row: IngestEntryInput,
  evidence: readonly EvidenceInput[],
): Promise<number[] | undefined> {
  const inserted = await tx
    .insertInto('ingest_entries')
    .values({ ...row, evidence: null })
    .onConflict((oc) => oc.columns(['channel_id', 'entry_key']).doNothing())
    .returning('entry_key')
    .executeTakeFirst();
  if (!inserted) return undefined;
  const indices = (await appendEvidenceBatch(tx, evidence)).map((e) => e.index);
  if (indices.length > 0) {
    await tx
      .updateTable('ingest_entries')
      .set({ evidence: indices.join(',') })
      .where('channel_id', '=', row.channel_id)
      .where('entry_key', '=', row.entry_key)
      .execute();
  }
  return indices;
}

/** The state of a channel's feeds, for status pages and the API. */
export async function feedStates(db: Kysely<Database>, channel: string) {
  const feeds = await db
    .selectFrom('ingest_feeds')
    .selectAll()
    .where('channel_id', '=', channel)
    .orderBy('feed_url')
    .execute();
  const counts = await db
    .selectFrom('ingest_entries')
    .select(['feed_url', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('channel_id', '=', channel)
    .groupBy('feed_url')
    .execute();
  const seen = new Map(counts.map((c) => [c.feed_url, Number(c.n)]));
  return feeds.map((f) => ({
    url: f.feed_url,
    lastRun: f.last_run,
    etag: f.etag,
    lastModified: f.last_modified,
    seen: seen.get(f.feed_url) ?? 0,
  }));
}
