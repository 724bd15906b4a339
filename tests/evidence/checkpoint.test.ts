import { createPrivateKey, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LoaError } from '../../src/errors/loa-error.js';
import {
  parseCheckpoint,
  signCheckpoint,
  verifyCheckpoint,
} from '../../src/evidence/checkpoint.js';
import { leafHash, rootFromLeafHashes } from '../../src/evidence/merkle.js';
import {
  ed25519KeyId,
  type NoteSigner,
  openNote,
  parseVerifierKey,
  signNote,
} from '../../src/evidence/signed-note.js';
import { loadOrCreateSigningKey } from '../../src/evidence/signing-key.js';
import { tempDir } from '../support/temp-dir.js';

// Known answer from golang.org/x/mod/sumdb/note (BSD-3-Clause): Ed25519 is deterministic, so
// the same seed and text must give this note byte for byte.
const PETER_SEED = 'gQoUAtUUbI2E8kQzMPVAgOv5juF9nHT2JS/F1ccoMXM=';
const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const PETER_TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_NOTE = `${PETER_TEXT}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;
// transparency-dev/formats test key whose base64 part holds a '+'.
const PLUS_VKEY = 'TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6';

function seedSigner(name: string, seedBase64: string): NoteSigner {
  const der = Buffer.concat([
    Buffer.from('302e020100300506032b657004220420', 'hex'),
    Buffer.from(seedBase64, 'base64'),
  ]);
  const key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  const jwk = key.export({ format: 'jwk' });
  const publicKey = new Uint8Array(Buffer.from(jwk.x!, 'base64url'));
  return {
    name,
    keyId: ed25519KeyId(name, publicKey),
    sign: (text) => new Uint8Array(sign(null, text, key)),
  };
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof LoaError) return error.code;
    throw error;
  }
  return 'accepted';
}

const ORIGIN = 'sonoivu.example.gov.vn/loa';
const leaves = Array.from({ length: 1234 }, (_, i) => leafHash(Buffer.from(`entry ${i}`)));
const rootHash = rootFromLeafHashes(leaves);
const key = await loadOrCreateSigningKey({ dir: await tempDir('checkpoint'), name: ORIGIN });
const signed = signCheckpoint({ origin: ORIGIN, size: leaves.length, rootHash }, key);

describe('signed notes', () => {
  it('reproduce the Go sumdb/note example byte for byte', () => {
    const signer = seedSigner('PeterNeumann', PETER_SEED);
    expect(Buffer.from(signer.keyId).toString('hex')).toBe('c74f20a3');
    expect(signNote(PETER_TEXT, signer)).toBe(PETER_NOTE);
    expect(openNote(PETER_NOTE, parseVerifierKey(PETER_VKEY))).toBe(PETER_TEXT);
  });

  it('read verifier keys whose base64 holds a +, and refuse one whose ID lies', () => {
    expect(parseVerifierKey(PLUS_VKEY).name).toBe('TEST');
    expect(codeOf(() => parseVerifierKey(PLUS_VKEY.replace('7997405c', '7997405d')))).toBe(
      'EVIDENCE_CHECKPOINT_MALFORMED',
    );
  });
});

describe('checkpoints', () => {
  it('are written in the C2SP checkpoint form', () => {
    const root = Buffer.from(rootHash).toString('base64');
    const lines = signed.split('\n');
    expect(lines.slice(0, 4)).toEqual([ORIGIN, '1234', root, '']);
    expect(lines[4]).toMatch(new RegExp(`^\u2014 ${ORIGIN} [A-Za-z0-9+/]{91}=$`));
    expect(lines[5]).toBe('');
    const payload = Buffer.from(lines[4]!.split(' ')[2]!, 'base64');
    expect(payload.length).toBe(68);
    expect(new Uint8Array(payload.subarray(0, 4))).toEqual(key.keyId);
  });

  it('verify and give back origin, size and root', () => {
    const checkpoint = verifyCheckpoint(signed, key.verifier);
    expect(checkpoint).toEqual({ origin: ORIGIN, size: 1234, rootHash });
    expect(verifyCheckpoint(signed, key.verifierKey)).toEqual(checkpoint);
    expect(parseCheckpoint(signed)).toMatchObject({ size: 1234, signatures: [{ name: ORIGIN }] });
  });

  it('refuse every one-character change, deletion or addition', () => {
    const refused = new Set<string>();
    for (let i = 0; i < signed.length; i += 1) {
      const ch = signed[i]!;
      const other = ch === 'A' ? 'B' : ch === '\n' ? 'x' : 'A';
      const edits = [
        signed.slice(0, i) + other + signed.slice(i + 1),
        signed.slice(0, i) + signed.slice(i + 1),
        `${signed.slice(0, i)} ${signed.slice(i)}`,
      ];
      for (const edit of edits) {
        const code = codeOf(() => verifyCheckpoint(edit, key.verifier));
        expect(code, `edit at ${i}: ${JSON.stringify(edit)}`).not.toBe('accepted');
        refused.add(code);
      }
    }
    expect(codeOf(() => verifyCheckpoint(`${signed}\n`, key.verifier))).not.toBe('accepted');
    expect(codeOf(() => verifyCheckpoint(signed.replace('\n', '\r\n'), key.verifier))).toBe(
      'EVIDENCE_CHECKPOINT_MALFORMED',
    );
    expect([...refused].sort()).toEqual([
      'EVIDENCE_CHECKPOINT_FORGED',
      'EVIDENCE_CHECKPOINT_MALFORMED',
      'EVIDENCE_CHECKPOINT_UNSIGNED',
    ]);
  });

  it('refuse a checkpoint signed by another key, and accept extra witness signatures', async () => {
    const other = await loadOrCreateSigningKey({ dir: await tempDir('other'), name: ORIGIN });
    const forged = signCheckpoint({ origin: ORIGIN, size: 1, rootHash: leaves[0]! }, other);
    expect(codeOf(() => verifyCheckpoint(forged, key.verifier))).toBe(
      'EVIDENCE_CHECKPOINT_UNSIGNED',
    );
    const witness = await loadOrCreateSigningKey({
      dir: await tempDir('witness'),
      name: 'bonoivu.example.gov.vn/witness',
    });
    const witnessLine = signNote(signed.slice(0, signed.indexOf('\n\n') + 1), witness).split(
      '\n\n',
    )[1]!;
    const cosigned = `${signed}${witnessLine}`;
    expect(verifyCheckpoint(cosigned, key.verifier).size).toBe(1234);
    expect(verifyCheckpoint(cosigned, witness.verifier).size).toBe(1234);
  });

  it('refuse a signed body that is not a checkpoint', () => {
    const root = Buffer.from(rootHash).toString('base64');
    for (const body of [
      `${ORIGIN}\n0012\n${root}\n`,
      `${ORIGIN}\n-1\n${root}\n`,
      `${ORIGIN}\n12\n${root.slice(4)}\n`,
      `${ORIGIN}\n12\n`,
      `${ORIGIN}\n99999999999999999999\n${root}\n`,
    ]) {
      const note = signNote(body, key);
      expect(
        codeOf(() => verifyCheckpoint(note, key.verifier)),
        body,
      ).toBe('EVIDENCE_CHECKPOINT_MALFORMED');
    }
  });

  it('refuse to sign a checkpoint with bad fields', () => {
    expect(codeOf(() => signCheckpoint({ origin: '', size: 1, rootHash }, key))).toBe(
      'EVIDENCE_CHECKPOINT_MALFORMED',
    );
    expect(codeOf(() => signCheckpoint({ origin: 'a\nb', size: 1, rootHash }, key))).toBe(
      'EVIDENCE_CHECKPOINT_MALFORMED',
    );
    expect(codeOf(() => signCheckpoint({ origin: ORIGIN, size: 1.5, rootHash }, key))).toBe(
      'EVIDENCE_CHECKPOINT_MALFORMED',
    );
    const short = rootHash.subarray(1);
    expect(codeOf(() => signCheckpoint({ origin: ORIGIN, size: 1, rootHash: short }, key))).toBe(
      'EVIDENCE_CHECKPOINT_MALFORMED',
    );
  });
});
