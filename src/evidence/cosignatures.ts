import type { DateTime } from 'luxon';
import { LoaError } from '../errors/loa-error.js';
import { toStored } from '../model/instant.js';
import { insertCosignature, listCosignatureRows } from '../store/evidence.js';
import type { Db } from '../store/types.js';
import { verifyCheckpoint } from './checkpoint.js';
import {
  COSIGNATURE_V1_TYPE,
  malformed,
  type NoteVerifier,
  openCosignature,
  parseNote,
  parseVerifierKey,
} from './signed-note.js';

/** A checkpoint of this log that a witness cosigned and handed back. */
export interface Cosignature {
  witness: string;
  size: number;
  rootHashHex: string;
  /** The checkpoint note with the log's signature and the witness's. */
  note: string;
  /** When the witness cosigned, by its cosignature's timestamp (ISO, UTC). */
  cosignedAt?: string;
  receivedAt: string;
}

/**
 * The witnesses a unit accepts cosignatures from: `LOA_WITNESS_KEYS`, their cosigner verifier
 * keys (type 0x04, c2sp.org/tlog-cosignature; what `loa witness key` prints) separated by
 * commas or spaces. A note-signing key (0x01) is refused: it cannot make a cosignature.
 */
export function witnessKeys(env: NodeJS.ProcessEnv = process.env): NoteVerifier[] {
  return (env.LOA_WITNESS_KEYS ?? '')
    .split(/[\s,]+/)
    .filter((k) => k !== '')
    .map((k) => {
      const verifier = parseVerifierKey(k);
      if (verifier.type !== COSIGNATURE_V1_TYPE) {
        throw malformed(`LOA_WITNESS_KEYS: ${verifier.name} is not a cosigner key (0x04)`);
      }
      return verifier;
    });
}

const isoSeconds = (timestamp: number) => new Date(timestamp * 1000).toISOString();

/**
 * Stores a cosigned checkpoint handed back by a witness, once it checks out: the log's own
 * signature (it is this log's checkpoint) and the signature of one of `witnesses`. Anything
 * else is refused with EVIDENCE_COSIGNATURE_REFUSED, nothing stored.
 */
export async function acceptCosignature(
  db: Db,
  note: string,
  log: NoteVerifier,
  witnesses: readonly NoteVerifier[],
  now: DateTime,
): Promise<Cosignature> {
  const refuse = (reason: string) =>
    new LoaError('EVIDENCE_COSIGNATURE_REFUSED', { params: { reason } });
  let size: number;
  let rootHashHex: string;
  try {
    const checkpoint = verifyCheckpoint(note, log);
    size = checkpoint.size;
    rootHashHex = Buffer.from(checkpoint.rootHash).toString('hex');
  } catch (error) {
    throw refuse((error as Error).message);
  }
  let witness: NoteVerifier | undefined;
  let timestamp: number | undefined;
  for (const w of witnesses) {
    timestamp = openCosignature(note, w);
    if (timestamp !== undefined) {
      witness = w;
      break;
    }
  }
  if (!witness || timestamp === undefined) {
    throw refuse('no cosignature/v1 by a witness this log accepts (LOA_WITNESS_KEYS)');
  }
  const row = {
    witness: witness.name,
    size,
    root_hash: rootHashHex,
    note,
    received_at: toStored(now),
  };
  await insertCosignature(db, row);
  return {
    witness: witness.name,
    size,
    rootHashHex,
    note,
    cosignedAt: isoSeconds(timestamp),
    receivedAt: row.received_at,
  };
}

/** Every cosignature received, by witness then size. */
export async function listCosignatures(db: Db): Promise<Cosignature[]> {
  const rows = await listCosignatureRows(db);
  return rows.map((r) => {
    const timestamp = cosignatureTime(r.note, r.witness);
    return {
      witness: r.witness,
      size: Number(r.size),
      rootHashHex: r.root_hash,
      note: r.note,
      ...(timestamp === undefined ? {} : { cosignedAt: isoSeconds(timestamp) }),
      receivedAt: r.received_at,
    };
  });
}

/** The timestamp a witness's cosignature line carries (read, not checked: see openCosignature). */
function cosignatureTime(note: string, witness: string): number | undefined {
  try {
    const line = parseNote(note).signatures.find((s) => s.name === witness);
    if (line?.signature.length !== 8 + 64) return undefined;
    return Number(Buffer.from(line.signature.subarray(0, 8)).readBigUInt64BE());
  } catch {
    return undefined;
  }
}
