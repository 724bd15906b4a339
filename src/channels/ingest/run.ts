import { LoaError } from '../../errors/loa-error.js';
import { pressEvidence, servedTasks } from '../../evidence/press.js';
import type { IngestChannel } from '../../model/channel.js';
import type { Clock } from '../../model/clock.js';
import { toStored } from '../../model/instant.js';
import type { Store } from '../../store/types.js';
import { type FeedEntry, parseFeed } from './entries.js';
import { type FetchLike, fetchFeed } from './fetch-feed.js';
import {
  draftDigests,
  draftFileName,
  draftsDir,
  entryDigest,
  type FeedSource,
  renderDraft,
  writeDraft,
} from './records.js';
import { importJsonState, type StateImport } from './state.js';
import { articleRow, claimFeed, saveValidators, takeInEntry, takenKeys } from './store-state.js';

/** How one feed's read went. */
export type IngestStatus = 'ok' | 'not-modified' | 'not-due' | 'failed';

/** An entry refused because its text is in a legacy Vietnamese encoding. */
export interface LegacyEntry {
  key: string;
  title: string;
  encoding: 'TCVN3' | 'VNI';
  sample: string;
}

/** Why entries of a feed were not taken in, counted. */
export interface SkippedEntries {
  /** Already taken in by this channel (an earlier read, another feed, another process). */
  seen: number;
  /** Text in a legacy Vietnamese encoding (TCVN3, VNI): refused. */
  legacy: number;
  /** Neither guid, id nor link: nothing to recognise it by next time. */
  unidentified: number;
}

/** An entry taken in on this read. */
export interface TakenEntry {
  key: string;
  title: string;
  link?: string;
  /** The draft file written (draft channels). */
  draft?: string;
  /** The instant its evidence is dated (press channels), UTC ISO. */
  time?: string;
  /** Whether `time` is the article's publication or, lacking one, when loa read it. */
  timeSource?: 'published' | 'ingested';
  /** Indices of the evidence entries written for it, one per served plan task. */
  evidence: number[];
}

/** The report of one feed, for `loa ingest`. */
export interface IngestFeedReport {
  /** The feed URL. */
  feed: string;
  name?: string;
  status: IngestStatus;
  /** Entries taken in this time (drafts written or press articles recorded). */
  newItems: number;
  /** Entries not taken in: `skippedBy` says why. */
  skipped: number;
  skippedBy: SkippedEntries;
  /** Draft file paths, or entry keys of press articles, taken in this time. */
  created: string[];
  entries: TakenEntry[];
  /** Evidence indices written on this read, in order. */
  evidence: number[];
  legacy: LegacyEntry[];
  error?: LoaError;
}

/** One channel's ingest: each feed's report, and what the one-time import brought in. */
export interface IngestRun {
  feeds: IngestFeedReport[];
  imported?: StateImport;
}

