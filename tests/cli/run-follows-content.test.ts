import { rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRun } from '../../src/cli/commands/run.js';
import { ManualClock } from '../../src/model/clock.js';
import { openStore } from '../../src/store/open-store.js';
import { rawForTests } from '../../src/store/testing.js';
import { captureOutput } from '../support/capture-output.js';
import { writeItem, writeSchedProject } from '../support/sched-project.js';
import { tempDir } from '../support/temp-dir.js';

type Line = Record<string, unknown>;

/** Waits until a log line matches (the daemon logs as it goes). */
async function until(lines: () => Line[], match: (l: Line) => boolean, what: string) {
  const start = Date.now();
  while (Date.now() - start < 20_000) {
    if (lines().some(match)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no log line for ${what} in 20 s:\n${JSON.stringify(lines(), null, 1)}`);
}

describe('loa run follows content/ while it runs', () => {
  const stop = new AbortController();
  const output = captureOutput();
  const lines = () =>
    output.stdout.flatMap((l) => {
      try {
        return [JSON.parse(l) as Line];
      } catch {
        return [];
      }
    });
  let root: string;
  let dataDir: string;
  let running: Promise<number>;
  const before = process.env.LOA_DATA_DIR;

  beforeAll(async () => {
    root = await tempDir('run-follow');
    dataDir = await tempDir('run-follow-data');
    process.env.LOA_DATA_DIR = dataDir;
    await writeSchedProject(
      root,
      [{ id: 'tep' }],
      [{ id: 'dau', channels: ['tep'], publishAt: '2024-03-04T09:00' }],
    );
    // 09:05 in Hà Nội: a file dated 09:00 is due at once (lateness limit 120 min).
    const clock = new ManualClock('2024-03-04T02:05:00Z');
    running = runRun({ dir: root, port: '0', interval: '30' }, output, clock, stop.signal);
    await until(lines, (l) => l.event === 'started', 'started');
    await until(lines, (l) => l.event === 'published' && l.item === 'dau', 'dau published');
  });

  afterAll(async () => {
    stop.abort();
    expect(await running).toBe(0);
    if (before === undefined) delete process.env.LOA_DATA_DIR;
    else process.env.LOA_DATA_DIR = before;
  });

  it('a new file is queued and, being due, published within seconds, not at the next tick', async () => {
    const t0 = Date.now();
    await writeItem(root, { id: 'moi', channels: ['tep'], publishAt: '2024-03-04T09:00' });
    await until(lines, (l) => l.event === 'content-added' && l.item === 'moi', 'moi added');
    await until(lines, (l) => l.event === 'published' && l.item === 'moi', 'moi published');
    // The 30-second tick never came: the watcher's sync woke the dispatcher.
    expect(Date.now() - t0).toBeLessThan(15_000);
  });

  it('a changed file makes a new version and a removed file withdraws its item', async () => {
    await writeItem(root, { id: 'sau', channels: ['tep'], publishAt: '2024-03-05T09:00' });
    await until(lines, (l) => l.event === 'content-added' && l.item === 'sau', 'sau added');
    await writeItem(root, {
      id: 'sau',
      channels: ['tep'],
      publishAt: '2024-03-05T09:00',
      title: 'Tin đã sửa',
    });
    await until(lines, (l) => l.event === 'content-changed' && l.item === 'sau', 'sau changed');
    await rm(join(root, 'content/sau.md'));
    await until(lines, (l) => l.event === 'content-withdrawn' && l.item === 'sau', 'withdrawn');
    const store = await openStore({ dataDir });
    try {
      const row = await rawForTests(store)
        .selectFrom('items')
        .select(['status', 'version'])
        .where('id', '=', 'sau')
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'withdrawn', version: 2 });
    } finally {
      await store.close();
    }
  });

  it('a file that does not parse is reported once with file:line, and the others go on', async () => {
    await writeFile(
      join(root, 'content/hong.md'),
      '---\ntitle: Tin: hỏng\nchannels: [tep]\n---\nx\n',
    );
    await until(lines, (l) => l.event === 'content-invalid', 'invalid file');
    await writeItem(root, { id: 'tiep', channels: ['tep'], publishAt: '2024-03-04T09:00' });
    await until(lines, (l) => l.event === 'published' && l.item === 'tiep', 'tiep published');
    const invalid = lines().filter((l) => l.event === 'content-invalid');
    expect(invalid, JSON.stringify(invalid)).toHaveLength(1);
    expect(invalid[0]).toMatchObject({ code: 'YAML_SYNTAX', line: 2 });
    expect(String(invalid[0]?.file)).toMatch(/hong\.md$/);
  });

  it('hostile files added while it runs (alias bomb, NUL, link out, huge) are each named and none stops it', async () => {
    const head = '---\ntitle: Tin thử\nchannels: [tep]\nunit: so-noi-vu\nauthor: Phòng CCHC\n';
    await writeFile(
      join(root, 'content/bom.md'),
      `${head}a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\nx\n`,
    );
    await writeFile(join(root, 'content/nul.md'), `${head}---\nNội dung\u0000 rỗng.\n`);
    await writeFile(join(root, 'ngoai.md'), `${head}---\nBên ngoài.\n`);
    await symlink(join(root, 'ngoai.md'), join(root, 'content/lien-ket.md'));
    await writeFile(join(root, 'content/lon.md'), `${head}---\n${'x'.repeat(1_100_000)}\n`);
    const codes = () =>
      new Set(lines().flatMap((l) => (l.event === 'content-invalid' ? [String(l.code)] : [])));
    for (const code of [
      'YAML_ALIAS_LIMIT',
      'TEXT_CONTROL_CHARACTER',
      'FILE_LINK_OUTSIDE',
      'FILE_TOO_LARGE',
    ]) {
      await until(lines, () => codes().has(code), code);
    }
    await writeItem(root, { id: 'van-tiep', channels: ['tep'], publishAt: '2024-03-04T09:00' });
    await until(
      lines,
      (l) => l.event === 'published' && l.item === 'van-tiep',
      'van-tiep published',
    );
    // Nothing crashed: no error line, and the daemon is still running (afterAll stops it: exit 0).
    expect(lines().filter((l) => l.level === 'error')).toEqual([]);
    for (const file of ['bom', 'nul', 'lien-ket', 'lon']) {
      const line = lines().find(
        (l) => l.event === 'content-invalid' && String(l.file).endsWith(`${file}.md`),
      );
      expect(line, file).toMatchObject({ line: expect.any(Number) });
    }
  });
});
