import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The tables of the loa store. Instants are UTC ISO 8601 strings with milliseconds
 * (`2024-03-01T01:00:00.000Z`): they sort as text and read the same in both engines. Flags
 * are integers 0/1 and documents are JSON text, for the same reason.
 */
export interface Database {
  loa_migrations: MigrationTable;
  items: ItemTable;
  item_versions: ItemVersionTable;
  item_events: ItemEventTable;
  publications: PublicationTable;
  publication_attempts: AttemptTable;
  channel_states: ChannelStateTable;
  evidence_entries: EvidenceEntryTable;
  evidence_head: EvidenceHeadTable;
  evidence_checkpoints: EvidenceCheckpointTable;
  rundowns: RundownTable;
  rundown_events: RundownEventTable;
  rundown_as_runs: RundownAsRunTable;
  users: UserTable;
  api_tokens: ApiTokenTable;
  browser_sessions: BrowserSessionTable;
  publication_followups: FollowUpTable;
  ingest_feeds: IngestFeedTable;
  ingest_entries: IngestEntryTable;
  witness_units: WitnessUnitTable;
  evidence_cosignatures: EvidenceCosignatureTable;
  imported_logs: ImportedLogTable;
  imported_segments: ImportedSegmentTable;
}

export interface MigrationTable {
  version: number;
  name: string;
  applied_at: string;
}

/**
 * The states of an item in the queue. `submitted`: its author asks for approval (chờ duyệt);
 * like a draft, nothing of it is planned or goes out until someone approves it.
 */
export const ITEM_STATUSES = [
  'draft',
  'submitted',
  'approved',
  'scheduled',
  'published',
  'failed',
  'withdrawn',
] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** States of an item nobody has approved yet (its current version): nothing of it goes out. */
export const UNAPPROVED: ReadonlySet<ItemStatus> = new Set(['draft', 'submitted']);

/**
 * Where an item came from: a file under content/, `loa queue add`, or loa itself (`bulletin`:
 * the record of a bulletin issue and of its portal copy, made by the bulletin planner).
 */
export type ItemSource = 'content' | 'cli' | 'bulletin';

export interface ItemTable {
  id: string;
  source: ItemSource;
  /** The file it was read from, relative to the project (content) or as given (cli). */
  path: string;
  version: number;
  content_hash: string;
  status: ItemStatus;
  /** A slot set by `loa queue reschedule`, UTC; overrides publishAt and `slot: next`. */
  slot_override: string | null;
  created_at: string;
  updated_at: string;
}

export interface ItemVersionTable {
  item_id: string;
  version: number;
  content_hash: string;
  /** The ContentItem as JSON. */
  document: string;
  created_at: string;
}

export interface ItemEventTable {
  id: Generated<number>;
  item_id: string;
  version: number;
  from_status: string | null;
  to_status: string;
  actor: string;
  at: string;
  reason: string | null;
}

/** The states of a publication (item × channel × slot) in the outbox. */
export const PUBLICATION_STATUSES = [
  'scheduled',
  'published',
  'failed',
  'missed',
  'cancelled',
  /** Went out, then taken down when its item was withdrawn. */
  'withdrawn',
] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

export interface PublicationTable {
  key: string;
  item_id: string;
  item_version: number;
  content_hash: string;
  channel_id: string;
  /** The planned instant, UTC. */
  slot: string;
  /** `publishAt`, `next`, `override` or a later planner's name (bulletin, broadcast). */
  planned_by: string;
  status: PublicationStatus;
  /** When the dispatcher may next try it (slot, then retry times). */
  due_at: string;
  attempts: number;
  lease_owner: string | null;
  lease_until: string | null;
  /** 1 when a worker held it and vanished: look it up with `find` before any retry. */
  needs_reconcile: number;
  external_id: string | null;
  url: string | null;
  published_at: string | null;
  /** The content hash that went out. */
  sent_hash: string | null;
  last_error: string | null;
  /** Why it ended as it did (withdrawn, edited, missed, rescheduled…). */
  reason: string | null;
  /** Its entry in the evidence log, once it went out. */
  evidence_index: number | null;
  created_at: string;
  updated_at: string;
}

/** What a follow-up does to a publication that went out. */
export type FollowUpAction = 'update' | 'withdraw';

/**
 * pending → done, or failed after the channel's attempts; `superseded` when a later
 * follow-up of the same publication replaced it; `unsupported` when the channel's adapter
 * cannot update or withdraw (the remote copy stays as it went out).
 */
