import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { LoaError } from '../../src/errors/loa-error.js';
import { toStored } from '../../src/model/instant.js';
import type { ContentItem } from '../../src/model/item.js';
import {
  currentItemsMentioning,
  findItem,
  itemEvents,
  saveItemVersion,
  setItemStatus,
} from '../../src/store/items.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open-store.js';
import {
  listPublications,
  releaseLeases,
  schedulePublication,
  settlePublication,
} from '../../src/store/publications.js';
import { rawForTests } from '../../src/store/testing.js';
import type { Store } from '../../src/store/types.js';
import { storeEngines } from '../support/store-engines.js';

const engines = await storeEngines();
const NOW = DateTime.fromISO('2024-03-01T01:00:00Z', { zone: 'utc' });
const by = { actor: 'tester', at: toStored(NOW) };

function item(id: string, title = 'Tin CCHC'): ContentItem {
  return {
    id,
    title,
    channels: ['tep'],
    unit: 'so-noi-vu',
    author: 'Phòng CCHC',
    topics: [],
    priority: 3,
    media: [],
    repost: false,
    evergreen: false,
    status: 'approved',
    body: 'Nội dung',
  };
}

async function seed(store: Store, count: number): Promise<void> {
  await store.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const row = await saveItemVersion(
        tx,
        { item: item(`tin-${i}`), source: 'cli', path: 'x', status: 'approved' },
        by,
      );
      const slot = toStored(NOW.minus({ minutes: count - i }));
      await schedulePublication(tx, {
        key: `tep/tin-${i}@${slot}`,
        item: row!,
        channelId: 'tep',
        slot,
        plannedBy: 'publishAt',
        now: by.at,
      });
    }
  });
}

