import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureOutput } from '../support/capture-output.js';
import { tempDir } from '../support/temp-dir.js';
import { extractZip } from '../support/unzip.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/sched-project');
const run = promisify(execFile);

async function loa(args: string[]) {
  const out = captureOutput();
  const code = await main(args, out);
  return { code, out: out.stdout.join('\n'), err: out.stderr.join('\n') };
}

async function verifyBundle(dir: string) {
  try {
    const { stdout } = await run(process.execPath, [join(dir, 'verify.mjs')], { cwd: dir });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

describe('evidence, audit and report commands after a simulated March', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await tempDir('ev-cli');
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
  });

  it('audits the month with entry indices as proof and the completion', async () => {
    const audit = await loa([
      'audit',
      '--dir',
      FIXTURE,
      '--plan',
      'tinh-thu',
      '--period',
      '2024-03',
    ]);
    expect(audit.code).toBe(0);
    expect(audit.out).toContain('2024-03');
    expect(audit.out).toMatch(/#0 #1 #2/);
    expect(audit.out).toMatch(/100%/);
  });

  it('lists the entries, by kind, by channel and by local day, and refuses an unknown kind', async () => {
    const all = await loa(['evidence', 'list', '--dir', FIXTURE, '--json']);
    expect(all.code, all.err).toBe(0);
    const entries = JSON.parse(all.out) as Array<{
      index: number;
      kind: string;
      channel?: string;
      time: string;
    }>;
    expect(entries.length).toBeGreaterThan(3);
    expect(entries.map((e) => e.index)).toEqual(entries.map((_, i) => i));

    const kinds = new Set(entries.map((e) => e.kind));
    expect(kinds.size).toBeGreaterThan(0);
    for (const kind of kinds) {
      const listed = await loa(['evidence', 'list', '--dir', FIXTURE, '--kind', kind]);
      expect(listed.code).toBe(0);
      const lines = listed.out.split('\n').filter(Boolean);
      expect(lines.length).toBe(entries.filter((e) => e.kind === kind).length);
      expect(lines.every((l) => l.includes(`  ${kind}  `))).toBe(true);
      expect(listed.err).toContain(`${lines.length} entries (times in Asia/Ho_Chi_Minh)`);
    }
    const channel = entries.find((e) => e.channel !== undefined)!.channel!;
    const byChannel = await loa([
      'evidence',
      'list',
      '--dir',
      FIXTURE,
      '--channel',
      channel,
      '--json',
    ]);
    const listed = (JSON.parse(byChannel.out) as typeof entries).map((e) => e.index);
    expect(listed).toEqual(entries.filter((e) => e.channel === channel).map((e) => e.index));
    expect(listed.length).toBeGreaterThan(0);

    // One local day: the entries whose time falls on it in the plan's zone, and only those.
    const first = entries[0]!;
    const localDay = new Date(Date.parse(first.time) + 7 * 3_600_000).toISOString().slice(0, 10);
    const oneDay = await loa([
      'evidence',
      'list',
      '--dir',
      FIXTURE,
      '--from',
      localDay,
      '--to',
      localDay,
      '--json',
    ]);
    const onDay = JSON.parse(oneDay.out) as typeof entries;
    const expected = entries.filter(
      (e) => new Date(Date.parse(e.time) + 7 * 3_600_000).toISOString().slice(0, 10) === localDay,
    );
    expect(onDay.map((e) => e.index)).toEqual(expected.map((e) => e.index));

    const latest = await loa(['evidence', 'list', '--dir', FIXTURE, '--limit', '2', '--json']);
    expect((JSON.parse(latest.out) as typeof entries).map((e) => e.index)).toEqual(
      entries.slice(-2).map((e) => e.index),
    );
    const none = await loa(['evidence', 'list', '--dir', FIXTURE, '--limit', '0']);
    expect(none.code).not.toBe(0);
    expect(none.err).toContain('Invalid value for --limit: "0"');

    const bad = await loa(['evidence', 'list', '--dir', FIXTURE, '--kind', 'tweet']);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('No evidence kind "tweet"');
    expect(bad.err).toContain('publication, airing, bulletin-issue, manual, report, correction');
  });

  it('exports a bundle that verify.mjs accepts, and names an entry cut out of it', async () => {
    const zip = join(dataDir, 'march.zip');
    const exp = await loa([
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
    expect(exp.code).toBe(0);
    const dir = await tempDir('bundle');
    await extractZip(zip, dir);
    const good = await verifyBundle(dir);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('VALID: 15 entries');
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toContain('Cách kiểm tra');
    expect(await readFile(join(dir, 'summary.csv'), 'utf8')).toContain('tinh-thu');

    const lines = (await readFile(join(dir, 'entries.jsonl'), 'utf8')).split('\n');
    await writeFile(join(dir, 'entries.jsonl'), lines.filter((_, i) => i !== 4).join('\n'));
    const cut = await verifyBundle(dir);
    expect(cut.code).toBe(1);
    expect(cut.stdout).toContain('entry 4: missing');

    const edited = [...lines];
    edited[6] = edited[6]!.replace('"kind":"publication"', '"kind":"manual"');
    await writeFile(join(dir, 'entries.jsonl'), edited.join('\n'));
    const changed = await verifyBundle(dir);
    expect(changed.stdout).toContain('entry 6: bytes changed');
  });

  it('writes the Q1 report as a docx with the checkpoint, and records it', async () => {
    const out = join(dataDir, 'q1.docx');
    const report = await loa([
      'report',
      '--dir',
      FIXTURE,
      '--plan',
      'tinh-thu',
      '--period',
      '2024-Q1',
      '--out',
      out,
    ]);
    expect(report.code).toBe(0);
    const { value } = await mammoth.extractRawText({ buffer: await readFile(out) });
    expect(value).toContain('Lưu: VT');
    expect(value).toMatch(/[0-9a-f]{64}/);
  });

  it("verify passes, then fails naming the airing removed behind loa's back", async () => {
    expect((await loa(['evidence', 'verify'])).code).toBe(0);
    const db = new BetterSqlite3(join(dataDir, 'loa.db'));
    db.exec('drop trigger evidence_entries_no_delete');
    db.prepare('delete from evidence_entries where idx = 9').run();
    db.close();
    const after = await loa(['evidence', 'verify']);
    expect(after.code).toBe(1);
    expect(after.err).toMatch(/entry 9: removed \(expected index 9, found 10\)/);
  });
});
