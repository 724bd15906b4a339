import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { appendEvidence } from '../../src/evidence/log.js';
import { verifyLog } from '../../src/evidence/log-verify.js';
import { leafHash } from '../../src/evidence/merkle.js';
import { createCheckpoint, evidenceKey } from '../../src/evidence/store-checkpoint.js';
import { engineForTests, rawForTests } from '../../src/store/testing.js';
import type { Store } from '../../src/store/types.js';
import { type EngineCase, storeEngines } from '../support/store-engines.js';
import { tempDir } from '../support/temp-dir.js';

const engines = await storeEngines();
const NOW = DateTime.fromISO('2024-04-01T00:00:00Z');

/** Drops the append-only triggers as an attacker with database access would. */
async function bypassTriggers(store: Store): Promise<void> {
  if (engineForTests(store) === 'sqlite') {
    await sql`drop trigger evidence_entries_no_update`.execute(rawForTests(store));
    await sql`drop trigger evidence_entries_no_delete`.execute(rawForTests(store));
  } else {
    await sql`alter table evidence_entries disable trigger all`.execute(rawForTests(store));
  }
}

describe.each(engines)('tampering with the evidence log on $name', (engine: EngineCase) => {
  let store: Store;
  let dataDir: string;
  beforeEach(async () => {
    store = await engine.open();
    dataDir = await tempDir('evkey');
    for (let i = 0; i < 20; i += 1) {
      await store.transaction((tx) =>
        appendEvidence(tx, {
          kind: i % 2 ? 'airing' : 'publication',
          channel: 'dai-tinh',
          time: `2024-03-${String(i + 1).padStart(2, '0')}T12:00:00Z`,
          durationSec: 900,
          actor: 'dispatcher',
        }),
      );
    }
    const key = await evidenceKey(dataDir, {});
    await createCheckpoint(store, key, NOW);
    return async () => store.close();
  });

  const verify = async () => {
    const key = await evidenceKey(dataDir, {});
    return verifyLog(store, { verifier: key.verifier, pageSize: 7 });
  };

  it('passes an untouched log', async () => {
    const report = await verify();
    expect(report.problems).toEqual([]);
    expect(report.size).toBe(20);
  });

  it('names an entry whose bytes were edited', async () => {
    await bypassTriggers(store);
    await sql`update evidence_entries set entry = replace(entry, '900', '901') where idx = 7`.execute(
      rawForTests(store),
    );
    const report = await verify();
    expect(report.problems).toContainEqual(
      expect.objectContaining({ code: 'bytes-changed', index: 7 }),
    );
  });

  it('names a removed entry', async () => {
    await bypassTriggers(store);
    await sql`delete from evidence_entries where idx = 11`.execute(rawForTests(store));
    const report = await verify();
    expect(report.problems).toContainEqual(
      expect.objectContaining({ code: 'missing', index: 11, expected: '11', found: '12' }),
    );
  });

  it('names two swapped entries, even with their leaf hashes swapped too', async () => {
    await bypassTriggers(store);
    await sql`update evidence_entries set idx = -1 where idx = 3`.execute(rawForTests(store));
    await sql`update evidence_entries set idx = 3 where idx = 4`.execute(rawForTests(store));
    await sql`update evidence_entries set idx = 4 where idx = -1`.execute(rawForTests(store));
    const report = await verify();
    const moved = report.problems.filter((p) => p.code === 'moved').map((p) => p.index);
    expect(moved).toEqual([3, 4]);
    expect(report.problems.some((p) => p.code === 'root')).toBe(true);
  });

  it('names an entry whose stored leaf hash was cut short, and only that one', async () => {
    await bypassTriggers(store);
    await sql`update evidence_entries set leaf_hash = substr(leaf_hash, 1, 63) where idx = 9`.execute(
      rawForTests(store),
    );
    const report = await verify();
    expect(report.problems).toEqual([expect.objectContaining({ code: 'bytes-changed', index: 9 })]);
  });

  // PostgreSQL refuses text that is not UTF-8; SQLite stores whatever it is given.
  if (engine.name === 'sqlite') {
    it('hashes the exact stored bytes, even when they are not UTF-8', async () => {
      await bypassTriggers(store);
      // 0xC3 0x28 is no UTF-8: read as text it would decode to U+FFFD and hash otherwise.
      await sql`update evidence_entries set entry = cast(replace(entry, '900', '9' || cast(X'C328' as text)) as blob) where idx = 12`.execute(
        rawForTests(store),
      );
      const report = await verify();
      const changed = report.problems.filter((p) => p.code === 'bytes-changed');
      expect(changed.map((p) => p.index)).toEqual([12]);
      const [row] = (
        await sql<{
          bytes: Buffer;
        }>`select cast(entry as blob) as bytes from evidence_entries where idx = 12`.execute(
          rawForTests(store),
        )
      ).rows;
      expect(changed[0]!.found).toBe(Buffer.from(leafHash(row!.bytes)).toString('hex'));
    });
  }

  it('finds a dropped tail against the signed checkpoint, even when the head is rewritten', async () => {
    await bypassTriggers(store);
    await sql`delete from evidence_entries where idx >= 17`.execute(rawForTests(store));
    await sql`update evidence_head set size = 17`.execute(rawForTests(store));
    const report = await verify();
    expect(report.problems).toContainEqual(
      expect.objectContaining({ code: 'truncated', index: 17, expected: '20', found: '17' }),
    );
  });
});