describe.each(engines)('store on $name', (engine) => {
  const opened: Store[] = [];
  const open = async () => {
    const store = await engine.open();
    opened.push(store);
    return store;
  };
  afterAll(async () => {
    for (const s of opened) await s.close();
  });

  it('applies every migration once, and again is a no-op', async () => {
    const store = await open();
    const env = await engine.env();
    const again = await openStore({ databaseUrl: env.LOA_DATABASE_URL, dataDir: env.LOA_DATA_DIR });
    await again.close();
    const rows = await rawForTests(store)
      .selectFrom('loa_migrations')
      .select('version')
      .orderBy('version')
      .execute();
    expect(rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('keeps versions of an item and records who changed its state and when', async () => {
    const store = await open();
    await store.transaction((tx) =>
      saveItemVersion(tx, { item: item('a'), source: 'cli', path: 'a.md', status: 'draft' }, by),
    );
    const same = await store.transaction((tx) =>
      saveItemVersion(tx, { item: item('a'), source: 'cli', path: 'a.md', status: 'draft' }, by),
    );
    expect(same).toBeUndefined();
    const v2 = await store.transaction((tx) =>
      saveItemVersion(
        tx,
        { item: item('a', 'Tin đã sửa'), source: 'cli', path: 'a.md', status: 'draft' },
        by,
      ),
    );
    expect(v2?.version).toBe(2);
    await store.transaction(async (tx) =>
      setItemStatus(tx, (await findItem(tx, 'a'))!, 'approved', {
        actor: 'Nguyễn Văn A',
        at: by.at,
      }),
    );
    const events = await itemEvents(store, 'a');
    expect(events.map((e) => [e.version, e.to_status, e.actor])).toEqual([
      [1, 'draft', 'tester'],
      [2, 'draft', 'tester'],
      [2, 'approved', 'Nguyễn Văn A'],
    ]);
  });

  it('reads the items meant for a channel with their current documents, in one query', async () => {
    const store = await open();
    const save = (doc: ContentItem, status: 'approved' | 'withdrawn' = 'approved') =>
      store.transaction((tx) =>
        saveItemVersion(tx, { item: doc, source: 'cli', path: `${doc.id}.md`, status }, by),
      );
    await save({ ...item('loa-1'), channels: ['loa-vu-ninh'] });
    await save({ ...item('loa-2', 'Bản đầu'), channels: ['tep', 'loa-vu-ninh'] });
    await save({ ...item('loa-2', 'Bản sửa'), channels: ['tep', 'loa-vu-ninh'] });
    await save({ ...item('other'), channels: ['loa-vu-ninh-2'] });
    // The word as another field's string is found too (the caller checks the channels); a
    // word with LIKE's wildcards is found only as itself.
    await save({ ...item('mention'), topics: ['loa-vu-ninh'], title: 'loa_vu%ninh' });
    await save({ ...item('gone'), channels: ['loa-vu-ninh'] }, 'withdrawn');
    const found = await currentItemsMentioning(store, 'loa-vu-ninh');
    expect(found.map((f) => [f.row.id, f.row.version, f.item.title])).toEqual([
      ['loa-1', 1, 'Tin CCHC'],
      ['loa-2', 2, 'Bản sửa'],
      ['mention', 1, 'loa_vu%ninh'],
    ]);
    expect(await currentItemsMentioning(store, 'loa-vu_ninh')).toEqual([]);
    expect(await currentItemsMentioning(store, 'loa-vu%')).toEqual([]);
    expect((await currentItemsMentioning(store, 'loa_vu%ninh')).map((f) => f.row.id)).toEqual([
      'mention',
    ]);
  });

  it('rolls a failed transaction back whole', async () => {
    const store = await open();
    await expect(
      store.transaction(async (tx) => {
        await saveItemVersion(
          tx,
          { item: item('b'), source: 'cli', path: 'b.md', status: 'draft' },
          by,
        );
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await findItem(store, 'b')).toBeUndefined();
  });

  it('gives each due publication to exactly one of many concurrent claimers', async () => {
    const store = await open();
    await seed(store, 60);
    const claims = await Promise.all(
      ['w1', 'w2', 'w3', 'w4'].map((worker) =>
        store.claimDue({
          channels: ['tep'],
          now: by.at,
          leaseUntil: toStored(NOW.plus({ minutes: 2 })),
          worker,
          perChannel: 25,
        }),
      ),
    );
    const keys = claims.flat().map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(60);
    expect(claims.flat().every((r) => r.needs_reconcile === 0)).toBe(true);
  });

  it('hands out an expired lease again, marked for reconciling, and refuses the old holder', async () => {
    const store = await open();
    await seed(store, 3);
    const lease = {
      channels: ['tep'],
      now: by.at,
      leaseUntil: toStored(NOW.plus({ minutes: 2 })),
      perChannel: 10,
    };
    const first = await store.claimDue({ ...lease, worker: 'dead' });
    expect(first).toHaveLength(3);
    expect(await store.claimDue({ ...lease, worker: 'other' })).toHaveLength(0);
    const later = toStored(NOW.plus({ minutes: 3 }));
    const second = await store.claimDue({
      ...lease,
      now: later,
      leaseUntil: toStored(NOW.plus({ minutes: 5 })),
      worker: 'other',
    });
    expect(second.map((r) => r.needs_reconcile)).toEqual([1, 1, 1]);
    const key = second[0]!.key;
    expect(
      await store.transaction((tx) => settlePublication(tx, key, 'dead', { status: 'published' })),
    ).toBe(false);
    expect(
      await store.transaction((tx) => settlePublication(tx, key, 'other', { status: 'published' })),
    ).toBe(true);
    await store.transaction((tx) =>
      releaseLeases(
        tx,
        second.slice(1).map((r) => r.key),
        'other',
      ),
    );
    const rows = await listPublications(store);
    expect(rows.filter((r) => r.status === 'published')).toHaveLength(1);
    expect(rows.filter((r) => r.lease_owner !== null)).toHaveLength(0);
  });
});

describe('store errors', () => {
  it('reports an unreachable PostgreSQL clearly, without the password', async () => {
    const error = await openStore({ databaseUrl: 'postgres://loa:secret@127.0.0.1:1/test' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LoaError);
    expect((error as LoaError).code).toBe('STORE_UNREACHABLE');
    expect((error as LoaError).message).not.toContain('secret');
  });
});
