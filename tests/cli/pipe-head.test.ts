import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runRun } from '../../src/cli/commands/run.js';
import { main } from '../../src/cli/main.js';
import { ManualClock } from '../../src/model/clock.js';
import { captureOutput } from '../support/capture-output.js';
import { loaCommand } from '../support/loa-process.js';
import { writeSchedProject } from '../support/sched-project.js';
import { tempDir } from '../support/temp-dir.js';

const ROOT = join(import.meta.dirname, '../..');

/** Runs the real CLI in a shell with its standard output piped into `head -1`. */
function piped(args: string, env: NodeJS.ProcessEnv) {
  const script = `${loaCommand().join(' ')} ${args} | head -1; exit \${PIPESTATUS[0]}`;
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn('bash', ['-c', script], {
      cwd: ROOT,
      env: { ...process.env, LOA_LANG: 'vi', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
    });
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** Every command that prints a list, on data that gives it something to list. */
const COMMANDS: Array<{ args: string; data: 'examples' | 'published' }> = [
  { args: 'validate', data: 'examples' },
  { args: 'plan list', data: 'examples' },
  { args: 'plan show thai-binh-2024', data: 'examples' },
  { args: 'calendar 2024', data: 'examples' },
  { args: 'status', data: 'examples' },
  { args: 'queue list', data: 'examples' },
  { args: 'simulate --from 2024-03-01 --to 2024-03-31', data: 'examples' },
  { args: 'bulletin list bnv-ban-tin', data: 'examples' },
  { args: 'rundown show thai-binh-tv-cchc 2024-W10', data: 'examples' },
  { args: 'user list', data: 'examples' },
  { args: 'token list', data: 'examples' },
  { args: 'evidence list', data: 'published' },
  { args: 'status --json', data: 'published' },
];

const env: Record<'examples' | 'published', NodeJS.ProcessEnv> = { examples: {}, published: {} };
let publishedRoot = '';

beforeAll(async () => {
  const lang = process.env.LOA_LANG;
  const dataDir = process.env.LOA_DATA_DIR;
  process.env.LOA_LANG = 'vi';
  try {
    // The repository's examples, with a user, a token and a built rundown to list.
    process.env.LOA_DATA_DIR = await tempDir('pipe-examples');
    env.examples = { LOA_DATA_DIR: process.env.LOA_DATA_DIR };
    for (const args of [
      ['user', 'add', 'Lan', '--role', 'admin'],
      ['token', 'create', 'Lan'],
      ['rundown', 'build', 'thai-binh-tv-cchc', '2024-W10', '--dir', ROOT],
    ]) {
      const out = captureOutput();
      expect(await main(args, out), out.all()).toBe(0);
    }
    // A project whose files channel published ten items: evidence to list.
    publishedRoot = await tempDir('pipe-published');
    process.env.LOA_DATA_DIR = await tempDir('pipe-published-data');
    env.published = { LOA_DATA_DIR: process.env.LOA_DATA_DIR };
    await writeSchedProject(
      publishedRoot,
      [{ id: 'tep' }],
      Array.from({ length: 10 }, (_, i) => ({
        id: `tin-${i}`,
        channels: ['tep'],
        publishAt: '2024-03-04T09:00',
      })),
    );
    const run = captureOutput();
    expect(
      await runRun(
        { dir: publishedRoot, once: true },
        run,
        new ManualClock('2024-03-04T02:05:00Z'),
      ),
      run.all(),
    ).toBe(0);
  } finally {
    process.env.LOA_LANG = lang;
    if (dataDir === undefined) delete process.env.LOA_DATA_DIR;
    else process.env.LOA_DATA_DIR = dataDir;
  }
});

describe('every listing piped into head', () => {
  it('prints its first line, ends quietly with exit 0 and no EPIPE trace', async () => {
    const results: Array<{ args: string; code: number | null; stdout: string; stderr: string }> =
      [];
    // Two at a time: the machine has two cores.
    const queue = [...COMMANDS];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const dir = next.data === 'examples' ? '' : ` --dir ${publishedRoot}`;
        const args = `${next.args}${dir}`;
        results.push({ args, ...(await piped(args, env[next.data])) });
      }
    };
    await Promise.all([worker(), worker()]);
    for (const r of results) {
      expect(r.stdout.split('\n').filter(Boolean), r.args).toHaveLength(1);
      expect(r.stderr, r.args).not.toMatch(/EPIPE|at .*\.(ts|js):\d+/);
      expect(r.code, `${r.args}: ${r.stderr}`).toBe(0);
    }
  }, 300_000);
});
