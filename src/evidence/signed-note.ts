import { createHash, createPublicKey, verify } from 'node:crypto';
import { LoaError } from '../errors/loa-error.js';

/**
 * C2SP signed notes (c2sp.org/signed-note) with Ed25519 keys: a text ending in a newline, a
 * blank line, then signature lines `— <key name> base64(key ID ‖ signature)`. Checkpoints
 * are signed notes; this module knows the envelope, checkpoint.ts knows the body.
 */

/** Signature type byte of Ed25519 in key IDs and verifier keys. */
const ED25519_TYPE = 0x01;
/** Signature type byte of an Ed25519 cosigner (c2sp.org/tlog-cosignature, `cosignature/v1`). */
export const COSIGNATURE_V1_TYPE = 0x04;
export type KeyType = typeof ED25519_TYPE | typeof COSIGNATURE_V1_TYPE;
const TIMESTAMP_SIZE = 8;
const KEY_ID_SIZE = 4;
const ED25519_PUBLIC_SIZE = 32;
const ED25519_SIGNATURE_SIZE = 64;
/** Signatures read from one note at most (the spec asks for at least 16). */
const MAX_SIGNATURES = 100;
const SIGNATURE_DASH = '\u2014 ';

/** What signs a note: its key name, key ID and a signing function (the key stays inside). */
export interface NoteSigner {
  readonly name: string;
  readonly keyId: Uint8Array;
  sign(text: Uint8Array): Uint8Array;
}

/** What checks a note: the key name, key ID and the public key's check. */
export interface NoteVerifier {
  readonly name: string;
  readonly keyId: Uint8Array;
  /** 0x01: signs notes (a log's checkpoints); 0x04: cosigns them (a witness). */
  readonly type?: KeyType;
  verify(text: Uint8Array, signature: Uint8Array): boolean;
}

/** One signature line of a note, decoded but not checked. */
export interface NoteSignature {
  name: string;
  keyId: Uint8Array;
  signature: Uint8Array;
}

/** Whether a key name is usable: non-empty, no Unicode space, no `+`, no control character. */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !/[\s\p{Z}+\p{Cc}]/u.test(name);
}

/**
 * Key ID = SHA-256(name ‖ 0x0A ‖ type ‖ 32-byte public key)[:4]; type 0x01 for a note
 * signature, 0x04 for a c2sp.org/tlog-cosignature (Ed25519, `cosignature/v1`).
 */
export function ed25519KeyId(
  name: string,
  publicKey: Uint8Array,
  type: KeyType = ED25519_TYPE,
): Uint8Array {
  const hash = createHash('sha256')
    .update(name, 'utf8')
    .update(Uint8Array.of(0x0a, type))
    .update(publicKey)
    .digest();
  return new Uint8Array(hash.subarray(0, KEY_ID_SIZE));
}

/** The verifier key string `<name>+<key ID hex>+<base64(type ‖ public key)>`. */
export function verifierKeyString(
  name: string,
  publicKey: Uint8Array,
  type: KeyType = ED25519_TYPE,
): string {
  const id = Buffer.from(ed25519KeyId(name, publicKey, type)).toString('hex');
  const key = Buffer.concat([Uint8Array.of(type), publicKey]).toString('base64');
  return `${name}+${id}+${key}`;
}

/** A verifier for a raw 32-byte Ed25519 public key under a key name. */
export function ed25519Verifier(
  name: string,
  publicKey: Uint8Array,
  type: KeyType = ED25519_TYPE,
): NoteVerifier {
  if (!isValidKeyName(name)) throw new LoaError('EVIDENCE_KEY_NAME_INVALID', { params: { name } });
  if (publicKey.length !== ED25519_PUBLIC_SIZE) throw malformed('the public key is not 32 bytes');
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') },
    format: 'jwk',
  });
  return {
    name,
    keyId: ed25519KeyId(name, publicKey, type),
    type,
    verify: (text, signature) =>
      signature.length === ED25519_SIGNATURE_SIZE && verify(null, text, key, signature),
  };
}

