import { appendEvidenceBatch, type EvidenceInput } from '../../evidence/log.js';
import { type PressArticle, pressContentHash } from '../../evidence/press.js';
import {
  channelFeeds,
  entryCountsByFeed,
  insertEntryIfNew,
  insertFeedIfNew,
  markFeedRun,
  setEntryEvidence,
  setFeedValidators,
  takenEntryKeys,
} from '../../store/ingest.js';
import type { IngestEntryTable, IngestFeedRow } from '../../store/schema.js';
import type { Store } from '../../store/types.js';

/** A connection or transaction of the store. */
type StoreTx = Parameters<typeof takenEntryKeys>[0];

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
    const created = await insertFeedIfNew(tx, key, now);
    if (created) return { due: true, feed: created };
    const feed = await markFeedRun(tx, key, now, force ? undefined : dueBefore);
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
    setFeedValidators(tx, key, validators.etag ?? null, validators.lastModified ?? null),
  );
}

/** Which of these entry keys a channel has already taken in. */
export const takenKeys = takenEntryKeys;

/**
 * Records an entry as taken in and appends its evidence, in the caller's transaction. When
 * another process took the same key in first, nothing is written and undefined comes back;
 * otherwise the indices of the evidence entries written (none for an entry without evidence).
 */
export async function takeInEntry(
  tx: StoreTx,
  row: IngestEntryInput,
  evidence: readonly EvidenceInput[],
): Promise<number[] | undefined> {
  if (!(await insertEntryIfNew(tx, row))) return undefined;
  const indices = (await appendEvidenceBatch(tx, evidence)).map((e) => e.index);
  if (indices.length > 0) {
    await setEntryEvidence(
      tx,
      { channel: row.channel_id, entryKey: row.entry_key },
      indices.join(','),
    );
  }
  return indices;
}

/** The state of a channel's feeds, for status pages and the API. */
export async function feedStates(db: StoreTx, channel: string) {
  const feeds = await channelFeeds(db, channel);
  const seen = await entryCountsByFeed(db, channel);
  return feeds.map((f) => ({
    url: f.feed_url,
    lastRun: f.last_run,
    etag: f.etag,
    lastModified: f.last_modified,
    seen: seen.get(f.feed_url) ?? 0,
  }));
}
