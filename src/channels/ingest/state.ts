import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LoaError } from '../../errors/loa-error.js';
import { pressEvidence, servedTasks } from '../../evidence/press.js';
import type { IngestChannel } from '../../model/channel.js';
import { fromStored, toStored } from '../../model/instant.js';
import { channelHasFeeds, importFeed } from '../../store/ingest.js';
import type { Store } from '../../store/types.js';
import { type PressRecord, pressFile, readPressRecords } from './records.js';
import { articleRow, takeInEntry } from './store-state.js';

/** What loa remembered about one feed in the JSON state file (before migration 10). */
export interface FeedState {
  etag?: string;
  lastModified?: string;
  /** Keys (guid, id or link) of the entries already taken in, oldest first. */
  seenIds: string[];
  /** When the feed was last asked for, UTC ISO 8601. */
  lastCheckedAt?: string;
}

interface StateFile {
  version: 1;
  feeds: Record<string, FeedState>;
}

/** What the one-time import of a channel's JSON files brought into the store. */
export interface StateImport {
  /** The JSON state file read (left in place). */
  path: string;
  feeds: number;
  /** Entry keys recorded as taken in. */
  entries: number;
  /** Evidence indices written for press records that had none. */
  evidence: number[];
}

/** The old state file of an ingest channel: `<dataDir>/ingest/<channel>.json`. */
export function ingestStatePath(dataDir: string, channel: string): string {
  return join(dataDir, 'ingest', `${channel}.json`);
}

/** Reads a JSON state file; undefined when there is none. Raises INGEST_STATE_UNREADABLE. */
export async function readStateFile(path: string): Promise<StateFile | undefined> {
  const unreadable = (error: unknown) =>
    new LoaError('INGEST_STATE_UNREADABLE', {
      params: { path, reason: (error as Error).message },
      cause: error,
      failure: 'permanent',
    });
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw unreadable(error);
  }
  try {
    const parsed = JSON.parse(text) as StateFile;
    if (typeof parsed !== 'object' || parsed === null || typeof parsed.feeds !== 'object') {
      throw new Error('no "feeds" object');
    }
    return parsed;
  } catch (error) {
    throw unreadable(error);
  }
}

function storedOrNull(value: string | undefined): string | null {
  if (!value) return null;
  const instant = fromStored(value);
  return instant.isValid ? toStored(instant) : null;
}

/**
 * Brings a channel's state from before migration 10 into the store, once: when the store has
 * no feed of the channel yet and a JSON state file or press-record file exists. Feeds keep
 * their validators and last read; every key they had seen is recorded as taken in, so nothing
 * is taken in again. Press records of the old `.jsonl` file become evidence (they had none),
 * with their publication instant. One transaction; a key already in the store (another process
 * importing at the same time) is left alone. The files are left in place.
 */
export async function importJsonState(
  store: Store,
  channel: IngestChannel,
  dataDir: string,
): Promise<StateImport | undefined> {
  const path = ingestStatePath(dataDir, channel.id);
  if (await channelHasFeeds(store, channel.id)) return undefined;
  const file = await readStateFile(path);
  const records =
    channel.creates === 'press' ? await readPressRecords(pressFile(dataDir, channel.id)) : [];
  if (!file && records.length === 0) return undefined;
  const feeds = Object.entries(file?.feeds ?? {});
  const served = servedTasks(channel.serves);
  return store.transaction(async (tx) => {
    const result: StateImport = { path, feeds: 0, entries: 0, evidence: [] };
    for (const [url, state] of feeds) {
      const added = await importFeed(tx, {
        channel_id: channel.id,
        feed_url: url,
        etag: state.etag ?? null,
        last_modified: state.lastModified ?? null,
        last_run: storedOrNull(state.lastCheckedAt),
      });
      if (added) result.feeds += 1;
    }
    for (const record of records) {
      const evidence = pressEvidence(importedArticle(channel, record), served);
      const indices = await takeInEntry(tx, importedRow(channel, record), evidence);
      if (indices) {
        result.entries += 1;
        result.evidence.push(...indices);
      }
    }
    for (const [url, state] of feeds) {
      for (const key of state.seenIds ?? []) {
        const taken = await takeInEntry(
          tx,
          {
            channel_id: channel.id,
            entry_key: key,
            feed_url: url,
            origin: 'state-file',
            title: null,
            link: null,
            published_at: null,
            content_hash: null,
            ingested_at: storedOrNull(state.lastCheckedAt) ?? '1970-01-01T00:00:00.000Z',
          },
          [],
        );
        if (taken) result.entries += 1;
      }
    }
    return result;
  });
}

function importedArticle(channel: IngestChannel, record: PressRecord) {
  const ingestedAt = storedOrNull(record.ingestedAt) ?? '1970-01-01T00:00:00.000Z';
  const publishedAt = storedOrNull(record.publishedAt);
  return {
    channel: channel.id,
    unit: channel.unit,
    key: record.key,
    title: record.title.normalize('NFC'),
    ingestedAt,
    ...(record.link ? { link: record.link } : {}),
    ...(publishedAt ? { publishedAt } : {}),
  };
}

function importedRow(channel: IngestChannel, record: PressRecord) {
  return articleRow(importedArticle(channel, record), record.feed, 'press-file');
}
