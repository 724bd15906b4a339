import { existsSync } from 'node:fs';
import { readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runRun } from '../../src/cli/commands/run.js';
import { main } from '../../src/cli/main.js';
import { ManualClock } from '../../src/model/clock.js';
import { captureOutput } from '../support/capture-output.js';
import { writeSchedProject } from '../support/sched-project.js';
import { tempDir } from '../support/temp-dir.js';

const saved = { data: process.env.LOA_DATA_DIR, lang: process.env.LOA_LANG };
afterAll(() => {
  for (const [name, value] of [
    ['LOA_DATA_DIR', saved.data],
    ['LOA_LANG', saved.lang],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

async function loa(args: string[]) {
  const out = captureOutput();
  const code = await main(args, out);
  return { code, stdout: out.stdout.join('\n'), stderr: out.stderr.join('\n') };
}

async function runOnce(root: string, at: string) {
  const output = captureOutput();
  expect(await runRun({ dir: root, once: true }, output, new ManualClock(at))).toBe(0);
  return output.stdout.map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('loa backup and loa restore', () => {
  it('restores into a fresh data folder that goes on without reposting anything', async () => {
    const root = await tempDir('backup');
    const first = await tempDir('backup-data');
    process.env.LOA_DATA_DIR = first;
    process.env.LOA_LANG = 'vi';
    await writeSchedProject(
      root,
      [{ id: 'tep' }],
      [
        { id: 'mot', channels: ['tep'], publishAt: '2024-03-04T09:00' },
        { id: 'hai', channels: ['tep'], publishAt: '2024-03-04T09:00' },
      ],
    );
    const published = (lines: Record<string, unknown>[]) =>
      lines.filter((l) => l.event === 'published').map((l) => l.item);
    expect(published(await runOnce(root, '2024-03-04T02:05:00Z')).sort()).toEqual(['hai', 'mot']);
    const checkpoint = await loa(['evidence', 'checkpoint']);
    expect(checkpoint.code, checkpoint.stderr).toBe(0);

    const out = join(await tempDir('backup-out'), 'sao-luu', 'loa-2024-03-04.db');
    const backup = await loa(['backup', '--out', out]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain(`Đã sao lưu vào ${out}`);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    // Only the backup file was written beside it: no temporary file left.
    expect(await readdir(join(out, '..'))).toEqual(['loa-2024-03-04.db']);

    const fresh = await tempDir('restore-data');
    process.env.LOA_DATA_DIR = fresh;
    const restore = await loa(['restore', out]);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain(`vào ${fresh}`);
    expect(existsSync(join(fresh, 'evidence-signing-key.pem'))).toBe(true);

    // The restored log verifies with the same key, and a run posts nothing again.
    const verify = await loa(['evidence', 'verify']);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    const again = await runOnce(root, '2024-03-04T02:10:00Z');
    expect(published(again)).toEqual([]);
    const status = await loa(['queue', 'list', '--dir', root]);
    expect(status.stdout).toMatch(/mot .*tep:published/);

    // A second restore into the same folder refuses, and leaves the store as it was.
    const twice = await loa(['restore', out]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('đã có cơ sở dữ liệu');
    // Not a backup: refused with a clear error, nothing written.
    const bogus = join(await tempDir('bogus'), 'x.db');
    await writeFile(bogus, 'không phải cơ sở dữ liệu');
    process.env.LOA_DATA_DIR = await tempDir('restore-bogus');
    const wrong = await loa(['restore', bogus]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('không phải bản sao lưu của loa');
    expect(await readdir(process.env.LOA_DATA_DIR)).toEqual([]);
  });
});
