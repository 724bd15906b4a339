import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { verifyCheckpoint } from '../../src/evidence/checkpoint.js';
import { appendEvidence, evidenceSize } from '../../src/evidence/log.js';
import {
  evidenceKey,
  freshCheckpoint,
  latestCheckpoint,
  listCheckpoints,
} from '../../src/evidence/store-checkpoint.js';
import { openStore } from '../../src/store/open-store.js';
import { rawForTests } from '../../src/store/testing.js';
import { captureOutput } from '../support/capture-output.js';
import { tempDir } from '../support/temp-dir.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/sched-project');
const NOW = DateTime.fromISO('2024-04-20T00:00:00Z');

async function loa(args: string[]) {
  const out = captureOutput();
  const code = await main(args, out);
  return { code, text: out.all() };
}

/** A publication of March appended after the latest checkpoint (entry 27 after a checkpoint of 26). */
async function appendAfterCheckpoint(dataDir: string) {
  const store = await openStore({ dataDir });
  await store.transaction((tx) =>
    appendEvidence(tx, {
      kind: 'publication',
      plan: 'tinh-thu',
      channel: 'tep',
      channelKind: 'files',
      time: '2024-03-29T02:00:00Z',
      actor: 'dispatcher',
    }),
  );
  const size = await evidenceSize(store);
  await store.close();
  return size;
}

describe('fresh checkpoints where they are read', () => {
  const saved = { ...process.env };
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await tempDir('fresh-cp');
    process.env.LOA_DATA_DIR = dataDir;
    process.env.LOA_LANG = 'en';
    delete process.env.LOA_DATABASE_URL;
    const sim = await loa([
      'simulate',
      '--dir',
      FIXTURE,
      '--from',
      '2024-03-01',
      '--to',
      '2024-03-31',
    ]);
    expect(sim.code).toBe(0);
    expect((await loa(['evidence', 'checkpoint'])).code).toBe(0);
  });
  afterAll(() => {
    process.env = saved;
  });

  it('loa report prints a checkpoint signed over every entry it counts, the one appended last included', async () => {
    const size = await appendAfterCheckpoint(dataDir);
    const out = join(dataDir, 'q1.md');
    const report = await loa([
      'report',
      '--dir',
      FIXTURE,
      '--plan',
      'tinh-thu',
      '--period',
      '2024-Q1',
      '--format',
      'md',
      '--out',
      out,
    ]);
    expect(report.code, report.text).toBe(0);
    const text = await readFile(out, 'utf8');
    const store = await openStore({ dataDir });
    try {
      const checkpoints = await listCheckpoints(store);
      const signed = checkpoints.at(-1)!;
      // The report's own entry comes after: the checkpoint signs what the report counted.
      expect(signed.size).toBe(size);
      expect(text).toContain(
        `Điểm kiểm tra của nhật ký: ${size} mục; mã băm gốc (SHA-256): ${signed.rootHashHex}`,
      );
      // The report is logged after, naming the checkpoint it printed.
      const logged = await rawForTests(store)
        .selectFrom('evidence_entries')
        .select('entry')
        .where('kind', '=', 'report')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(logged.entry).note).toContain(`checkpoint ${size}`);
    } finally {
      await store.close();
    }
  });

  it('a checkpoint read without writing is signed over the log as it is, and not stored', async () => {
    const size = await appendAfterCheckpoint(dataDir);
    const store = await openStore({ dataDir });
    try {
      const key = await evidenceKey(dataDir, {});
      const stored = (await listCheckpoints(store)).length;
      const fresh = await freshCheckpoint(store, key, NOW, { store: false });
      expect(fresh.size).toBe(size);
      expect(verifyCheckpoint(fresh.note, key.verifier).size).toBe(size);
      expect(await listCheckpoints(store)).toHaveLength(stored);
      // When the latest stored checkpoint covers the log, it is the one given.
      const made = await freshCheckpoint(store, key, NOW, { store: true });
      expect(made.id).toBeGreaterThan(0);
      expect(await freshCheckpoint(store, key, NOW, { store: false })).toEqual(
        await latestCheckpoint(store),
      );
    } finally {
      await store.close();
    }
  });
});