export const FOLLOW_UP_STATUSES = [
  'pending',
  'done',
  'failed',
  'superseded',
  'unsupported',
] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export interface FollowUpTable {
  id: Generated<number>;
  publication_key: string;
  action: FollowUpAction;
  /** The item version an update sends (for a withdrawal: the version withdrawn). */
  item_version: number;
  content_hash: string;
  status: FollowUpStatus;
  due_at: string;
  attempts: number;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  /** The correction entry it wrote. */
  evidence_index: number | null;
  created_at: string;
  updated_at: string;
}

export interface AttemptTable {
  id: Generated<number>;
  publication_key: string;
  attempt: number;
  worker: string;
  at: string;
  /** published, reconciled, transient, permanent, auth, unknown, missed, skipped. */
  outcome: string;
  detail: string | null;
}

export interface ChannelStateTable {
  channel_id: string;
  paused: number;
  reason: string | null;
  since: string;
}

export type ItemRow = Selectable<ItemTable>;
export type NewItem = Insertable<ItemTable>;
export type PublicationRow = Selectable<PublicationTable>;
export type NewPublication = Insertable<PublicationTable>;
export type PublicationUpdate = Updateable<PublicationTable>;
export type ItemEventRow = Selectable<ItemEventTable>;
export type AttemptRow = Selectable<AttemptTable>;

/** One evidence log entry: its index, the exact canonical JSON it hashes, and a few columns to filter by. */
export interface EvidenceEntryTable {
  /** Position in the log, contiguous from 0. */
  idx: number;
  kind: string;
  /** When it happened, UTC ISO (copied from the entry, for range reads). */
  time: string;
  plan_id: string | null;
  /** The entry's canonical JSON: the exact bytes (UTF-8) its leaf hash covers. */
  entry: string;
  /** RFC 9162 leaf hash of `entry`, hex. */
  leaf_hash: string;
}

/** The log's head (one row, id 1): size and compact-range hashes (hex, concatenated). */
export interface EvidenceHeadTable {
  id: number;
  size: number;
  hashes: string;
}

/** A signed checkpoint (C2SP tlog-checkpoint note) as handed out. */
export interface EvidenceCheckpointTable {
  id: Generated<number>;
  size: number;
  /** Root hash, hex. */
  root_hash: string;
  /** The signed note text. */
  note: string;
  signed_at: string;
}

export type EvidenceEntryRow = Selectable<EvidenceEntryTable>;
export type EvidenceCheckpointRow = Selectable<EvidenceCheckpointTable>;

/** Kịch bản chương trình: one rundown per programme slot (broadcast area, migration 4). */
export interface RundownTable {
  /** `<channel>@<slot start in UTC, basic ISO>` (rundownId). */
  id: string;
  channel_id: string;
  /** The slot's start, UTC ISO. */
  slot_start: string;
  /** draft, ready, locked, aired. */
  state: string;
  minimum_sec: number;
  planned_sec: number;
  /** The Rundown as JSON, without its history (that is `rundown_events`). */
  document: string;
  created_at: string;
  updated_at: string;
}

/** A recorded change of a rundown: built, rebuilt, ready, locked, unlocked (with reason), aired. */
export interface RundownEventTable {
  id: Generated<number>;
  rundown_id: string;
  from_state: string;
  to_state: string;
  actor: string;
  at: string;
  reason: string | null;
}

/** What actually aired: the programme (`item_slug` empty) or one of its items. */
export interface RundownAsRunTable {
  id: Generated<number>;
  rundown_id: string;
  /** Empty for the whole programme, else the item's slug in the rundown. */
  item_slug: string;
  /** When it started, UTC ISO. */
  start: string;
  duration_sec: number;
  /** 1 when it met the minimum length and the prime-time window, else 0. */
  compliant: number;
  /** Why it is not compliant (too-short, outside-prime-time), comma-separated. */
  reason: string | null;
  actor: string;
  recorded_at: string;
  /** Index of the evidence entry written with it (the programme's airing). */
  evidence_index: number | null;
}

export type RundownRow = Selectable<RundownTable>;
export type RundownEventRow = Selectable<RundownEventTable>;
export type RundownAsRunRow = Selectable<RundownAsRunTable>;

/** Người dùng: someone who reaches loa over HTTP, with one role (server area, migration 6). */
export interface UserTable {
  name: string;
  /** editor, broadcaster, auditor or admin. */
  role: string;
  created_at: string;
  created_by: string;
}

/**
 * A bearer token of a user: only its SHA-256 is stored; the token is shown once. Its public
 * id is the first 12 hex characters of the hash (migration 9 adds the lifecycle columns).
 */
