import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { appendEvidence } from '../../src/evidence/log.js';
import { verifyLog } from '../../src/evidence/log-verify.js';
import { CompactRange, leafHash } from '../../src/evidence/merkle.js';
import { createCheckpoint, evidenceKey } from '../../src/evidence/store-checkpoint.js';
import { engineForTests, rawForTests } from '../../src/store/testing.js';
import { storeEngines } from '../support/store-engines.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * verifyLog takes whole aligned blocks of 16 leaves into the tree as one subtree hashed beside
 * the leaves (on the worker or in-thread), and leaf by leaf where a checkpoint ends inside a
 * block or a page does not start on a multiple of 16: every way gives the same report.
 */
const engines = await storeEngines();

describe('a compact range given whole subtrees', () => {
  const leaves = Array.from({ length: 70 }, (_, i) => leafHash(Buffer.from(`entry ${i}`)));
  const subtree = (from: number, width: number) => {
    const r = new CompactRange();
    for (const leaf of leaves.slice(from, from + width)) r.append(leaf);
    return r.root();
  };

  it('has the root of the same leaves appended one by one', () => {
    const oneByOne = new CompactRange();
    const blocks = new CompactRange();
    for (const [at, width] of [
      [0, 16],
      [16, 1],
      [17, 1],
      [18, 2],
      [20, 4],
      [24, 8],
      [32, 32],
      [64, 2],
    ] as const) {
      for (const leaf of leaves.slice(at, at + width)) oneByOne.append(leaf);
      blocks.appendSubtree(subtree(at, width), Math.log2(width));
      expect(blocks.size).toBe(at + width);
      expect(blocks.root()).toEqual(oneByOne.root());
    }
  });

  it('refuses a subtree that does not start on a multiple of its width', () => {
    const range = new CompactRange();
    range.append(leaves[0]!);
    expect(() => range.appendSubtree(subtree(1, 16), 4)).toThrow(/16 leaves cannot follow 1/);
  });
});

describe.each(engines)('verifying a log of 50 entries in blocks on $name', (engine) => {
  it('gives one report whatever the pages, names an edit inside a block and a checkpoint ending in one', async () => {
    const store = await engine.open();
    try {
      const dataDir = await tempDir('evkey');
      const key = await evidenceKey(dataDir, {});
      for (let i = 0; i < 50; i += 1) {
        await store.transaction((tx) =>
          appendEvidence(tx, {
            kind: 'publication',
            channel: 'cong-tinh',
            time: `2024-03-01T${String(i % 24).padStart(2, '0')}:00:00Z`,
            actor: 'dispatcher',
          }),
        );
        // A checkpoint that ends inside the second block of 16 (size 21).
        if (i === 20) await createCheckpoint(store, key, DateTime.fromISO('2024-03-02T00:00:00Z'));
      }
      await createCheckpoint(store, key, DateTime.fromISO('2024-03-03T00:00:00Z'));
      const verify = (pageSize: number, worker: boolean) =>
        verifyLog(store, { verifier: key.verifier, pageSize, worker });
      const clean = await verify(32, true);
      expect(clean).toMatchObject({ size: 50, problems: [] });
      for (const [pageSize, worker] of [
        [32, false],
        [16, true],
        [7, true],
        [50, false],
      ] as const) {
        expect(await verify(pageSize, worker)).toEqual(clean);
      }

      if (engineForTests(store) === 'sqlite') {
        await sql`drop trigger evidence_entries_no_update`.execute(rawForTests(store));
      } else {
        await sql`alter table evidence_entries disable trigger all`.execute(rawForTests(store));
      }
      await sql`update evidence_entries set entry = replace(entry, 'cong-tinh', 'cong-tonh') where idx = 18`.execute(
        rawForTests(store),
      );
      const reports = await Promise.all([verify(32, true), verify(16, false), verify(7, true)]);
      for (const report of reports) {
        expect(report.problems).toEqual(reports[0]!.problems);
        expect(report.problems).toContainEqual(
          expect.objectContaining({ code: 'bytes-changed', index: 18 }),
        );
        // Both checkpoints (sizes 21 and 50) cover entry 18: each is named against its root.
        expect(report.problems.filter((p) => p.code === 'root').map((p) => p.checkpoint)).toEqual([
          1, 2,
        ]);
      }
    } finally {
      await store.close();
    }
  });
});
