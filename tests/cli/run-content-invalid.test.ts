import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRun } from '../../src/cli/commands/run.js';
import { ManualClock } from '../../src/model/clock.js';
import { captureOutput } from '../support/capture-output.js';
import { writeSchedProject } from '../support/sched-project.js';
import { tempDir } from '../support/temp-dir.js';

describe('loa run with a content file that does not parse', () => {
  it('names the file, line and column in its log, and goes on with the other items', async () => {
    const root = await tempDir('run-invalid');
    await writeSchedProject(
      root,
      [{ id: 'tep' }],
      [{ id: 'tot', channels: ['tep'], publishAt: '2024-03-04T09:00' }],
    );
    // An unquoted colon in the title: a YAML error on line 2.
    await writeFile(
      join(root, 'content/hong.md'),
      '---\ntitle: Tin: hỏng\nchannels: [tep]\n---\nx\n',
    );
    const before = process.env.LOA_DATA_DIR;
    process.env.LOA_DATA_DIR = await tempDir('run-invalid-data');
    try {
      const output = captureOutput();
      const code = await runRun(
        { dir: root, once: true },
        output,
        new ManualClock('2024-03-04T02:05:00Z'),
      );
      expect(code, output.all()).toBe(0);
      const lines = output.stdout.map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines).toContainEqual(
        expect.objectContaining({
          event: 'content-invalid',
          code: 'YAML_SYNTAX',
          line: 2,
          file: expect.stringContaining('hong.md'),
        }),
      );
      expect(lines).toContainEqual(expect.objectContaining({ event: 'published', item: 'tot' }));
    } finally {
      if (before === undefined) delete process.env.LOA_DATA_DIR;
      else process.env.LOA_DATA_DIR = before;
    }
  });
});
