import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { readEvidence } from '../../src/evidence/log.js';
import { latestCheckpoint } from '../../src/evidence/store-checkpoint.js';
import { openStore } from '../../src/store/open-store.js';
import { captureOutput } from '../support/capture-output.js';
import { tempDir } from '../support/temp-dir.js';
import { extractZip } from '../support/unzip.js';

/** The repository itself: schedules/, channels/ and content/ as shipped. */
const ROOT = join(import.meta.dirname, '../..');
const run = promisify(execFile);

async function loa(args: string[]) {
  const out = captureOutput();
  const code = await main([...args, '--dir', ROOT], out);
  return { code, out: out.stdout.join('\n'), err: out.stderr.join('\n') };
}

async function entries() {
  const store = await openStore({ dataDir: process.env.LOA_DATA_DIR });
  try {
    return { log: await readEvidence(store), checkpoint: await latestCheckpoint(store) };
  } finally {
    await store.close();
  }
}

interface AuditPeriod {
  label: string;
  required: number;
  achieved: number;
  status: string;
  evidence: number[];
  rejected: { index: number; reason: string }[];
}
interface AuditTask {
  id: string;
  source: string;
  per: string;
  periods: AuditPeriod[];
}

describe("the repository's examples over a simulated first quarter of 2024", () => {
  let dataDir: string;
  let simulated: { code: number; out: string; err: string };
  beforeAll(async () => {
    dataDir = await tempDir('quarter');
    process.env.LOA_DATA_DIR = dataDir;
    process.env.LOA_LANG = 'en';
    delete process.env.LOA_DATABASE_URL;
    simulated = await loa(['simulate', '--from', '2024-01-01', '--to', '2024-03-31']);
  }, 120_000);

  it('airs the weekly programmes among the events, and airs nothing twice on a rerun', async () => {
    expect(simulated.code).toBe(0);
    const tv = simulated.out.split('\n').filter((l) => l.includes('thai-binh-tv-cchc@'));
    expect(tv).toHaveLength(13);
    // Every Friday of March has at least 15 minutes of approved material in content/.
    for (const day of ['01', '08', '15', '22', '29']) {
      expect(tv.find((l) => l.startsWith(`2024-03-${day} 20:00`))).toMatch(/ aired$/);
    }
    // In January only the undated evergreen fillers exist: aired, below the 15-minute minimum.
    expect(tv.some((l) => l.startsWith('2024-01') && / aired-short$/.test(l))).toBe(true);
    // Weeks with nothing approved are not aired at all.
    expect(tv.some((l) => l.startsWith('2024-02') && / missed$/.test(l))).toBe(true);
    const airings = (await entries()).log.filter((e) => e.kind === 'airing');
    expect(airings.map((e) => e.key)).toContain('thai-binh-tv-cchc@20240308T130000Z');

    const again = await loa(['simulate', '--from', '2024-01-01', '--to', '2024-03-31']);
    expect(again.code).toBe(0);
    expect(again.out).not.toMatch(/ aired(-short)?$/m);
    expect((await entries()).log.filter((e) => e.kind === 'airing')).toHaveLength(airings.length);
  }, 120_000);

  it('audits the weekly programme per ISO week and the bulletin per month', async () => {
    const audit = await loa([
      'audit',
      '--plan',
      'bnv-2024',
      '--period',
      '2024-Q1',
      '--format',
      'json',
    ]);
    expect(audit.code).toBe(0);
    const report = JSON.parse(audit.out) as {
      tasks: AuditTask[];
      completion: { percent: number };
    };
    const { log } = await entries();
    const weekly = report.tasks.find((t) => t.source === 'IV.1.d' && t.per === 'week');
    expect(weekly?.periods.map((p) => p.label)).toEqual(
      Array.from({ length: 13 }, (_, i) => `2024-W${String(i + 1).padStart(2, '0')}`),
    );
    const week = (label: string) => weekly?.periods.find((p) => p.label === label);
    for (const [label, day] of [
      ['2024-W09', '2024-03-01'],
      ['2024-W10', '2024-03-08'],
      ['2024-W11', '2024-03-15'],
      ['2024-W12', '2024-03-22'],
      ['2024-W13', '2024-03-29'],
    ] as const) {
      expect(week(label)).toMatchObject({ required: 1, achieved: 1, status: 'met' });
      const proof = log[week(label)?.evidence[0] ?? -1];
      expect(proof).toMatchObject({ kind: 'airing', channel: 'thai-binh-tv-cchc' });
      expect(proof?.time).toBe(`${day}T13:00:00.000Z`);
    }
    // A short January airing is on record but does not meet its week; empty weeks are missed.
    const short = weekly?.periods.find((p) => p.rejected.length > 0);
    expect(short).toMatchObject({ achieved: 0, status: 'missed' });
    expect(short?.rejected).toEqual([expect.objectContaining({ reason: 'too-short' })]);
    expect(weekly?.periods.some((p) => p.status === 'missed' && p.evidence.length === 0)).toBe(
      true,
    );
    expect(report.completion.percent).toBeGreaterThan(0);
    expect(report.completion.percent).toBeLessThan(100);

    const bulletin = report.tasks.find((t) => t.source === 'IV.1.b' && t.id === 'ban-tin-dien-tu');
    expect(bulletin?.periods.map((p) => [p.label, p.required])).toEqual([
      ['2024-01', 4],
      ['2024-02', 4],
      ['2024-03', 4],
    ]);
    for (const index of bulletin?.periods.flatMap((p) => p.evidence) ?? []) {
      expect(log[index]?.kind).toBe('bulletin-issue');
    }
    // An issue carries the topics of its articles, so a task on a topic can count it.
    const issues = log.filter((e) => e.kind === 'bulletin-issue');
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(issue.topics?.length, issue.key).toBeGreaterThan(0);
  });

  it('exports the quarter as a bundle that verify.mjs accepts', async () => {
    const zip = join(dataDir, 'q1.zip');
    const exported = await loa([
      'evidence',
      'export',
      '--from',
      '2024-01-01',
      '--to',
      '2024-03-31',
      '--out',
      zip,
    ]);
    expect(exported.code).toBe(0);
    const dir = await tempDir('q1-bundle');
    await extractZip(zip, dir);
    const { stdout } = await run(process.execPath, [join(dir, 'verify.mjs')], { cwd: dir });
    expect(stdout).toMatch(/VALID: \d+ entries/);
    expect(await readFile(join(dir, 'entries.jsonl'), 'utf8')).toContain('"kind":"airing"');
  });

  it('writes the Q1 report of Thái Bình as a docx and records it in the log', async () => {
    const out = join(dataDir, 'bao-cao-q1.docx');
    const report = await loa([
      'report',
      '--plan',
      'thai-binh-2024',
      '--period',
      '2024-Q1',
      '--format',
      'docx',
      '--out',
      out,
    ]);
    expect(report.code).toBe(0);
    const { value } = await mammoth.extractRawText({ buffer: await readFile(out) });
    const { log, checkpoint } = await entries();
    expect(value).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(value).toContain('BÁO CÁO');
    expect(value).toContain('Lưu: VT');
    expect(value).toContain(checkpoint?.rootHashHex);
    expect(log.at(-1)).toMatchObject({ kind: 'report', plan: 'thai-binh-2024' });
  });

  it("verifies the log, then names the airing removed behind loa's back", async () => {
    expect((await loa(['evidence', 'verify'])).code).toBe(0);
    const { log } = await entries();
    const airing = log.find((e) => e.key === 'thai-binh-tv-cchc@20240308T130000Z');
    const index = airing?.index ?? -1;
    expect(index).toBeGreaterThan(0);
    const db = new BetterSqlite3(join(dataDir, 'loa.db'));
    db.exec('drop trigger evidence_entries_no_delete');
    db.prepare('delete from evidence_entries where idx = ?').run(index);
    db.close();
    const after = await loa(['evidence', 'verify']);
    expect(after.code).not.toBe(0);
    expect(after.err).toContain(`entry ${index}: removed`);
  });
});
