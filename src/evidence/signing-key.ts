import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
} from 'node:crypto';
import { link, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { LoaError } from '../errors/loa-error.js';
import {
  ed25519KeyId,
  ed25519Verifier,
  isValidKeyName,
  type KeyType,
  type NoteSigner,
  type NoteVerifier,
  verifierKeyString,
} from './signed-note.js';

/** File name of the evidence signing key (PKCS#8 PEM, mode 0600) in the data directory. */
export const SIGNING_KEY_FILE = 'evidence-signing-key.pem';
/** File name of a witness's cosigning key, kept apart from its own log's signing key. */
export const WITNESS_KEY_FILE = 'witness-cosigning-key.pem';

/**
 * The Ed25519 key that signs the evidence log's checkpoints. The private key stays inside
 * `sign`: it is no property, so it cannot leak through a log line, JSON or an error.
 */
export interface SigningKey extends NoteSigner {
  /** Key name in signature lines, e.g. `sonoivu.example.gov.vn/loa`. */
  readonly name: string;
  /** The 4-byte key ID of c2sp.org/signed-note. */
  readonly keyId: Uint8Array;
  /** The raw 32-byte Ed25519 public key. */
  readonly publicKey: Uint8Array;
  /** The public key as PEM (SubjectPublicKeyInfo), for auditors' own tools. */
  readonly publicKeyPem: string;
  /** The note verifier key `<name>+<key ID hex>+<base64(0x01 ‖ public key)>`. */
  readonly verifierKey: string;
  /** A verifier for this key, as an auditor would build from {@link verifierKey}. */
  readonly verifier: NoteVerifier;
}

/** Where the key lives and the name it signs under. */
export interface SigningKeyOptions {
  /** The data directory (created if missing, mode 0700). */
  dir: string;
  /** Key name: non-empty, no spaces, no `+`; a schema-less URL is recommended. */
  name: string;
  /** The key file's name in `dir` (default {@link SIGNING_KEY_FILE}). */
  file?: string;
  /** 0x01 (default): signs notes; 0x04: cosigns checkpoints (c2sp.org/tlog-cosignature). */
  type?: KeyType;
}

/**
 * The signing key in `dir`, created on first use: a fresh Ed25519 key written atomically
 * (a 0600 temp file, synced, then linked into place, so a crash never leaves half a key and
 * two first runs never replace each other's key). A key file that others can read is refused.
 */
export async function loadOrCreateSigningKey(options: SigningKeyOptions): Promise<SigningKey> {
  const { dir, name, type } = options;
  if (!isValidKeyName(name)) throw new LoaError('EVIDENCE_KEY_NAME_INVALID', { params: { name } });
  const base = options.file ?? SIGNING_KEY_FILE;
  const file = join(dir, base);
  const existing = await readKeyFile(file);
  if (existing) return signingKey(name, existing, type);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const kept = await writeKeyFile(dir, file, base, pem);
  return signingKey(name, kept ? privateKey : ((await readKeyFile(file)) as KeyObject), type);
}

/** Reads the key file, or undefined when there is none yet. */
async function readKeyFile(file: string): Promise<KeyObject | undefined> {
  let mode: number;
  try {
    mode = (await stat(file)).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw unreadable(file, 'cannot stat the file', error);
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    const octal = (mode & 0o777).toString(8).padStart(4, '0');
    throw new LoaError('EVIDENCE_KEY_PERMISSIONS', { params: { file, mode: octal } });
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(await readFile(file));
  } catch {
    // NOTE: no cause kept: a parser's message could quote the file's bytes.
    throw unreadable(file, 'not a PKCS#8 PEM private key');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw unreadable(file, 'not an Ed25519 key');
  return key;
}

/**
 * Writes the PEM to a temp file (0600, synced) and links it into place. Returns false when
 * another process created the key first: that key wins and ours is dropped.
 */
async function writeKeyFile(
  dir: string,
  file: string,
  base: string,
  pem: string,
): Promise<boolean> {
  const temp = join(dir, `.${base}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(pem);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // NOTE: some file systems have no hard links; rename is atomic too, only not exclusive.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP') {
      await rename(temp, file);
      return true;
    }
    throw unreadable(file, `cannot create the key file (${code ?? 'error'})`);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

function signingKey(name: string, privateKey: KeyObject, type?: KeyType): SigningKey {
  const publicObject = createPublicKey(privateKey);
  const jwk = publicObject.export({ format: 'jwk' });
  const publicKey = new Uint8Array(Buffer.from(jwk.x ?? '', 'base64url'));
  return {
    name,
    keyId: ed25519KeyId(name, publicKey, type),
    publicKey,
    publicKeyPem: publicObject.export({ type: 'spki', format: 'pem' }).toString(),
    verifierKey: verifierKeyString(name, publicKey, type),
    verifier: ed25519Verifier(name, publicKey, type),
    sign: (text) => new Uint8Array(sign(null, text, privateKey)),
  };
}

function unreadable(file: string, reason: string, cause?: unknown): LoaError {
  return new LoaError('EVIDENCE_KEY_UNREADABLE', { params: { file, reason }, cause });
}
