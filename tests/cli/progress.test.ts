import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBackup, runRestore } from '../../src/cli/commands/backup.js';
import { runEvidenceExport, runEvidenceVerify } from '../../src/cli/commands/evidence.js';
import { runSimulate } from '../../src/cli/commands/simulate.js';
import { runSync } from '../../src/cli/commands/sync.js';
import { type ProgressStream, progressBar } from '../../src/cli/progress.js';
import { ManualClock } from '../../src/model/clock.js';
import { captureOutput } from '../support/capture-output.js';
import { writeSchedProject } from '../support/sched-project.js';
import { tempDir } from '../support/temp-dir.js';

/** A stream that keeps what was written; a terminal or not. */
function stream(isTTY: boolean, afterMs?: number): ProgressStream & { text: string[] } {
  const text: string[] = [];
  return {
    isTTY,
    ...(afterMs === undefined ? {} : { afterMs }),
    text,
    write: (chunk: string | Uint8Array) => {
      text.push(String(chunk));
      return true;
    },
  };
}

const saved = { ...process.env };
afterAll(() => {
  for (const name of ['LOA_DATA_DIR', 'LOA_LANG']) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe('progress bars', () => {
  it('draw on a terminal after a second, redraw in place, and clear the line at the end', () => {
    let now = 0;
    const tty = stream(true);
    const bar = progressBar('đọc content/', tty, { now: () => now });
    bar.update(10, 100);
    expect(tty.text).toEqual([]); // a quick command prints nothing
    now = 1_500;
    bar.update(45, 100);
    now = 1_700;
    bar.update(100, 100);
    bar.end();
    expect(tty.text).toEqual([
      `\r[${'█'.repeat(11)}${'░'.repeat(13)}]  45% đọc content/\u001b[K`,
      `\r[${'█'.repeat(24)}] 100% đọc content/\u001b[K`,
      '\r\u001b[K',
    ]);
    const pipe = stream(false);
    const none = progressBar('đọc content/', pipe, { now: () => now, afterMs: 0 });
    none.update(1, 2);
    none.end();
    expect(pipe.text).toEqual([]);
  });

  it('simulate, sync, evidence verify and export, backup and restore show one on a terminal only', async () => {
    const root = await tempDir('progress-project');
    const dataDir = await tempDir('progress-data');
    Object.assign(process.env, { LOA_DATA_DIR: dataDir, LOA_LANG: 'vi' });
    await writeSchedProject(
      root,
      [{ id: 'tep' }],
      Array.from({ length: 8 }, (_, i) => ({
        id: `tin-${i}`,
        channels: ['tep'],
        publishAt: `2024-03-${String(4 + i).padStart(2, '0')}T09:00`,
      })),
    );
    const clock = new ManualClock('2024-03-20T02:00:00Z');
    const backup = join(await tempDir('progress-backup'), 'loa.db');
    const commands: Array<[string, (tty: ProgressStream) => Promise<number>]> = [
      [
        'mô phỏng 2024-03-01 – 2024-03-31',
        (tty) =>
          runSimulate({ dir: root, from: '2024-03-01', to: '2024-03-31' }, captureOutput(), tty),
      ],
      ['đọc content/', (tty) => runSync({ dir: root }, captureOutput(), clock, tty)],
      ['kiểm tra nhật ký minh chứng', (tty) => runEvidenceVerify({}, captureOutput(), tty)],
      [
        'xuất gói minh chứng',
        (tty) =>
          runEvidenceExport(
            { dir: root, from: '2024-03-01', to: '2024-03-31', out: join(dataDir, 'q.zip') },
            captureOutput(),
            clock,
            tty,
          ),
      ],
      ['sao lưu', (tty) => runBackup({ out: backup }, captureOutput(), process.env, tty)],
    ];
    for (const [label, command] of commands) {
      const piped = stream(false, 0);
      expect(await command(piped), label).toBe(0);
      expect(piped.text, label).toEqual([]);
      const tty = stream(true, 0);
      expect(await command(tty), label).toBe(0);
      const bars = tty.text.filter((t) => t.includes(label));
      expect(bars.length, `${label}: ${tty.text.join('|')}`).toBeGreaterThan(0);
      expect(bars.at(-1), label).toMatch(/^\r\[█+\] 100% /);
      expect(tty.text.at(-1), label).toBe('\r\u001b[K');
    }
    const restoreInto = await tempDir('progress-restore');
    const tty = stream(true, 0);
    expect(await runRestore(backup, captureOutput(), { LOA_DATA_DIR: restoreInto }, tty)).toBe(0);
    expect(tty.text.some((t) => /^\r\[█+\] 100% khôi phục/.test(t))).toBe(true);
  });
});
