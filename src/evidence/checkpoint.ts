import {
  malformed,
  type NoteSignature,
  type NoteSigner,
  type NoteVerifier,
  openNote,
  parseNote,
  parseVerifierKey,
  signNote,
  strictBase64,
} from './signed-note.js';
import { HASH_SIZE } from './tree-hash.js';

/**
 * Mốc kiểm chứng: a signed head of the evidence log (c2sp.org/tlog-checkpoint). Its size and
 * root are printed in each periodic report, so the report's receivers can later prove that no
 * entry up to that size was changed, removed or reordered.
 */
export interface Checkpoint {
  /** The log's identity, e.g. `sonoivu.example.gov.vn/loa`; non-empty, one line. */
  origin: string;
  /** Number of entries in the log. */
  size: number;
  /** RFC 9162 root hash of the first `size` entries (32 bytes). */
  rootHash: Uint8Array;
  /** Extension lines after the root, if any (not recommended by the spec; kept as read). */
  extensions?: string[];
}

/** A checkpoint as read from text before any signature was checked. */
export interface UnverifiedCheckpoint extends Checkpoint {
  signatures: NoteSignature[];
}

/** The note text of a checkpoint: origin, size, base64 root, extension lines, each + `\n`. */
export function checkpointText(checkpoint: Checkpoint): string {
  const { origin, size, rootHash, extensions = [] } = checkpoint;
  if (origin === '' || origin.includes('\n'))
    throw malformed('the origin is empty or not one line');
  if (!Number.isSafeInteger(size) || size < 0) throw malformed(`the size ${size} is not a count`);
  if (rootHash.length !== HASH_SIZE) throw malformed('the root hash is not 32 bytes');
  if (extensions.some((line) => line === '' || line.includes('\n'))) {
    throw malformed('an extension line is empty or holds a newline');
  }
  const root = Buffer.from(rootHash).toString('base64');
  return [origin, String(size), root, ...extensions].map((line) => `${line}\n`).join('');
}

/**
 * The signed checkpoint text:
 * ```
 * <origin>
 * <size>
 * <base64 root>
 *
 * — <key name> <base64(key ID ‖ Ed25519 signature)>
 * ```
 */
export function signCheckpoint(checkpoint: Checkpoint, key: NoteSigner): string {
  return signNote(checkpointText(checkpoint), key);
}

/**
 * Reads a checkpoint's fields and signature lines WITHOUT checking any signature: for display
 * and for picking a key. Trust its numbers only from {@link verifyCheckpoint}.
 */
export function parseCheckpoint(text: string): UnverifiedCheckpoint {
  const { text: body, signatures } = parseNote(text);
  return { ...parseBody(body), signatures };
}

/**
 * The checkpoint, once the signature by the given key (a {@link NoteVerifier} or a verifier
 * key string `<name>+<id>+<key>`) checks out. Any edit of the body, of that signature line or
 * of the note's form throws `LoaError` (EVIDENCE_CHECKPOINT_MALFORMED, _UNSIGNED or _FORGED).
 */
export function verifyCheckpoint(text: string, key: NoteVerifier | string): Checkpoint {
  const verifier = typeof key === 'string' ? parseVerifierKey(key) : key;
  return parseBody(openNote(text, verifier));
}

function parseBody(body: string): Checkpoint {
  const lines = body.slice(0, -1).split('\n');
  const [origin, sizeLine, rootLine, ...extensions] = lines;
  if (lines.length < 3 || !origin || sizeLine === undefined || rootLine === undefined) {
    throw malformed('fewer than three lines before the signatures');
  }
  if (!/^(0|[1-9][0-9]*)$/.test(sizeLine) || !Number.isSafeInteger(Number(sizeLine))) {
    throw malformed(`the size line "${sizeLine}" is not a decimal count`);
  }
  const rootHash = strictBase64(rootLine);
  if (rootHash?.length !== HASH_SIZE) throw malformed('the root line is not a base64 SHA-256 hash');
  if (extensions.some((line) => line === '')) throw malformed('an extension line is empty');
  const checkpoint: Checkpoint = {
    origin,
    size: Number(sizeLine),
    rootHash: new Uint8Array(rootHash),
  };
  if (extensions.length > 0) checkpoint.extensions = extensions;
  return checkpoint;
}
