/**
 * Feed ingest (`kind: ingest`): fetching with limits, parsing with rss-parser, drafts and
 * press articles (with their evidence), the per-feed state in the store, and `runIngest` for
 * `loa ingest`.
 */
export { type FeedEntry, type ParsedFeed, parseFeed } from './entries.js';
export {
  type FetchedFeed,
  type FetchFeedOptions,
  type FetchLike,
  fetchFeed,
} from './fetch-feed.js';
export {
  draftDigests,
  draftFileName,
  draftsDir,
  entryDigest,
  type FeedSource,
  type PressRecord,
  pressFile,
  readPressRecords,
  renderDraft,
  writeDraft,
} from './records.js';
export {
  emptyFeedReport,
  type IngestFeedReport,
  type IngestRun,
  type IngestStatus,
  type LegacyEntry,
  type RunIngestOptions,
  runIngest,
  type SkippedEntries,
  type TakenEntry,
} from './run.js';
export {
  type FeedState,
  importJsonState,
  ingestStatePath,
  readStateFile,
  type StateImport,
} from './state.js';
export {
  claimFeed,
  type FeedClaim,
  feedStates,
  type IngestEntryInput,
  saveValidators,
  takeInEntry,
  takenKeys,
} from './store-state.js';
