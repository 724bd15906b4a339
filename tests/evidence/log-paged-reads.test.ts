import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvidence, type EvidenceInput } from '../../src/evidence/log.js';
import { auditEntries } from '../../src/evidence/log-audit.js';
import { listEvidence } from '../../src/evidence/log-filter.js';
import { verifyLog } from '../../src/evidence/log-verify.js';
import { evidenceKey } from '../../src/evidence/store-checkpoint.js';
import { engineForTests, rawForTests } from '../../src/store/testing.js';
import type { Store } from '../../src/store/types.js';
import { storeEngines } from '../support/store-engines.js';
import { tempDir } from '../support/temp-dir.js';

const engines = await storeEngines();
const ZONE = 'Asia/Ho_Chi_Minh';

function post(item: string, time: string, extra: Partial<EvidenceInput> = {}): EvidenceInput {
  return {
    kind: 'publication',
    channel: 'cong-ttdt',
    channelKind: 'wordpress',
    item,
    time,
    actor: 'dispatcher',
    ...extra,
  };
}

describe.each(engines)('reading the log for one period on $name', (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await engine.open();
    const inputs = [
      post('thang-1', '2024-01-10T09:00:00+07:00'),
      post('thang-2', '2024-02-10T09:00:00+07:00'),
      post('thang-5', '2024-05-10T09:00:00+07:00'),
      post('thang-12', '2023-12-10T09:00:00+07:00'),
      // Moves the February post out of the quarter, and the December one into it.
      { ...post('thang-2', '2024-04-02T09:00:00+07:00'), kind: 'correction', corrects: 1 },
      { ...post('thang-12', '2024-03-01T09:00:00+07:00'), kind: 'correction', corrects: 3 },
    ] satisfies EvidenceInput[];
    for (const input of inputs) {
      await store.transaction((tx) => appendEvidence(tx, input));
    }
  });
  afterAll(async () => {
    await store.close();
  });

  it('reads the range, every correction and the entries they name, in log order', async () => {
    const q1 = {
      start: DateTime.fromISO('2024-01-01', { zone: ZONE }),
      end: DateTime.fromISO('2024-04-01', { zone: ZONE }),
    };
    const now = DateTime.fromISO('2024-06-01', { zone: ZONE });
    const entries = await auditEntries(store, now, q1);
    expect(entries.map((e) => [e.index, e.item])).toEqual([
      [0, 'thang-1'],
      [1, 'thang-2'],
      [3, 'thang-12'],
      [4, 'thang-2'],
      [5, 'thang-12'],
    ]);
  });

  it('verifies the same on a worker thread as in-thread, page by page', async () => {
    const { verifier } = await evidenceKey(await tempDir('key'), {});
    const threaded = await verifyLog(store, {
      verifier,
      pageSize: 2,
      worker: true,
    });
    const inThread = await verifyLog(store, {
      verifier,
      pageSize: 4,
      worker: false,
    });
    expect(threaded).toEqual(inThread);
    expect(threaded).toMatchObject({ size: 6, problems: [] });
  });
});

describe.each(engines)('verifying entries in Vietnamese on $name', (engine) => {
  it('hashes multi-byte text exactly, page by page, and names a changed character', async () => {
    const store = await engine.open();
    try {
      const notes = [
        'Hội nghị tập huấn nghiệp vụ cải cách hành chính',
        'Lồng ghép CCHC trong buổi chào cờ đầu tháng 📢',
        'Tờ rơi “Dịch vụ công trực tuyến toàn trình”',
        'Bảng điện tử LED tại Trung tâm Phục vụ hành chính công',
        'Tọa đàm với báo Thái Bình',
      ];
      for (const [i, note] of notes.entries()) {
        await store.transaction((tx) =>
          appendEvidence(tx, {
            kind: 'manual',
            plan: 'thai-binh-2024',
            task: 'hoi-nghi-tap-huan',
            time: `2024-03-0${i + 1}T05:00:00Z`,
            actor: 'Nguyễn Văn Bình',
            note,
          }),
        );
      }
      const { verifier } = await evidenceKey(await tempDir('key'), {});
      const verify = () => verifyLog(store, { verifier, pageSize: 2, worker: true });
      expect(await verify()).toMatchObject({ size: 5, problems: [] });
      if (engineForTests(store) === 'sqlite') {
        await sql`drop trigger evidence_entries_no_update`.execute(rawForTests(store));
      } else {
        await sql`alter table evidence_entries disable trigger all`.execute(rawForTests(store));
      }
      await sql`update evidence_entries set entry = replace(entry, 'Tờ rơi', 'Tở rơi') where idx = 2`.execute(
        rawForTests(store),
      );
      const problems = (await verify()).problems;
      expect(problems.filter((p) => p.code === 'bytes-changed').map((p) => p.index)).toEqual([2]);
    } finally {
      await store.close();
    }
  });
});

describe.each(engines)('listing the latest entries of a long log on $name', (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await engine.open();
    // Written straight into the table (the listing reads no hash): 2,500 entries, more than
    // one chunk of the backwards read.
    const rows = Array.from({ length: 2500 }, (_, i) => {
      const entry = {
        kind: i % 2 ? 'airing' : 'publication',
        plan: 'p',
        channel: i % 5 === 0 ? 'a' : 'b',
        time: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
        actor: 'dispatcher',
        index: i,
      };
      return {
        idx: i,
        kind: entry.kind,
        time: entry.time,
        plan_id: 'p',
        entry: JSON.stringify(entry),
        leaf_hash: '0'.repeat(64),
      };
    });
    for (let i = 0; i < rows.length; i += 500) {
      await rawForTests(store)
        .insertInto('evidence_entries')
        .values(rows.slice(i, i + 500))
        .execute();
    }
  });
  afterAll(async () => {
    await store.close();
  });

  const indices = async (query: Parameters<typeof listEvidence>[1]) =>
    (await listEvidence(store, query)).map((e) => e.index);

  it('gives the latest matches in index order, and pages back from an index', async () => {
    expect(await indices({ channel: 'a', limit: 4 })).toEqual([2480, 2485, 2490, 2495]);
    expect(await indices({ channel: 'a', before: 2480, limit: 3 })).toEqual([2465, 2470, 2475]);
    expect(await indices({ kind: 'airing', channel: 'a', limit: 2 })).toEqual([2485, 2495]);
    expect(await indices({ plan: 'q', limit: 5 })).toEqual([]);
  });

  it('reads back through every chunk when the matches are few, or lists them all', async () => {
    const all = await indices({ channel: 'a', limit: 10_000 });
    expect(all).toHaveLength(500);
    expect(all[0]).toBe(0);
    expect(await indices({ channel: 'a' })).toEqual(all);
    const early = await indices({ to: new Date(Date.UTC(2024, 0, 1, 0, 10)).toISOString() });
    expect(early).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
