import { chmod, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { LoaError } from '../../src/errors/loa-error.js';
import { signCheckpoint, verifyCheckpoint } from '../../src/evidence/checkpoint.js';
import { EMPTY_ROOT } from '../../src/evidence/merkle.js';
import { parseVerifierKey } from '../../src/evidence/signed-note.js';
import { loadOrCreateSigningKey, SIGNING_KEY_FILE } from '../../src/evidence/signing-key.js';
import { tempDir } from '../support/temp-dir.js';

const NAME = 'sonoivu.example.gov.vn/loa';

async function errorOf(promise: Promise<unknown>): Promise<LoaError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LoaError) return error;
    throw error;
  }
  throw new Error('expected a LoaError');
}

describe('signing key', () => {
  it('is created on first use as a 0600 file, with no temp file left, and reused after', async () => {
    const dir = join(await tempDir('key'), 'data');
    const first = await loadOrCreateSigningKey({ dir, name: NAME });
    const file = join(dir, SIGNING_KEY_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual([SIGNING_KEY_FILE]);
    expect(await readFile(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);

    const again = await loadOrCreateSigningKey({ dir, name: NAME });
    expect(again.publicKey).toEqual(first.publicKey);
    expect(again.verifierKey).toBe(first.verifierKey);
  });

  it('keeps one key when two first runs race', async () => {
    const dir = await tempDir('key-race');
    const keys = await Promise.all(
      Array.from({ length: 8 }, () => loadOrCreateSigningKey({ dir, name: NAME })),
    );
    const stored = await loadOrCreateSigningKey({ dir, name: NAME });
    for (const key of keys) expect(key.verifierKey).toBe(stored.verifierKey);
    expect(await readdir(dir)).toEqual([SIGNING_KEY_FILE]);
  });

  it('exports the public key as PEM and as a note verifier key', async () => {
    const key = await loadOrCreateSigningKey({ dir: await tempDir('key-export'), name: NAME });
    expect(key.publicKeyPem).toMatch(
      /^-----BEGIN PUBLIC KEY-----\n[\s\S]+-----END PUBLIC KEY-----\n$/,
    );
    // The base64 part may hold '+' itself: only the first two separate.
    const [, name, id, raw] = /^([^+]+)\+([^+]+)\+(.+)$/.exec(key.verifierKey) ?? [];
    expect(name).toBe(NAME);
    expect(id).toBe(Buffer.from(key.keyId).toString('hex'));
    expect(id).toMatch(/^[0-9a-f]{8}$/);
    const bytes = Buffer.from(raw!, 'base64');
    expect(bytes.length).toBe(33);
    expect(bytes[0]).toBe(0x01);
    expect(new Uint8Array(bytes.subarray(1))).toEqual(key.publicKey);
    // An auditor holding only the verifier key string checks a checkpoint.
    const note = signCheckpoint({ origin: NAME, size: 0, rootHash: EMPTY_ROOT }, key);
    expect(verifyCheckpoint(note, key.verifierKey).size).toBe(0);
    expect(parseVerifierKey(key.verifierKey).keyId).toEqual(key.keyId);
  });

  it('never shows the private key when logged, serialised or in an error', async () => {
    const dir = await tempDir('key-secret');
    const key = await loadOrCreateSigningKey({ dir, name: NAME });
    const pem = await readFile(join(dir, SIGNING_KEY_FILE), 'utf8');
    const secret = pem.split('\n')[1]!;
    expect(inspect(key, { depth: 10 })).not.toContain(secret);
    expect(JSON.stringify(key)).not.toContain(secret);

    await writeFile(join(dir, SIGNING_KEY_FILE), `${pem.slice(0, 40)}garbage${secret}`);
    const error = await errorOf(loadOrCreateSigningKey({ dir, name: NAME }));
    expect(error.code).toBe('EVIDENCE_KEY_UNREADABLE');
    expect(inspect(error, { depth: 10 })).not.toContain(secret);
    expect(error.localized()).not.toContain(secret);
  });

  it('refuses a key file that other users can read', async () => {
    const dir = await tempDir('key-mode');
    await loadOrCreateSigningKey({ dir, name: NAME });
    await chmod(join(dir, SIGNING_KEY_FILE), 0o644);
    const error = await errorOf(loadOrCreateSigningKey({ dir, name: NAME }));
    expect(error.code).toBe('EVIDENCE_KEY_PERMISSIONS');
    expect(error.params.mode).toBe('0644');
    expect(error.hint()).toContain('chmod 600');
  });

  it('refuses key names a signature line cannot carry', async () => {
    const dir = await tempDir('key-name');
    for (const name of ['', 'có dấu cách', 'a+b', 'tab\tname']) {
      const error = await errorOf(loadOrCreateSigningKey({ dir, name }));
      expect(error.code).toBe('EVIDENCE_KEY_NAME_INVALID');
    }
    expect(await readdir(dir)).toEqual([]);
  });
});