export interface RunIngestOptions {
  dataDir: string;
  clock: Clock;
  /** Where the feed state, the entries taken in and the evidence log live. */
  store: Store;
  /** Node's fetch unless given. */
  fetch?: FetchLike;
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

/** A feed report before anything happened. */
export function emptyFeedReport(url: string, name?: string): IngestFeedReport {
  return {
    feed: url,
    ...(name ? { name } : {}),
    status: 'failed',
    newItems: 0,
    skipped: 0,
    skippedBy: { seen: 0, legacy: 0, unidentified: 0 },
    created: [],
    entries: [],
    evidence: [],
    legacy: [],
  };
}

function skip(report: IngestFeedReport, why: keyof SkippedEntries, count = 1): void {
  report.skipped += count;
  report.skippedBy[why] += count;
}

async function ingestFeed(
  channel: IngestChannel,
  source: FeedSource,
  options: RunIngestOptions,
  report: IngestFeedReport,
): Promise<void> {
  const { store } = options;
  const now = options.clock.now().toUTC();
  const key = { channel: channel.id, url: source.url };
  const dueBefore = toStored(now.minus({ minutes: channel.intervalMinutes }));
  const claim = await claimFeed(store, key, toStored(now), dueBefore, Boolean(options.force));
  if (!claim.due) {
    report.status = 'not-due';
    return;
  }
  const fetched = await fetchFeed(source.url, {
    ...(claim.feed.etag ? { etag: claim.feed.etag } : {}),
    ...(claim.feed.last_modified ? { lastModified: claim.feed.last_modified } : {}),
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
  skip(report, 'unidentified', feed.unidentified);
  const taken = await takenKeys(
    store,
    channel.id,
    feed.entries.map((e) => e.key),
  );
  const onDisk =
    channel.creates === 'draft'
      ? await draftDigests(draftsDir(options.dataDir, channel.id))
      : new Set<string>();
  for (const entry of feed.entries) {
    if (taken.has(entry.key) || onDisk.has(entryDigest(source.url, entry.key))) {
      skip(report, 'seen');
      continue;
    }
    if (entry.legacy) {
      skip(report, 'legacy');
      const { encoding, sample } = entry.legacy;
      report.legacy.push({ key: entry.key, title: entry.title, encoding, sample });
      continue;
    }
    taken.add(entry.key);
    const result = await takeIn(channel, source, entry, options);
    if (result === undefined) {
      skip(report, 'seen');
      continue;
    }
    report.newItems += 1;
    report.created.push(result.draft ?? entry.key);
    report.entries.push(result);
    report.evidence.push(...result.evidence);
  }
  const validators = {
    ...(fetched.etag ? { etag: fetched.etag } : {}),
    ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
  };
  await saveValidators(store, key, validators);
  report.status = 'ok';
}

/**
 * Takes one entry in: a draft file (then its key), or a press article with one evidence
 * entry per served plan task, in one transaction. Undefined when another process took the
 * same key in first.
 */
async function takeIn(
  channel: IngestChannel,
  source: FeedSource,
  entry: FeedEntry,
  options: RunIngestOptions,
): Promise<TakenEntry | undefined> {
  const { store } = options;
  const ingestedAt = toStored(options.clock.now());
  const article = {
    channel: channel.id,
    unit: channel.unit,
    key: entry.key,
    title: entry.title,
    ingestedAt,
    ...(entry.link ? { link: entry.link } : {}),
    ...(entry.date ? { publishedAt: entry.date } : {}),
  };
  const row = articleRow(article, source.url, 'feed');
  const out: TakenEntry = {
    key: entry.key,
    title: entry.title,
    ...(entry.link ? { link: entry.link } : {}),
    evidence: [],
  };
  if (channel.creates === 'draft') {
    const dir = draftsDir(options.dataDir, channel.id);
    // NOTE: the draft is written before its key is recorded: a crash in between leaves it on
    // disk, where the next read finds it (by its digest) instead of writing it twice.
    out.draft = await writeDraft(
      dir,
      draftFileName(source.url, entry),
      renderDraft(channel, source, entry),
    );
    const taken = await store.transaction((tx) => takeInEntry(tx, row, []));
    return taken === undefined ? undefined : out;
  }
  const evidence = pressEvidence(article, servedTasks(channel.serves));
  const indices = await store.transaction((tx) => takeInEntry(tx, row, evidence));
  if (indices === undefined) return undefined;
  out.time = article.publishedAt ?? ingestedAt;
  out.timeSource = article.publishedAt ? 'published' : 'ingested';
  out.evidence = indices;
  return out;
}

/**
 * Reads every feed of an ingest channel whose interval has passed (or all, with `force`):
 * a conditional GET with a timeout and a size limit, then rss-parser. New entries (by guid,
 * else link; once per channel, whatever the feed) become draft items, or press articles with
 * evidence entries for the plan tasks the channel serves, as the channel says. A feed that
 * fails (unreachable, slow, huge, malformed, HTTP error) is reported and skipped, with nothing
 * taken in; the others go on. The state lives in the store, shared by every process: an entry
 * is taken in once even when several processes read the same feed at the same time. The
 * first run after an upgrade imports the channel's old JSON state (see importJsonState).
 */
export async function runIngest(
  channel: IngestChannel,
  options: RunIngestOptions,
): Promise<IngestRun> {
  const imported = await importJsonState(options.store, channel, options.dataDir);
  const feeds: IngestFeedReport[] = [];
  for (const feed of channel.feeds) {
    const source: FeedSource = feed.name ? { url: feed.url, name: feed.name } : { url: feed.url };
    const report = emptyFeedReport(feed.url, feed.name);
    try {
      await ingestFeed(channel, source, options, report);
    } catch (error) {
      report.status = 'failed';
      report.error = asLoaError(error);
    }
    feeds.push(report);
  }
  return imported ? { feeds, imported } : { feeds };
}
