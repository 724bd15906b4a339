import { afterAll, describe, expect, it } from 'vitest';
import { runRun } from '../../src/cli/commands/run.js';
import { runStatus } from '../../src/cli/commands/status.js';
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

describe('loa status of a publication that is being retried', () => {
  it('shows its attempts, next try and last error, not a plain "next"', async () => {
    const root = await tempDir('status-retry');
    Object.assign(process.env, {
      LOA_DATA_DIR: await tempDir('status-retry-data'),
      LOA_LANG: 'vi',
      LOA_T_USER: 'loa',
      LOA_T_PASS: 'abcd efgh ijkl mnop qrst uvwx',
    });
    // A portal that refuses connections: every attempt fails as transient and is retried.
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
          retry: { maxAttempts: 5, baseDelaySec: 60 },
        },
      ],
      [
        { id: 'hong', channels: ['cong'], publishAt: '2024-03-04T09:00' },
        { id: 'sau', channels: ['cong'], publishAt: '2024-03-08T09:00' },
      ],
    );
    const at = new ManualClock('2024-03-04T02:05:00Z');
    const run = captureOutput();
    expect(await runRun({ dir: root, once: true }, run, at)).toBe(0);
    expect(run.stdout.join('\n')).toContain('"event":"retry"');

    const out = captureOutput();
    expect(await runStatus({ dir: root }, out, at)).toBe(0);
    const text = out.stdout.join('\n');
    expect(text).toMatch(
      /đang thử lại: 2024-03-04 09:00 \+07:00 {2}hong: lần thử 1\/5 lỗi, thử lại lúc 2024-03-04 09:0\d \+07:00; lỗi cuối: WP_NETWORK/,
    );
    expect(text).not.toMatch(/kế tiếp: .* hong/);
    expect(text).toMatch(/kế tiếp: 2024-03-08 09:00 \+07:00 {2}sau/);
  });
});

describe('loa status says how late in words', () => {
  it('a missed and an overdue publication read "trễ 1 ngày 5 phút", "late by 35 minutes"', async () => {
    const root = await tempDir('status-late');
    Object.assign(process.env, {
      LOA_DATA_DIR: await tempDir('status-late-data'),
      LOA_LANG: 'vi',
      LOA_T_USER: 'loa',
      LOA_T_PASS: 'abcd efgh ijkl mnop qrst uvwx',
    });
    const portal = (id: string, userEnv: string) => ({
      id,
      wordpress: { url: 'http://127.0.0.1:9', userEnv, passwordEnv: 'LOA_T_PASS' },
      maxLatenessMinutes: 120,
    });
    await writeSchedProject(
      root,
      // `cho` is not configured (its user variable is unset): its publications wait, late.
      [portal('cong', 'LOA_T_USER'), portal('cho', 'LOA_T_UNSET_USER')],
      [
        { id: 'hom-qua', channels: ['cong'], publishAt: '2024-03-03T09:00' },
        { id: 'sang-nay', channels: ['cho'], publishAt: '2024-03-04T08:30' },
      ],
    );
    // A run before the slot plans hom-qua in time; loa is then down until the next morning,
    // so the slot is missed without asking the portal.
    const before = new ManualClock('2024-03-03T00:00:00Z');
    expect(await runRun({ dir: root, once: true }, captureOutput(), before)).toBe(0);
    const at = new ManualClock('2024-03-04T02:05:00Z');
    expect(await runRun({ dir: root, once: true }, captureOutput(), at)).toBe(0);

    const vi = captureOutput();
    expect(await runStatus({ dir: root }, vi, at)).toBe(0);
    const text = vi.stdout.join('\n');
    expect(text).toContain(
      'lỡ: 2024-03-03 09:00 +07:00  hom-qua: trễ 1 ngày 5 phút (giới hạn 2 giờ)',
    );
    expect(text).toContain('kế tiếp: 2024-03-04 08:30 +07:00  sang-nay (trễ 35 phút)');
    expect(text).not.toMatch(/\d+ min\b|0 giờ/);

    process.env.LOA_LANG = 'en';
    const en = captureOutput();
    expect(await runStatus({ dir: root }, en, at)).toBe(0);
    const english = en.stdout.join('\n');
    expect(english).toContain(
      'missed: 2024-03-03 09:00 +07:00  hom-qua: late by 1 day 5 minutes (limit 2 hours)',
    );
    expect(english).toContain('next: 2024-03-04 08:30 +07:00  sang-nay (late by 35 minutes)');
  });
});