/** Reads a verifier key string (see {@link verifierKeyString}); refuses one whose ID lies. */
export function parseVerifierKey(text: string): NoteVerifier {
  // NOTE: only the first two `+` separate: the base64 key may itself contain `+`.
  const match = /^([^+]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(text.trim());
  if (!match) throw malformed('the verifier key is not <name>+<8 hex digits>+<base64 key>');
  const [, name, id, key] = match as unknown as [string, string, string, string];
  const raw = strictBase64(key);
  const type = raw?.[0];
  if (
    raw?.length !== ED25519_PUBLIC_SIZE + 1 ||
    (type !== ED25519_TYPE && type !== COSIGNATURE_V1_TYPE)
  ) {
    throw malformed('the verifier key is not an Ed25519 key (type 0x01) or cosigner key (0x04)');
  }
  const verifier = ed25519Verifier(name, raw.subarray(1), type);
  if (Buffer.from(verifier.keyId).toString('hex') !== id) {
    throw malformed('the verifier key ID does not match its name and key');
  }
  return verifier;
}

/** Signs a note text (it must end with a newline) and returns the whole signed note. */
export function signNote(text: string, signer: NoteSigner): string {
  checkNoteCharacters(text);
  if (!text.endsWith('\n')) throw malformed('the note text does not end with a newline');
  const signature = signer.sign(Buffer.from(text, 'utf8'));
  const payload = Buffer.concat([signer.keyId, signature]).toString('base64');
  return `${text}\n${SIGNATURE_DASH}${signer.name} ${payload}\n`;
}

/**
 * The message an Ed25519 cosigner signs (c2sp.org/tlog-cosignature): `cosignature/v1`, then
 * `time <POSIX seconds>`, then the whole note body (every line, the final newline included).
 */
export function cosignedMessage(text: string, timestamp: number): Buffer {
  return Buffer.from(`cosignature/v1\ntime ${timestamp}\n${text}`, 'utf8');
}

/**
 * Adds a cosignature line to a signed note: `— <name> base64(key ID ‖ u64 timestamp ‖
 * Ed25519 signature)` over {@link cosignedMessage}. `signer.keyId` must be the 0x04 key ID.
 */
export function cosignNote(note: string, signer: NoteSigner, timestamp: number): string {
  const { text } = parseNote(note);
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw malformed('a bad timestamp');
  const time = Buffer.alloc(TIMESTAMP_SIZE);
  time.writeBigUInt64BE(BigInt(timestamp));
  const signature = signer.sign(cosignedMessage(text, timestamp));
  const payload = Buffer.concat([signer.keyId, time, signature]).toString('base64');
  return `${note}${SIGNATURE_DASH}${signer.name} ${payload}\n`;
}

/**
 * The timestamp of the newest valid cosignature by `cosigner` (a 0x04 verifier) on a note,
 * or undefined when it has none that checks out. Other lines are ignored.
 */
export function openCosignature(note: string, cosigner: NoteVerifier): number | undefined {
  const { text, signatures } = parseNote(note);
  let newest: number | undefined;
  for (const s of signatures) {
    if (s.name !== cosigner.name || !Buffer.from(s.keyId).equals(cosigner.keyId)) continue;
    if (s.signature.length !== TIMESTAMP_SIZE + ED25519_SIGNATURE_SIZE) continue;
    const time = Buffer.from(s.signature.subarray(0, TIMESTAMP_SIZE)).readBigUInt64BE();
    if (time > BigInt(Number.MAX_SAFE_INTEGER)) continue;
    const timestamp = Number(time);
    const message = cosignedMessage(text, timestamp);
    if (!cosigner.verify(message, s.signature.subarray(TIMESTAMP_SIZE))) continue;
    newest = Math.max(newest ?? 0, timestamp);
  }
  return newest;
}

/** Splits a signed note into its text and decoded signature lines, checking only the form. */
export function parseNote(note: string): { text: string; signatures: NoteSignature[] } {
  checkNoteCharacters(note);
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) {
    throw malformed('no blank line before the signatures, or no final newline');
  }
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw malformed(`more than ${MAX_SIGNATURES} signatures`);
  const signatures = lines.map((line) => {
    const match = /^\u2014 ([^\s\p{Z}+]+) ([A-Za-z0-9+/=]+)$/u.exec(line);
    const payload = match ? strictBase64(match[2]!) : undefined;
    if (!match || !payload || payload.length <= KEY_ID_SIZE) {
      throw malformed('a signature line is not "— <key name> <base64 signature>"');
    }
    return {
      name: match[1]!,
      keyId: payload.subarray(0, KEY_ID_SIZE),
      signature: payload.subarray(KEY_ID_SIZE),
    };
  });
  return { text: note.slice(0, split + 1), signatures };
}

/**
 * The text of a note once a signature by the verifier's key checks out. Signatures by other
 * keys (witnesses, a rotated key) are ignored as the spec asks; a signature by this key that
 * fails rejects the whole note (`EVIDENCE_CHECKPOINT_FORGED`), and so does the lack of one
 * (`EVIDENCE_CHECKPOINT_UNSIGNED`).
 */
export function openNote(note: string, verifier: NoteVerifier): string {
  const { text, signatures } = parseNote(note);
  const ours = signatures.filter(
    (s) => s.name === verifier.name && Buffer.from(s.keyId).equals(verifier.keyId),
  );
  if (ours.length === 0) {
    throw new LoaError('EVIDENCE_CHECKPOINT_UNSIGNED', { params: { name: verifier.name } });
  }
  const bytes = Buffer.from(text, 'utf8');
  if (!ours.every((s) => verifier.verify(bytes, s.signature))) {
    throw new LoaError('EVIDENCE_CHECKPOINT_FORGED', { params: { name: verifier.name } });
  }
  return text;
}

/** Standard base64 that decodes to exactly these bytes and back (no lenient forms). */
export function strictBase64(text: string): Buffer | undefined {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

function checkNoteCharacters(text: string): void {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x0a) throw malformed('a control character in the note');
  }
  // NOTE: a JS string with a lone surrogate has no UTF-8 form, so it cannot be a valid note.
  if (/\p{Cs}/u.test(text)) throw malformed('broken Unicode in the note');
}

/** The catalogue's malformed-checkpoint error with an English reason. */
export function malformed(reason: string): LoaError {
  return new LoaError('EVIDENCE_CHECKPOINT_MALFORMED', { params: { reason } });
}
