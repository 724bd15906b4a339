import type { Kysely } from 'kysely';
import type { DateTime } from 'luxon';
import { LoaError } from '../errors/loa-error.js';
import { toStored } from '../model/instant.js';
import type { Database } from '../store/schema.js';
import { verifyCheckpoint } from './checkpoint.js';
import { type NoteVerifier, parseNote, parseVerifierKey } from './signed-note.js';

/** A checkpoint of this log that a witness cosigned and handed back. */
export interface Cosignature {
  witness: string;
  size: number;
  rootHashHex: string;
  /** The checkpoint note with the log's signature and the witness's. */
  note: string;
  receivedAt: string;
}

/**
 * The witnesses a unit accepts cosignatures from: `LOA_WITNESS_KEYS`, their signed-note
 * verifier keys separated by commas or spaces (the Sở Nội vụ publishes its key).
 */
export function witnessKeys(env: NodeJS.ProcessEnv = process.env): NoteVerifier[] {
  return (env.LOA_WITNESS_KEYS ?? '')
    .split(/[\s,]+/)
    .filter((k) => k !== '')
    .map((k) => parseVerifierKey(k));
}

/**
 * Stores a cosigned checkpoint handed back by a witness, once it checks out: the log's own
 * signature (it is this log's checkpoint) and the signature of one of `witnesses`. Anything
 * else is refused with EVIDENCE_COSIGNATURE_REFUSED, nothing stored.
 */
export async function acceptCosignature(
  db: Kysely<Database>,
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
  const signers = new Set(parseNote(note).signatures.map((s) => s.name));
  const witness = witnesses.find((w) => {
    if (w.name === log.name || !signers.has(w.name)) return false;
    try {
      verifyCheckpoint(note, w);
      return true;
    } catch {
      return false;
    }
  });
  if (!witness) throw refuse('no signature by a witness this log accepts (LOA_WITNESS_KEYS)');
  const row = {
    witness: witness.name,
    size,
    root_hash: rootHashHex,
    note,
    received_at: toStored(now),
  };
  await db
    .insertInto('evidence_cosignatures')
    .values(row)
    .onConflict((oc) => oc.columns(['witness', 'size']).doNothing())
    .execute();
  return { witness: witness.name, size, rootHashHex, note, receivedAt: row.received_at };
}

/** Every cosignature received, by witness then size. */
export async function listCosignatures(db: Kysely<Database>): Promise<Cosignature[]> {
  const rows = await db
    .selectFrom('evidence_cosignatures')
    .selectAll()
    .orderBy('witness')
    .orderBy('size')
    .execute();
  return rows.map((r) => ({
    witness: r.witness,
    size: Number(r.size),
    rootHashHex: r.root_hash,
    note: r.note,
    receivedAt: r.received_at,
  }));
}
