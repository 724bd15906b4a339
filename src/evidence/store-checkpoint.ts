import type { DateTime } from 'luxon';
import { toStored } from '../model/instant.js';
import { insertCheckpoint, latestCheckpointRow, listCheckpointRows } from '../store/evidence.js';
import type { EvidenceCheckpointRow } from '../store/schema.js';
import type { Db, Store } from '../store/types.js';
import { signCheckpoint } from './checkpoint.js';
import { readHead } from './log.js';
import { loadOrCreateSigningKey, type SigningKey } from './signing-key.js';

/** The log's origin line and key name when `LOA_EVIDENCE_ORIGIN` does not say. */
export const DEFAULT_ORIGIN = 'loa.local/evidence';

/** The log's identity: `LOA_EVIDENCE_ORIGIN` (one word, no `+`), else {@link DEFAULT_ORIGIN}. */
export function evidenceOrigin(env: NodeJS.ProcessEnv = process.env): string {
  return env.LOA_EVIDENCE_ORIGIN?.trim() || DEFAULT_ORIGIN;
}

/** The signing key in the data directory, created on first use, named after the origin. */
export function evidenceKey(dataDir: string, env: NodeJS.ProcessEnv = process.env) {
  return loadOrCreateSigningKey({ dir: dataDir, name: evidenceOrigin(env) });
}

/** Mốc kiểm chứng as stored: size, root (hex), the signed note text, when it was signed. */
export interface StoredCheckpoint {
  /** Its row id; 0 for one signed on request and not stored. */
  id: number;
  size: number;
  rootHashHex: string;
  note: string;
  signedAt: string;
}

function fromRow(row: EvidenceCheckpointRow): StoredCheckpoint {
  return {
    id: Number(row.id),
    size: Number(row.size),
    rootHashHex: row.root_hash,
    note: row.note,
    signedAt: row.signed_at,
  };
}

/**
 * Signs the log's current head (origin, size, root) as a C2SP checkpoint and stores it, in
 * one transaction, so the signed size is exactly the size of the log at that moment.
 */
export async function createCheckpoint(
  store: Store,
  key: SigningKey,
  now: DateTime,
): Promise<StoredCheckpoint> {
  return store.transaction(async (tx) => {
    const range = await readHead(tx, true);
    const rootHash = range.root();
    const note = signCheckpoint({ origin: key.name, size: range.size, rootHash }, key);
    const row = await insertCheckpoint(tx, {
      size: range.size,
      root_hash: Buffer.from(rootHash).toString('hex'),
      note,
      signed_at: toStored(now),
    });
    return fromRow(row);
  });
}

/** Every stored checkpoint, oldest first. */
export async function listCheckpoints(db: Db): Promise<StoredCheckpoint[]> {
  return (await listCheckpointRows(db)).map(fromRow);
}

/** The latest stored checkpoint, or undefined when none was made yet. */
export async function latestCheckpoint(db: Db): Promise<StoredCheckpoint | undefined> {
  const row = await latestCheckpointRow(db);
  return row ? fromRow(row) : undefined;
}

/**
 * A checkpoint signed over every entry the log holds now: the latest stored one when it
 * covers the head, else `store: true` signs and stores one (a command that writes, such as
 * `loa report`), `store: false` signs one without storing it (a GET, which writes nothing;
 * the signature is as good, and whoever holds it can hand it to `evidence verify
 * --checkpoint`). Read in one transaction, so its size is the size of the log it signs.
 */
export async function freshCheckpoint(
  store: Store,
  key: SigningKey,
  now: DateTime,
  options: { store: boolean },
): Promise<StoredCheckpoint> {
  const latest = await latestCheckpoint(store);
  const head = await readHead(store);
  const root = Buffer.from(head.root()).toString('hex');
  if (latest && latest.size === head.size && latest.rootHashHex === root) return latest;
  if (options.store) return createCheckpoint(store, key, now);
  const note = signCheckpoint({ origin: key.name, size: head.size, rootHash: head.root() }, key);
  return { id: 0, size: head.size, rootHashHex: root, note, signedAt: toStored(now) };
}
