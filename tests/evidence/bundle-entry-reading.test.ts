import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { appendEvidence, type EvidenceInput } from '../../src/evidence/log.js';
import { openStore } from '../../src/store/open-store.js';
import { captureOutput } from '../support/capture-output.js';
import { tempDir } from '../support/temp-dir.js';
import { extractZip } from '../support/unzip.js';

/**
 * verify.mjs reads most entries column by column and parses the others whole (nested values,
 * escapes, corrections): its recomputed summary must agree with loa's either way. A March of the
 * fixture project gains a correction that changes (not voids) a publication scanned by columns,
 * so it no longer counts, and a publication parsed whole (topics, a quote in its item) that
 * counts through its channel; the bundle must stay VALID (summary.csv as loa wrote it).
 */
const FIXTURE = join(import.meta.dirname, '../fixtures/sched-project');
const run = promisify(execFile);

describe('verify.mjs on entries read by columns and parsed whole', () => {
  const saved = { ...process.env };
  let dataDir: string;
  const loa = async (args: string[]) => {
    const out = captureOutput();
    const code = await main(args, out);
    expect(code, out.all()).toBe(0);
  };
  const append = async (input: EvidenceInput) => {
    const store = await openStore({ dataDir });
    await store.transaction((tx) => appendEvidence(tx, input));
    await store.close();
  };
  /** The March bundle exported now, verified by its own verify.mjs. */
  const exportMarch = async (name: string) => {
    const zip = join(dataDir, `${name}.zip`);
    await loa([
      'evidence',
      'export',
      '--dir',
      FIXTURE,
      '--from',
      '2024-03-01',
      '--to',
      '2024-03-31',
      '--out',
      zip,
    ]);
    const dir = await tempDir(name);
    await extractZip(zip, dir);
    // An INVALID answer exits 1: its message is kept for the assertions below.
    const stdout = await run(process.execPath, [join(dir, 'verify.mjs')], { cwd: dir }).then(
      (r) => r.stdout,
      (error: { stdout: string }) => error.stdout,
    );
    const entries = (await readFile(join(dir, 'entries.jsonl'), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    // The entries loa counts for March (audit.json; verify.mjs holds summary.csv to the same).
    const audit = JSON.parse(await readFile(join(dir, 'audit.json'), 'utf8')) as {
      plans: { result: { tasks: { periods: { label: string; evidence: number[] }[] }[] } }[];
    };
    const counted = audit.plans.flatMap((p) =>
      p.result.tasks.flatMap((t) =>
        t.periods.filter((q) => q.label === '2024-03').flatMap((q) => q.evidence),
      ),
    );
    return { stdout, entries, counted };
  };

  beforeAll(async () => {
    dataDir = await tempDir('bundle-reading');
    process.env.LOA_DATA_DIR = dataDir;
    process.env.LOA_LANG = 'en';
    delete process.env.LOA_DATABASE_URL;
    await loa(['simulate', '--dir', FIXTURE, '--from', '2024-03-01', '--to', '2024-03-31']);
  });
  afterAll(() => {
    process.env = saved;
  });

  it('agrees with loa on a corrected publication and on one parsed whole', async () => {
    const before = await exportMarch('before');
    expect(before.stdout).toMatch(/^HỢP LỆ \/ VALID: \d+ entries/);
    const target = before.entries.find((e) => e.kind === 'publication' && e.channel === 'tep');
    expect(target, 'a publication through the files channel').toBeDefined();
    const index = target?.index as number;
    expect(before.counted).toContain(index);

    // Corrected to a channel kind the task does not take: it no longer counts.
    await append({
      kind: 'correction',
      corrects: index,
      channelKind: 'broadcast',
      time: '2024-03-26T03:00:00.000Z',
      actor: 'can-bo',
    });
    // Topics and an escaped quote: parsed whole; it counts through the files channel.
    await append({
      kind: 'publication',
      plan: 'tinh-thu',
      channel: 'tep',
      channelKind: 'files',
      item: 'tin "đặc biệt"',
      topics: ['thu-tuc-hanh-chinh'],
      time: '2024-03-27T02:00:00.000Z',
      actor: 'dispatcher',
    });
    const after = await exportMarch('after');
    const whole = after.entries.find((e) => e.item === 'tin "đặc biệt"');
    expect(whole).toBeDefined();
    expect(after.counted).not.toContain(index);
    expect(after.counted).toContain(whole?.index);
    expect(after.counted.length).toBe(before.counted.length);
    expect(after.stdout).toMatch(/^HỢP LỆ \/ VALID: \d+ entries/);
  });
});
