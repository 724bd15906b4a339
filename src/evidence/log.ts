import { DateTime } from 'luxon';
import { LoaError } from '../errors/loa-error.js';
import { canonicalJson } from '../model/canonical-json.js';
import {
  type EvidenceRange,
  type EvidenceRow,
  evidenceHeadSize,
  readEvidenceHead,
  readEvidenceRows,
  writeEvidence,
} from '../store/evidence.js';
import type { Db } from '../store/types.js';
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
  /**
   * A publication: who approved the item version that went out (người duyệt). With four-eyes
   * channels never its author; an edit after approval needs a new approval.
   */
  approvedBy?: string;
  /** The item version that approval was given to. */
  approvedVersion?: number;
  /** That version's content hash: the approval is bound to it. */
  approvedHash?: string;
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
  return entryText(input, index).text;
}

/** An instant already as the log writes it: UTC, milliseconds, `Z`. */
const UTC_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The entry's canonical JSON and its time made UTC; kind, time and actor checked. */
function entryText(input: EvidenceInput, index: number): { text: string; time: string } {
  if (!(EVIDENCE_KINDS as readonly string[]).includes(input.kind)) {
    throw invalid('kind', String(input.kind));
  }
  const time = utcTime(input.time);
  if (typeof input.actor !== 'string' || input.actor.trim() === '') {
    throw invalid('actor', String(input.actor));
  }
  // An entry read back and appended again (a copy) must not carry its old index or hash:
  // both are set over (an undefined property is left out of the bytes).
  return { text: canonicalJson({ ...input, index, time, leafHash: undefined }), time };
}

/** A time as UTC ISO with milliseconds; other offsets are converted. */
function utcTime(value: unknown): string {
  // NOTE: most times come already in this form; luxon parsing them cost more than the rest
  // of an append (tests/bench/evidence-log.bench.ts). A real date prints back the same.
  if (typeof value === 'string' && UTC_MILLIS.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime()) && date.toISOString() === value) return value;
  }
  const time = DateTime.fromISO(String(value), { setZone: true });
  if (!time.isValid) throw invalid('time', String(value));
  return time.toUTC().toISO({ suppressMilliseconds: false }) as string;
}

function invalid(field: string, value: string): LoaError {
  return new LoaError('EVIDENCE_ENTRY_INVALID', { params: { field, value } });
}

/** The head: size and the compact range's hashes; `lock` holds it for an append. */
export async function readHead(db: Db, lock = false): Promise<CompactRange> {
  const row = await readEvidenceHead(db, lock);
  if (!row) return new CompactRange();
  return CompactRange.restore(row.size, splitHashes(row.hashes));
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
 * and the state change it proves commit (or roll back) together. See {@link appendEvidenceBatch}.
 */
export async function appendEvidence(
  tx: Db,
  input: EvidenceInput,
): Promise<{ index: number; leafHash: string }> {
  const [appended] = await appendEvidenceBatch(tx, [input]);
  return appended!;
}

/**
 * Appends entries, in the order given, INSIDE the caller's write transaction, so they and
 * the state change they prove commit (or roll back) together. The first index is the head's
 * size: the head row is locked (PostgreSQL `FOR UPDATE`; SQLite's BEGIN IMMEDIATE already
 * serialises writers), so indices stay contiguous, and a rolled-back append leaves no gap.
 * The head's compact range is advanced, so appends never rehash the log; it is read and
 * written once per batch, and the rows go in a hundred per statement.
 * An entry that is not valid refuses the whole batch, before anything is written.
 */
export async function appendEvidenceBatch(
  tx: Db,
  inputs: readonly EvidenceInput[],
): Promise<{ index: number; leafHash: string }[]> {
  if (inputs.length === 0) return [];
  const range = await readHead(tx, true);
  const rows: EvidenceRow[] = [];
  for (const input of inputs) {
    const index = range.size;
    const { text, time } = entryText(input, index);
    const leafHex = Buffer.from(range.appendEntry(Buffer.from(text, 'utf8'))).toString('hex');
    rows.push({
      idx: index,
      kind: input.kind,
      time,
      // The column holds what the bytes hold: the plan id made NFC.
      plan_id: typeof input.plan === 'string' ? input.plan.normalize('NFC') : null,
      entry: text,
      leaf_hash: leafHex,
    });
  }
  await writeEvidence(tx, rows, { size: range.size, hashes: joinHashes(range.hashes) });
  return rows.map((r) => ({ index: r.idx, leafHash: r.leaf_hash }));
}

/**
 * Entries of the log in index order, parsed from their stored bytes; `range` keeps those
 * whose time is at or after `from` and before `to` (UTC ISO), and below index `size` (the
 * size of a checkpoint, so that what is read is what it signs).
 */
export async function readEvidence(db: Db, range: EvidenceRange = {}): Promise<EvidenceEntry[]> {
  const rows = await readEvidenceRows(db, range);
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
export async function evidenceSize(db: Db): Promise<number> {
  return evidenceHeadSize(db);
}
