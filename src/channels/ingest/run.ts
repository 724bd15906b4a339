import { DateTime } from 'luxon';
import type { Clock } from '../../calendar/clock.js';
import { LoaError } from '../../errors/loa-error.js';
import type { IngestChannel } from '../schema.js';
import { type FeedEntry, parseFeed } from './entries.js';
import { type FetchLike, fetchFeed } from './fetch-feed.js';
import {
  appendPressRecords,
  draftDigests,
  draftFileName,
  draftsDir,
  entryDigest,
  type FeedSource,
  type PressRecord,
  pressFile,
  pressRecord,
  pressRecordIds,
  renderDraft,
  writeDraft,
} from './records.js';
import { type FeedState, type IngestState, ingestStatePath, JsonFileIngestState } from './state.js';

/** How one feed's read went. */
export type IngestStatus = 'ok' | 'not-modified' | 'not-due' | 'failed';

/** An entry refused because its text is in a legacy Vietnamese encoding. */
export interface LegacyEntry {
  key: string;
  title: string;
  encoding: 'TCVN3' | 'VNI';
  sample: string;
}

/** The report of one feed, for `loa ingest`. */
export interface IngestFeedReport {
  /** The feed URL. */
  feed: string;
  name?: string;
  status: IngestStatus;
  /** Entries taken in this time (drafts written or press records appended). */
  newItems: number;
  /** Entries already taken in, refused (legacy encoding) or without an id. */
  skipped: number;
  /** Draft file paths, or press record ids, of the new items. */
  created: string[];
  legacy: LegacyEntry[];
  error?: LoaError;
}

export interface RunIngestOptions {
  dataDir: string;
  clock: Clock;
  /** Node's fetch unless given. */
  fetch?: FetchLike;
  /** The JSON file `<dataDir>/ingest/<channel>.json` unless given (the store, later). */
  state?: IngestState;
  /** Read every feed now, even if its interval has not passed. */
  force?: boolean;
  signal?: AbortSignal;
}

function asLoaError(error: unknown): LoaError {
  if (error instanceof LoaError) return error;
  return new LoaError('INTERNAL', {
    params: { detail: (error as Error)?.message ?? String(error) },
    cause: error,
    failure: 'unknown',
  });
}

function isDue(channel: IngestChannel, state: FeedState | undefined, now: DateTime): boolean {
  if (!state?.lastCheckedAt) return true;
  const last = DateTime.fromISO(state.lastCheckedAt, { zone: 'utc' });
  return !last.isValid || now >= last.plus({ minutes: channel.intervalMinutes });
}

/** What is already taken in from a feed: keys in the state, plus drafts or records on disk. */
async function alreadyTaken(
  channel: IngestChannel,
  options: RunIngestOptions,
): Promise<(url: string, entry: FeedEntry) => boolean> {
  if (channel.creates === 'draft') {
    const digests = await draftDigests(draftsDir(options.dataDir, channel.id));
    return (url, entry) => digests.has(entryDigest(url, entry.key));
  }
  const ids = await pressRecordIds(pressFile(options.dataDir, channel.id));
  return (url, entry) => ids.has(`${url} ${entry.key}`);
}

async function ingestFeed(
  channel: IngestChannel,
  source: FeedSource,
  store: IngestState,
  options: RunIngestOptions,
  report: IngestFeedReport,
): Promise<void> {
  const now = options.clock.now().toUTC();
  const previous = await store.getFeedState(source.url);
  if (!options.force && !isDue(channel, previous, now)) {
    report.status = 'not-due';
    return;
  }
  const state: FeedState = { ...(previous ?? {}), seenIds: [...(previous?.seenIds ?? [])] };
  state.lastCheckedAt = now.toISO() ?? undefined;
  try {
    const fetched = await fetchFeed(source.url, {
      ...(previous?.etag ? { etag: previous.etag } : {}),
      ...(previous?.lastModified ? { lastModified: previous.lastModified } : {}),
      timeoutMs: channel.timeoutSec * 1000,
      maxBytes: channel.maxBytes,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (fetched.status === 'not-modified') {
      report.status = 'not-modified';
      return;
    }
    const feed = await parseFeed(fetched.text, source.url);
    report.skipped += feed.unidentified;
    const seen = new Set(state.seenIds);
    const onDisk = await alreadyTaken(channel, options);
    const fresh: FeedEntry[] = [];
    for (const entry of feed.entries) {
      if (seen.has(entry.key) || onDisk(source.url, entry)) {
        report.skipped += 1;
        continue;
      }
      if (entry.legacy) {
        report.skipped += 1;
        const { encoding, sample } = entry.legacy;
        report.legacy.push({ key: entry.key, title: entry.title, encoding, sample });
        continue;
      }
      seen.add(entry.key);
      fresh.push(entry);
    }
    await takeIn(channel, source, fresh, options, report);
    // NOTE: the state is saved after the drafts and records: a crash in between leaves them on
    // disk, and the next read finds them there instead of writing them twice.
    state.seenIds.push(...fresh.map((e) => e.key));
    if (fetched.etag) state.etag = fetched.etag;
    else delete state.etag;
    if (fetched.lastModified) state.lastModified = fetched.lastModified;
    else delete state.lastModified;
    report.status = 'ok';
  } finally {
    await store.saveFeedState(source.url, state);
  }
}

async function takeIn(
  channel: IngestChannel,
  source: FeedSource,
  entries: FeedEntry[],
  options: RunIngestOptions,
  report: IngestFeedReport,
): Promise<void> {
  if (channel.creates === 'draft') {
    const dir = draftsDir(options.dataDir, channel.id);
    for (const entry of entries) {
      const name = draftFileName(source.url, entry);
      report.created.push(await writeDraft(dir, name, renderDraft(channel, source, entry)));
    }
  } else {
    const at = options.clock.now().toUTC().toISO() ?? '';
    const records: PressRecord[] = entries.map((e) => pressRecord(channel, source, e, at));
    await appendPressRecords(pressFile(options.dataDir, channel.id), records);
    report.created.push(...records.map((r) => r.id));
  }
  report.newItems = entries.length;
}

/**
 * Reads every feed of an ingest channel whose interval has passed (or all, with `force`):
 * a conditional GET with a timeout and a size limit, then rss-parser. New entries (by guid,
 * else link) become draft items or press records, as the channel says. A feed that fails
 * (unreachable, slow, huge, malformed, HTTP error) is reported and skipped; the others go on.
 * Nothing taken in is lost or taken in twice, even after a crash between writing and saving.
 */
export async function runIngest(
  channel: IngestChannel,
  options: RunIngestOptions,
): Promise<IngestFeedReport[]> {
  const store =
    options.state ?? new JsonFileIngestState(ingestStatePath(options.dataDir, channel.id));
  const reports: IngestFeedReport[] = [];
  for (const feed of channel.feeds) {
    const source: FeedSource = feed.name ? { url: feed.url, name: feed.name } : { url: feed.url };
    const report: IngestFeedReport = {
      feed: feed.url,
      status: 'failed',
      newItems: 0,
      skipped: 0,
      created: [],
      legacy: [],
    };
    if (feed.name) report.name = feed.name;
    try {
      await ingestFeed(channel, source, store, options, report);
    } catch (error) {
      report.status = 'failed';
      report.error = asLoaError(error);
    }
    reports.push(report);
  }
  return reports;
}
