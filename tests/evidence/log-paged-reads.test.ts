import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvidence, type EvidenceInput } from '../../src/evidence/log.js';
import { auditEntries } from '../../src/evidence/log-audit.js';
import { verifyLog } from '../../src/evidence/log-verify.js';
import { evidenceKey } from '../../src/evidence/store-checkpoint.js';
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
      await store.transaction((tx) => appendEvidence(tx, store.engine, input));
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
    const entries = await auditEntries(store.db, now, q1);
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
    const threaded = await verifyLog(store.db, {
      engine: store.engine,
      verifier,
      pageSize: 2,
      worker: true,
    });
    const inThread = await verifyLog(store.db, {
      engine: store.engine,
      verifier,
      pageSize: 4,
      worker: false,
    });
    expect(threaded).toEqual(inThread);
    expect(threaded).toMatchObject({ size: 6, problems: [] });
  });
});
