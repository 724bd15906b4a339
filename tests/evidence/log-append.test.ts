import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendEvidence,
  appendEvidenceBatch,
  type EvidenceInput,
  readEvidence,
} from '../../src/evidence/log.js';
import { rootFromLeafHashes } from '../../src/evidence/merkle.js';
import { leafHash } from '../../src/evidence/tree-hash.js';
import { rawForTests } from '../../src/store/testing.js';
import type { Store } from '../../src/store/types.js';
import { storeEngines } from '../support/store-engines.js';

const engines = await storeEngines();

function airing(n: number): EvidenceInput {
  return {
    kind: 'airing',
    plan: 'kh-2024',
    task: 'phat-song',
    channel: 'vtv-tinh',
    channelKind: 'broadcast',
    time: `2024-03-0${(n % 9) + 1}T13:00:00+07:00`,
    durationSec: 900,
    topics: ['Cải cách thủ tục hành chính'],
    actor: 'dispatcher',
  };
}

describe.each(engines)('evidence log on $name', (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await engine.open();
  });
  afterAll(async () => {
    await store.close();
  });

  it('appends contiguous entries whose leaf hashes cover the stored canonical bytes', async () => {
    const first = await store.transaction((tx) => appendEvidence(tx, airing(1)));
    const second = await store.transaction((tx) => appendEvidence(tx, airing(2)));
    expect([first.index, second.index]).toEqual([0, 1]);
    const entries = await readEvidence(store);
    expect(entries.map((e) => e.index)).toEqual([0, 1]);
    expect(entries[0]?.time).toBe('2024-03-02T06:00:00.000Z');
    expect(entries[0]?.topics).toEqual(['Cải cách thủ tục hành chính']);
    const rows = await rawForTests(store)
      .selectFrom('evidence_entries')
      .selectAll()
      .orderBy('idx')
      .execute();
    for (const row of rows) {
      const hex = Buffer.from(leafHash(Buffer.from(row.entry, 'utf8'))).toString('hex');
      expect(row.leaf_hash).toBe(hex);
    }
    const head = await rawForTests(store)
      .selectFrom('evidence_head')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(Number(head.size)).toBe(2);
    expect(rootFromLeafHashes(rows.map((r) => Buffer.from(r.leaf_hash, 'hex')))).toHaveLength(32);
  });

  it('leaves no entry and no gap when the transaction rolls back', async () => {
    await expect(
      store.transaction(async (tx) => {
        await appendEvidence(tx, airing(3));
        throw new Error('state change failed');
      }),
    ).rejects.toThrow('state change failed');
    const next = await store.transaction((tx) => appendEvidence(tx, airing(4)));
    expect(next.index).toBe(2);
    expect((await readEvidence(store)).map((e) => e.index)).toEqual([0, 1, 2]);
  });

  it('refuses update and delete in the database itself', async () => {
    await expect(
      sql`update evidence_entries set entry = 'x' where idx = 0`.execute(rawForTests(store)),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`delete from evidence_entries where idx = 1`.execute(rawForTests(store)),
    ).rejects.toThrow(/append-only/);
    expect(await readEvidence(store)).toHaveLength(3);
  });

  it('refuses an entry without a readable time', async () => {
    await expect(
      store.transaction((tx) => appendEvidence(tx, { ...airing(1), time: 'hôm qua' })),
    ).rejects.toMatchObject({ code: 'EVIDENCE_ENTRY_INVALID' });
  });

  it('appends a batch in order, contiguous after what is there, or nothing at all', async () => {
    const before = (await readEvidence(store)).length;
    await expect(
      store.transaction((tx) =>
        appendEvidenceBatch(tx, [airing(5), { ...airing(6), actor: ' ' }, airing(7)]),
      ),
    ).rejects.toMatchObject({ code: 'EVIDENCE_ENTRY_INVALID' });
    expect(await readEvidence(store)).toHaveLength(before);
    const inputs = Array.from({ length: 150 }, (_, i) => ({ ...airing(i), item: `tin-${i}` }));
    const appended = await store.transaction((tx) => appendEvidenceBatch(tx, inputs));
    expect(appended.map((a) => a.index)).toEqual(inputs.map((_, i) => before + i));
    const entries = await readEvidence(store);
    expect(entries.slice(before).map((e) => e.item)).toEqual(inputs.map((i) => i.item));
    expect(entries.slice(before).map((e) => e.leafHash)).toEqual(appended.map((a) => a.leafHash));
    const next = await store.transaction((tx) => appendEvidence(tx, airing(8)));
    expect(next.index).toBe(before + 150);
  });
});
