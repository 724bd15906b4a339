import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { LoaError } from '../errors/loa-error.js';
import { canonicalJson } from '../model/canonical-json.js';
import type { Engine } from '../store/migrations.js';
import type { Database } from '../store/schema.js';
import { CompactRange } from './compact-range.js';

/** What an evidence entry records (same kinds as the audit reads). */
export const EVIDENCE_KINDS = [
  'publication',
  'airing',
  'bulletin-issue',
  'manual',
  'report',
  'correction',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** A file attached to a manual entry, stored content-addressed by its SHA-256. */
export interface EvidenceFile {
  name: string;
  sha256: string;
  bytes: number;
}

/**
 * Tài liệu kiểm chứng: what a caller appends. The entry's bytes are the canonical JSON of
 * these fields (keys sorted, NFC text, `time` as a UTC ISO instant with milliseconds).
 */
export interface EvidenceInput {
  kind: EvidenceKind;
  plan?: string;
  task?: string;
  unit?: string;
  channel?: string;
  /** The kind of the channel it went through (`broadcast`, `wordpress`…). */
  channelKind?: string;
  item?: string;
  /** When it happened (an airing's start), UTC ISO; other offsets are converted to UTC. */
  time: string;
  durationSec?: number;
  url?: string;
  externalId?: string;
  contentHash?: string;
  topics?: string[];
  /** Who or what recorded it (`dispatcher`, a user name). */
  actor: string;
  /** Index of the entry this correction replaces. */
  corrects?: number;
  /** A correction that cancels the entry it corrects. */
  void?: boolean;
  note?: string;
  files?: EvidenceFile[];
  compliant?: boolean;
  /** The publication key (channel + item + slot…). */
  key?: string;
  /** An airing of a built programme (issue 16): SHA-256 of the audio file scheduled, hex. */
  audioSha256?: string;
  /** Its length in seconds, as measured on the file. */
  audioDurationSec?: number;
  /** Its integrated loudness (EBU R128), LUFS. */
  audioLufs?: number;
  /** SHA-256 of the file the speaker platform reports it played (as-run import). */
  audioPlayedSha256?: string;
}

/** An entry as read back from the log: its fields, its index and its leaf hash (hex). */
export type EvidenceEntry = EvidenceInput & { index: number; leafHash: string };

/**
 * The canonical JSON of the entry at `index`: the input's fields, its `index` (so an entry
 * moved to another position says so) and its time made UTC; kind, time and actor checked.
 */
export function evidenceBytes(input: EvidenceInput, index: number): string {
  if (!(EVIDENCE_KINDS as readonly string[]).includes(input.kind)) {
    throw invalid('kind', String(input.kind));
  }
  const time = DateTime.fromISO(String(input.time), { setZone: true });
  if (!time.isValid) throw invalid('time', String(input.time));
  if (typeof input.actor !== 'string' || input.actor.trim() === '') {
    throw invalid('actor', String(input.actor));
  }
  const utc = time.toUTC().toISO({ suppressMilliseconds: false }) as string;
  // An entry read back and appended again (a copy) must not carry its old index or hash.
  const { index: _old, leafHash: _hash, ...fields } = input as Partial<EvidenceEntry>;
  return canonicalJson({ ...fields, index, time: utc });
}

function invalid(field: string, value: string): LoaError {
  return new LoaError('EVIDENCE_ENTRY_INVALID', { params: { field, value } });
}

/** The head row: size and the compact range's hashes (hex, concatenated). */
export async function readHead(db: Kysely<Database>, lock = false): Promise<CompactRange> {
  let query = db.selectFrom('evidence_head').select(['size', 'hashes']).where('id', '=', 1);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return new CompactRange();
  return CompactRange.restore(Number(row.size), splitHashes(row.hashes));
}

/** Hex-concatenated 32-byte hashes back as a list. */
export function splitHashes(hex: string): Uint8Array[] {
  const hashes: Uint8Array[] = [];
  for (let i = 0; i < hex.length; i += 64) {
    hashes.push(new Uint8Array(Buffer.from(hex.slice(i, i + 64), 'hex')));
  }
  return hashes;
}

function joinHashes(hashes: readonly Uint8Array[]): string {
  return hashes.map((h) => Buffer.from(h).toString('hex')).join('');
}

/**
 * Appends one entry to the evidence log INSIDE the caller's write transaction, so the entry
 * and the state change it proves commit (or roll back) together. The index is the head's
 * size: the head row is locked (PostgreSQL `FOR UPDATE`; SQLite's BEGIN IMMEDIATE already
 * serialises writers), so indices stay contiguous, and a rolled-back append leaves no gap.
 * The head's compact range is advanced, so appends never rehash the log.
 */
export async function appendEvidence(
  tx: Kysely<Database>,
  engine: Engine,
  input: EvidenceInput,
): Promise<{ index: number; leafHash: string }> {
  const range = await readHead(tx, engine === 'postgres');
  const index = range.size;
  const text = evidenceBytes(input, index);
  const hash = range.appendEntry(Buffer.from(text, 'utf8'));
  const leafHex = Buffer.from(hash).toString('hex');
  const parsed = JSON.parse(text) as EvidenceEntry;
  await tx
    .insertInto('evidence_entries')
    .values({
      idx: index,
      kind: parsed.kind,
      time: parsed.time,
      plan_id: parsed.plan ?? null,
      entry: text,
      leaf_hash: leafHex,
    })
    .execute();
  await tx
    .updateTable('evidence_head')
    .set({ size: range.size, hashes: joinHashes(range.hashes) })
    .where('id', '=', 1)
    .execute();
  return { index, leafHash: leafHex };
}

/**
 * Entries of the log in index order, parsed from their stored bytes; `range` keeps those
 * whose time is at or after `from` and before `to` (UTC ISO), and below index `size` (the
 * size of a checkpoint, so that what is read is what it signs).
 */
export async function readEvidence(
  db: Kysely<Database>,
  range: { from?: string; to?: string; size?: number } = {},
): Promise<EvidenceEntry[]> {
  let query = db.selectFrom('evidence_entries').select(['idx', 'entry', 'leaf_hash']);
  if (range.size !== undefined) query = query.where('idx', '<', range.size);
  if (range.from) query = query.where('time', '>=', range.from);
  if (range.to) query = query.where('time', '<', range.to);
  const rows = await query.orderBy('idx').execute();
  // NOTE: the time column only narrows the read; the entry's own time (its bytes) decides.
  return rows
    .map(entryOfRow)
    .filter(
      (e) =>
        (range.from === undefined || e.time >= range.from) &&
        (range.to === undefined || e.time < range.to),
    );
}

/** A stored row read back as an entry: its fields, its stored index and leaf hash. */
export function entryOfRow(row: {
  idx: number | string | bigint;
  entry: string;
  leaf_hash: string;
}): EvidenceEntry {
  return {
    ...(JSON.parse(row.entry) as EvidenceEntry),
    index: Number(row.idx),
    leafHash: row.leaf_hash,
  };
}

/** Number of entries in the log, per its head. */
export async function evidenceSize(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('evidence_head')
    .select('size')
    .where('id', '=', 1)
    .executeTakeFirst();
  return Number(row?.size ?? 0);
}
