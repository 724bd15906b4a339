import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStart } from '../../src/cli/commands/start.js';
import { runStatus } from '../../src/cli/commands/status.js';
import { main } from '../../src/cli/main.js';
import { ManualClock } from '../../src/model/clock.js';
import { captureOutput } from '../support/capture-output.js';
import { tempDir } from '../support/temp-dir.js';

/** The repository's own plans, channels and content, as a new user gets them. */
const ROOT = join(import.meta.dirname, '../..');

async function json(args: string[]): Promise<unknown> {
  const output = captureOutput();
  const code = await main([...args, '--dir', ROOT, '--json'], output);
  expect(code, output.all()).toBe(0);
  return JSON.parse(output.stdout.join('\n'));
}

interface PlanJson {
  id: string;
  document: { number: string };
  tasks: { id: string; source: string; served: boolean; manual: string | null }[];
}

interface CalendarJson {
  plans: {
    plan: string;
    tasks: {
      task: string;
      source: string;
      entries: { kind: string; channel: string; start: { local: string } }[];
    }[];
  }[];
}

describe('the repository examples', () => {
  it('validate cleanly', async () => {
    const output = captureOutput();
    expect(await main(['validate', '--dir', ROOT], output)).toBe(0);
    expect(output.stderr).toEqual([]);
  });

  it('hold the five seed plans, every task with its clause', async () => {
    const plans = (await json(['plan', 'list'])) as PlanJson[];
    expect(plans.map((p) => p.id).sort()).toEqual([
      'bnv-2024',
      'btttt-2024',
      'khanh-hoa-2021-2030',
      'stttt-2023',
      'thai-binh-2024',
    ]);
    for (const plan of plans) {
      expect(plan.tasks.length).toBeGreaterThan(0);
      for (const task of plan.tasks)
        expect(task.source, `${plan.id}/${task.id}`).toMatch(/^[IVX]+[.-]/);
    }
    const thaiBinh = plans.find((p) => p.id === 'thai-binh-2024');
    expect(thaiBinh?.document.number).toBe('174/KH-UBND');
  });

  it('show the ministry plan in March 2024: 4 bulletin issues and a weekly programme', async () => {
    const calendar = (await json(['calendar', '2024-03', '--plan', 'bnv-2024'])) as CalendarJson;
    expect(calendar.plans).toHaveLength(1);
    const tasks = calendar.plans[0]?.tasks ?? [];
    const bulletin = tasks.find(
      (t) => t.source === 'IV.1.b' && t.entries.some((e) => e.kind === 'bulletin'),
    );
    const issues = bulletin?.entries.filter((e) => e.kind === 'bulletin') ?? [];
    expect(issues.map((e) => e.start.local.slice(0, 10))).toEqual([
      '2024-03-07',
      '2024-03-14',
      '2024-03-21',
      '2024-03-28',
    ]);
    const weekly = tasks.find(
      (t) => t.source === 'IV.1.d' && t.entries.some((e) => e.kind === 'broadcast'),
    );
    const airings = weekly?.entries.map((e) => e.start.local) ?? [];
    expect(airings).toEqual([
      '2024-03-01T20:00:00+07:00',
      '2024-03-08T20:00:00+07:00',
      '2024-03-15T20:00:00+07:00',
      '2024-03-22T20:00:00+07:00',
      '2024-03-29T20:00:00+07:00',
    ]);
  });

  it('plan show names the tasks no channel serves', async () => {
    const output = captureOutput();
    expect(await main(['plan', 'show', 'bnv-2024', '--dir', ROOT], output)).toBe(0);
    expect(output.all()).toContain('[IV.1.d]');
    expect(output.all()).toContain('chưa có kênh nào thực hiện');
    const unknown = captureOutput();
    expect(await main(['plan', 'show', 'khong-co', '--dir', ROOT], unknown)).toBe(1);
    expect(unknown.all()).toContain('bnv-2024');
  });

  it('npm start --once: validates, prints the now/next summary, then one pass of the scheduler', async () => {
    const dataDir = await tempDir('start');
    const before = process.env.LOA_DATA_DIR;
    process.env.LOA_DATA_DIR = dataDir;
    try {
      const output = captureOutput();
      const clock = new ManualClock('2024-03-10T02:00:00Z');
      const code = await runStart({ dir: ROOT, once: true }, output, clock);
      expect(code, output.all()).toBe(0);
      const printed = output.all();
      expect(printed).toContain('Bây giờ: 10/03/2024 09:00 (Asia/Ho_Chi_Minh)');
      expect(printed).toContain('Một lượt rồi thoát (--once): không mở trang web');
      expect(printed).toContain(
        'Kế hoạch đang hiệu lực: bnv-2024, btttt-2024, khanh-hoa-2021-2030, thai-binh-2024; đã hết hạn: stttt-2023',
      );
      // No administrator and no link without a server to open it: the first start that
      // serves makes them.
      expect(printed).not.toContain('Lần chạy đầu');
      expect(printed).not.toContain('/login/once/');
      const synced = output.stdout
        .map((l) => (l.startsWith('{') ? JSON.parse(l) : {}))
        .find((l) => l.event === 'synced');
      expect(synced?.added).toBeGreaterThanOrEqual(12);
      expect(existsSync(join(dataDir, 'loa.db'))).toBe(true);
      // Broadcast and ingest channels are named once for what they are, not as channels
      // waiting for an adapter.
      expect(printed).not.toMatch(/no adapter|no-adapter/);
      const notDispatched = output.stdout
        .map((l) => (l.startsWith('{') ? JSON.parse(l) : {}))
        .filter((l) => l.event === 'not-dispatched');
      expect(notDispatched.map((l) => [l.channel, l.detail])).toEqual([
        [
          'bao-thai-binh-feed',
          'Channel "bao-thai-binh-feed" is an ingest channel: loa reads its press feeds at their intervals and posts nothing to it',
        ],
        [
          'thai-binh-tv-cchc',
          'Channel "thai-binh-tv-cchc" is a broadcast channel: the station pulls its rundowns from loa; loa posts nothing to it',
        ],
        [
          'xa-vu-ninh-loa',
          'Channel "xa-vu-ninh-loa" is a broadcast channel: the station pulls its rundowns from loa; loa posts nothing to it',
        ],
      ]);
    } finally {
      if (before === undefined) delete process.env.LOA_DATA_DIR;
      else process.env.LOA_DATA_DIR = before;
    }
  });
  it('status asks for rundowns only while a plan the station serves is in force', async () => {
    const before = process.env.LOA_DATA_DIR;
    process.env.LOA_DATA_DIR = await tempDir('status');
    try {
      const slots = async (iso: string) => {
        const output = captureOutput();
        expect(await runStatus({ dir: ROOT, json: true }, output, new ManualClock(iso))).toBe(0);
        const channels = JSON.parse(output.stdout.join('\n')) as { rundowns?: unknown[] }[];
        return channels.flatMap((c) => c.rundowns ?? []);
      };
      // The examples' plans cover 2024: in March 2024 the Friday programmes need rundowns.
      expect((await slots('2024-03-06T04:00:00Z')).length).toBeGreaterThan(0);
      // After the plans ended, no warning about programmes nothing requires any more.
      expect(await slots('2026-11-24T04:00:00Z')).toEqual([]);
      // Said in words beside each channel: what a broadcast channel is, not "no adapter yet".
      const output = captureOutput();
      await runStatus({ dir: ROOT }, output, new ManualClock('2024-03-06T04:00:00Z'));
      expect(output.all()).toContain(
        'Kênh "thai-binh-tv-cchc" là kênh phát sóng: đài lấy chương trình phát (rundown) từ loa, loa không đăng bài lên kênh này',
      );
      expect(output.all()).toContain('Kênh "bao-thai-binh-feed" là kênh thu tin');
      expect(output.all()).not.toContain('chưa có bộ đăng bài');
    } finally {
      if (before === undefined) delete process.env.LOA_DATA_DIR;
      else process.env.LOA_DATA_DIR = before;
    }
  });
});