export interface ApiTokenTable {
  /** Hex SHA-256 of the token. */
  hash: string;
  user_name: string;
  created_at: string;
  created_by: string;
  /** When the token stops being valid (UTC); null: never (every token before migration 9). */
  expires_at: string | null;
  /** When it was revoked (UTC), and by whom; null while it is not. */
  revoked_at: string | null;
  revoked_by: string | null;
  /** The last successful authentication (UTC), recorded at most once a minute. */
  last_used_at: string | null;
}

export type UserRow = Selectable<UserTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;

/** A signed-in browser (migration 12): never the secret itself, only its hash. */
export interface BrowserSessionTable {
  /** Hex SHA-256 of the session secret the cookie holds. */
  hash: string;
  user_name: string;
  /** The API token the user signed in with, whose revocation ends the session; null: none. */
  token_hash: string | null;
  created_at: string;
  /** When the session ends whatever happens (UTC). */
  expires_at: string;
}
export type FollowUpRow = Selectable<FollowUpTable>;

/** Per ingest channel and feed: the last copy's validators and the last read (migration 10). */
export interface IngestFeedTable {
  channel_id: string;
  feed_url: string;
  /** ETag of the last copy read, for If-None-Match. */
  etag: string | null;
  /** Last-Modified of the last copy read, for If-Modified-Since. */
  last_modified: string | null;
  /** When the feed was last asked for, UTC (the polite interval counts from it). */
  last_run: string | null;
}

/**
 * An entry of a feed taken in by an ingest channel, once per channel and key (guid, else id
 * or link). For press channels it holds the article and the evidence entries written for it.
 */
export interface IngestEntryTable {
  channel_id: string;
  entry_key: string;
  feed_url: string | null;
  /** `feed` (read now), `state-file` or `press-file` (imported from the JSON files before). */
  origin: string;
  title: string | null;
  link: string | null;
  /** When the source says it was published, UTC. */
  published_at: string | null;
  /** SHA-256 (hex) of title, link and publication date. */
  content_hash: string | null;
  /** Indices of the evidence entries written for it, comma-separated; null for none. */
  evidence: string | null;
  ingested_at: string;
}

export type IngestFeedRow = Selectable<IngestFeedTable>;
export type IngestEntryRow = Selectable<IngestEntryTable>;

/** A unit a witness watches: where its log is, its key, the last checkpoint checked. */
export interface WitnessUnitTable {
  name: string;
  /**
   * Base address of the unit's loa server (`https://loa.sonoivu.example.gov.vn`); '' for a
   * unit that only sends bundles.
   */
  url: string;
  /** The unit's signed-note verifier key, `<name>+<id>+<key>`. */
  verifier_key: string;
  /** The last checkpoint checked and cosigned (NULL before the first poll). */
  size: number | null;
  root_hash: string | null;
  note: string | null;
  checked_at: string | null;
  /** `ok`, or what the last poll found: forked, shrank, re-keyed, unreachable… */
  status: string | null;
}

/** A checkpoint of this log cosigned by a witness and handed back (one per witness and size). */
export interface EvidenceCosignatureTable {
  /** The witness's key name. */
  witness: string;
  size: number;
  root_hash: string;
  /** The checkpoint with the log's signature and the witness's. */
  note: string;
  received_at: string;
}

/**
 * The log of a unit as an auditor imported it from the unit's evidence bundles (`loa import`):
 * the unit (its name in witness_units, found by the key that signs its log), the latest
 * checkpoint imported, and which of the unit's channels serve which plan tasks.
 */
export interface ImportedLogTable {
  unit: string;
  /** The unit's signed-note verifier key the bundles were checked with. */
  verifier_key: string;
  /** Entries imported: indices 0 … size - 1. */
  size: number;
  /** The root of the latest checkpoint imported, hex. */
  root_hash: string;
  /** That checkpoint, signed by the unit. */
  checkpoint: string;
  /** JSON: `{ plan: { channel: [task…] } }` and `{ channel: kind }`, from the latest bundle. */
  serving: string;
  channel_kinds: string;
  /** JSON: `{ plan: { task: [{ plan, task }…] } }`, the parent plans' tasks each task carries out. */
  implements: string;
  imported_at: string;
}

/** A run of a unit's entries, as the bundle carried them (one line each, exact bytes). */
export interface ImportedSegmentTable {
  unit: string;
  /** Index of the first entry of the run. */
  start: number;
  /** Entries in the run. */
  count: number;
  /** The entries' exact bytes, one a line, each ending with a newline. */
  entries: string;
  /** Their leaf hashes, hex, one a line. */
  leaves: string;
  imported_at: string;
}

export type ImportedLogRow = Selectable<ImportedLogTable>;
export type ImportedSegmentRow = Selectable<ImportedSegmentTable>;
