import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Output } from '../../src/cli/output.js';

const ROOT = fileURLToPath(new URL('../fixtures/calendar-project', import.meta.url));

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const output: Output = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await main(args, output);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeEach(() => {
  vi.stubEnv('LOA_LANG', 'vi');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('loa calendar', () => {
  it('prints March 2024 grouped by task, dates in the plan zone with Vietnamese weekdays', async () => {
    const { code, out } = await run('calendar', '2024-03', '--dir', ROOT);
    expect(code).toBe(0);
    expect(out).toContain('Lịch kỳ 2024-03 (01/03/2024 – 31/03/2024), múi giờ Asia/Ho_Chi_Minh');
    expect(out).toContain('[IV.1.e] Chuyên mục CCHC trên truyền hình mỗi tuần');
    for (const d of ['01', '08', '15', '22', '29']) expect(out).toContain(`T6 ${d}/03/2024 20:00`);
    expect(out).toContain('T5 07/03/2024 08:00');
    expect(out).toContain('Số 12/2024');
    expect(out).not.toContain('Số 13/2024');
    const manual = out.split('[II.2.a]')[1] ?? '';
    expect(manual).toContain('chưa có kênh nào thực hiện nhiệm vụ này');
    expect(out).toMatch(/hạn T6 15\/03\/2024 +\[IV\.2\]/);
    expect(out).toContain('số liệu từ 15/12/2023 đến 14/03/2024');
  });

  it('speaks English with LOA_LANG=en', async () => {
    vi.stubEnv('LOA_LANG', 'en');
    const { code, out } = await run('calendar', '2024-W09', '--dir', ROOT);
    expect(code).toBe(0);
    expect(out).toContain('Fri 01/03/2024 20:00');
    expect(out).toContain('no channel serves this task');
  });

  it('prints JSON with local and UTC instants, task, clause, channel and kind', async () => {
    const { code, out } = await run(
      'calendar',
      '2024-03',
      '--plan',
      'kh-thu',
      '--json',
      '--dir',
      ROOT,
    );
    expect(code).toBe(0);
    const data = JSON.parse(out);
    expect(data.plans).toHaveLength(1);
    const plan = data.plans[0];
    expect(plan.period).toMatchObject({ kind: 'month', label: '2024-03' });
    const tv = plan.tasks.find((t: { task: string }) => t.task === 'chuyen-muc-truyen-hinh');
    expect(tv.entries).toHaveLength(5);
    expect(tv.entries[0]).toMatchObject({
      task: 'chuyen-muc-truyen-hinh',
      source: 'IV.1.e',
      channel: 'truyen-hinh',
      kind: 'broadcast',
      start: { local: '2024-03-01T20:00:00+07:00', utc: '2024-03-01T13:00:00Z' },
      lengthSec: 900,
    });
    const bulletin = plan.tasks.find((t: { task: string }) => t.task === 'ban-tin-dien-tu');
    expect(bulletin.entries[0]).toMatchObject({ kind: 'bulletin', number: 9, label: 'Số 9/2024' });
    const manual = plan.tasks.find((t: { task: string }) => t.task === 'hoi-nghi');
    expect(manual).toMatchObject({ served: false, entries: [] });
    expect(plan.reports.map((r: { due: string }) => r.due)).toEqual(['2024-03-15', '2024-03-20']);
  });

  it('refuses a bad period with exit 2, the message and the hint', async () => {
    const { code, out, err } = await run('calendar', '2024-W54', '--dir', ROOT);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('[BAD_PERIOD]');
    expect(err).toContain('"2024-W54"');
    expect(err).toContain('2024-Q1 (quý)');
  });

  it('names the known plans when the plan asked for does not exist', async () => {
    const { code, err } = await run('calendar', '2024-Q1', '--plan', 'khong-co', '--dir', ROOT);
    expect(code).toBe(1);
    expect(err).toContain('[PLAN_NOT_FOUND]');
    expect(err).toContain('kh-thu');
  });

  describe('with a broken configuration', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'loa-calendar-'));
      await cp(ROOT, dir, { recursive: true });
      await writeFile(join(dir, 'channels', 'hong.yaml'), 'id: hong\nkind: broadcast\n');
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('refuses to print a calendar and points to loa validate', async () => {
      const { code, out, err } = await run('calendar', '2024-03', '--dir', dir);
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err).toContain('[CONFIG_INVALID]');
      expect(err).toContain('loa validate');
    });
  });
});
