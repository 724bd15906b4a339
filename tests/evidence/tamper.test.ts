import { describe, expect, it } from 'vitest';
import { signCheckpoint, verifyCheckpoint } from '../../src/evidence/checkpoint.js';
import {
  consistencyProof,
  inclusionProof,
  leafHash,
  rootFromLeafHashes,
  verifyConsistency,
  verifyInclusion,
} from '../../src/evidence/merkle.js';
import { loadOrCreateSigningKey } from '../../src/evidence/signing-key.js';
import { canonicalBytes } from '../../src/model/canonical-json.js';
import { tempDir } from '../support/temp-dir.js';

const ORIGIN = 'sonoivu.example.gov.vn/loa';
const CHECKPOINT_SIZE = 60;

function entry(seq: number): Uint8Array {
  return canonicalBytes({
    seq,
    kind: 'published',
    at: `2024-03-${String(1 + (seq % 28)).padStart(2, '0')}T01:30:00.000Z`,
    channel: 'cong-ttdt-tinh',
    task: 'portal-section',
    title: `Tin CCHC số ${seq}: Đẩy mạnh cải cách thủ tục hành chính`,
    url: `https://example.gov.vn/cchc/tin-${seq}`,
  });
}

const honest = Array.from({ length: 100 }, (_, i) => entry(i));
const key = await loadOrCreateSigningKey({ dir: await tempDir('tamper'), name: ORIGIN });
// The checkpoint printed in a quarterly report, taken when the log had 60 entries.
const published = signCheckpoint(
  {
    origin: ORIGIN,
    size: CHECKPOINT_SIZE,
    rootHash: rootFromLeafHashes(honest.slice(0, CHECKPOINT_SIZE).map(leafHash)),
  },
  key,
);

/** What an auditor does with the log as it is now: prove it extends the published head. */
function auditAgainstReport(log: Uint8Array[]) {
  const head = verifyCheckpoint(published, key.verifier);
  const leaves = log.map(leafHash);
  if (leaves.length < head.size) {
    return verifyConsistency(
      head.size,
      leaves.length,
      [],
      head.rootHash,
      rootFromLeafHashes(leaves),
    );
  }
  const proof = consistencyProof(leaves, head.size, leaves.length);
  return verifyConsistency(
    head.size,
    leaves.length,
    proof,
    head.rootHash,
    rootFromLeafHashes(leaves),
  );
}

describe('tampering with the evidence log', () => {
  it('an honest log that grew since the report passes the audit', () => {
    expect(auditAgainstReport(honest)).toEqual({ ok: true });
    expect(auditAgainstReport(honest.slice(0, CHECKPOINT_SIZE))).toEqual({ ok: true });
  });

  it('any changed byte of an entry changes the root', () => {
    const before = rootFromLeafHashes(honest.slice(0, 10).map(leafHash));
    const target = honest[7]!;
    for (let i = 0; i < target.length; i += 1) {
      const edited = Uint8Array.from(target);
      edited[i] = edited[i]! ^ 0x01;
      const leaves = honest.slice(0, 10).map(leafHash);
      leaves[7] = leafHash(edited);
      expect(rootFromLeafHashes(leaves), `byte ${i}`).not.toEqual(before);
    }
  });

  it('an edited entry before the checkpoint fails the audit and its inclusion proof', () => {
    const log = [...honest];
    const text = new TextDecoder().decode(log[12]);
    log[12] = new TextEncoder().encode(text.replace('"published"', '"withdrawn"'));
    expect(auditAgainstReport(log)).toMatchObject({ ok: false, reason: 'root1-mismatch' });

    const head = verifyCheckpoint(published, key.verifier);
    const leaves = log.map(leafHash);
    const proof = inclusionProof(leaves, 12, CHECKPOINT_SIZE);
    expect(verifyInclusion(leaves[12]!, 12, CHECKPOINT_SIZE, proof, head.rootHash).ok).toBe(false);
  });

  it('a deleted entry fails the audit, even when the log grew again past the head', () => {
    const log = [...honest.slice(0, 30), ...honest.slice(31)];
    expect(auditAgainstReport(log)).toMatchObject({ ok: false, reason: 'root1-mismatch' });
  });

  it('two swapped entries fail the audit', () => {
    const log = [...honest];
    [log[20], log[21]] = [log[21]!, log[20]!];
    expect(auditAgainstReport(log)).toMatchObject({ ok: false, reason: 'root1-mismatch' });
  });

  it('a truncated log fails the audit, and so does one regrown with other entries', () => {
    expect(auditAgainstReport(honest.slice(0, 50))).toMatchObject({
      ok: false,
      reason: 'size-order',
    });
    const regrown = [
      ...honest.slice(0, 50),
      ...Array.from({ length: 50 }, (_, i) => entry(500 + i)),
    ];
    expect(auditAgainstReport(regrown)).toMatchObject({ ok: false, reason: 'root1-mismatch' });
  });

  it('a rewritten report checkpoint is refused before any proof is checked', () => {
    const head = verifyCheckpoint(published, key.verifier);
    const rewritten = published.replace(`\n${CHECKPOINT_SIZE}\n`, '\n50\n');
    expect(rewritten).not.toBe(published);
    expect(() => verifyCheckpoint(rewritten, key.verifier)).toThrow(/altered/);
    expect(head.size).toBe(CHECKPOINT_SIZE);
  });
});
