/**
 * Feed ingest (`kind: ingest`): fetching with limits, parsing with rss-parser, drafts and
 * press records, per-feed state, and `runIngest` for `loa ingest`.
 */
export { type FeedEntry, type ParsedFeed, parseFeed } from './entries.js';
export {
  type FetchedFeed,
  type FetchFeedOptions,
  type FetchLike,
  fetchFeed,
} from './fetch-feed.js';
export {
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
export {
  type IngestFeedReport,
  type IngestStatus,
  type LegacyEntry,
  type RunIngestOptions,
  runIngest,
} from './run.js';
export {
  type FeedState,
  type IngestState,
  ingestStatePath,
  JsonFileIngestState,
  MAX_SEEN_IDS,
} from './state.js';
