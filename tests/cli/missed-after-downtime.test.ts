import { afterAll, describe, expect, it } from 'vitest';
import { runRun } from '../../src/cli/commands/run.js';
import { ManualClock } from '../../src/model/clock.js';
import { captureOutput } from '../support/capture-output.js';
import { writeSchedProject } from '../support/sched-project.js';
import { tempDir } from '../support/temp-dir.js';

const saved = { ...process.env };
afterAll(() => {
  for (const name of ['LOA_DATA_DIR', 'LOA_LANG', 'LOA_T_USER', 'LOA_T_PASS']) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

type Line = Record<string, unknown>;

async function runOnce(root: string, at: string): Promise<Line[]> {
  const output = captureOutput();
  expect(await runRun({ dir: root, once: true }, output, new ManualClock(at))).toBe(0);
  return output.stdout.map((l) => JSON.parse(l) as Line);
}

const of = (lines: Line[], event: string) =>
  lines.filter((l) => l.event === event).map((l) => l.item);

describe('a slot that passed while loa was down', () => {
  it('is missed without asking the portal only when this store planned it in time', async () => {
    const root = await tempDir('downtime');
    Object.assign(process.env, {
      LOA_LANG: 'vi',
      LOA_T_USER: 'loa',
      LOA_T_PASS: 'abcd efgh ijkl mnop qrst uvwx',
    });
    // A portal that cannot be reached: any question to it ends in a retry, never in a miss.
    await writeSchedProject(
      root,
      [
        {
          id: 'cong',
          wordpress: {
            url: 'http://127.0.0.1:9',
            userEnv: 'LOA_T_USER',
            passwordEnv: 'LOA_T_PASS',
          },
          maxLatenessMinutes: 120,
          retry: { maxAttempts: 5, baseDelaySec: 60 },
        },
      ],
      [{ id: 'thu-hai', channels: ['cong'], publishAt: '2024-03-04T09:00' }],
    );

    // Planned on Monday morning, before its slot; then loa is down until Tuesday. Nobody held
    // it, this store knows it never went out: missed, without a question to the portal.
    process.env.LOA_DATA_DIR = await tempDir('downtime-data');
    expect(of(await runOnce(root, '2024-03-04T01:00:00Z'), 'missed')).toEqual([]);
    const tuesday = await runOnce(root, '2024-03-05T02:00:00Z');
    expect(of(tuesday, 'missed')).toEqual(['thu-hai']);
    expect(of(tuesday, 'retry')).toEqual([]);
    const missed = tuesday.find((l) => l.event === 'missed');
    expect(missed?.detail).toBe('late by 1 day (limit 2 hours)');

    // A new data folder on Tuesday (a new machine, a restore without backup): the store plans
    // Monday's slot only now and cannot know whether an earlier run posted it. It asks the
    // portal first; unreachable, the publication waits for the answer instead of being missed.
    process.env.LOA_DATA_DIR = await tempDir('downtime-data-new');
    const fresh = await runOnce(root, '2024-03-05T02:00:00Z');
    expect(of(fresh, 'missed')).toEqual([]);
    expect(of(fresh, 'retry')).toEqual(['thu-hai']);
  });
});
