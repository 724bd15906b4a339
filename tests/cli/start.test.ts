import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runStart } from '../../src/cli/commands/start.js';
import { ManualClock } from '../../src/model/clock.js';
import { openStore } from '../../src/store/open-store.js';
import { rawForTests } from '../../src/store/testing.js';
import { captureOutput } from '../support/capture-output.js';
import { tempDir } from '../support/temp-dir.js';

const ROOT = join(import.meta.dirname, '../..');
const saved = { ...process.env };
afterAll(() => {
  for (const name of ['LOA_DATA_DIR', 'LOA_LANG', 'LOA_WP_USER', 'LOA_WP_APP_PASSWORD']) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

/** `loa start` on the repository's example project until its scheduler has started; its lines. */
async function start(clock: ManualClock) {
  const output = captureOutput();
  const stop = new AbortController();
  const done = runStart({ dir: ROOT, port: '0' }, output, clock, stop.signal);
  const deadline = Date.now() + 30_000;
  while (!output.stdout.some((l) => l.includes('"event":"started"')) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    lines: output.stdout,
    stop: async () => {
      stop.abort();
      expect(await done, output.all()).toBe(0);
    },
  };
}

describe('npm start: the first screen', () => {
  it('is short, says what is now and next from today, and signs the first admin in once', async () => {
    const dataDir = await tempDir('start-data');
    Object.assign(process.env, { LOA_DATA_DIR: dataDir, LOA_LANG: 'vi' });
    delete process.env.LOA_WP_USER;
    delete process.env.LOA_WP_APP_PASSWORD;
    // 19:40 in Hà Nội, long after the 2024 examples.
    const clock = new ManualClock('2026-12-03T12:40:00Z');
    const first = await start(clock);
    try {
      const screen = first.lines.slice(
        0,
        first.lines.findIndex((l) => l.startsWith('{')),
      );
      // A screen, not every task of every plan (it was 246 lines of 2024 calendars).
      expect(screen.length).toBeLessThan(40);
      expect(screen.join('\n')).not.toMatch(/ngoài thời gian hiệu lực|chưa có kênh nào/);
      expect(screen).toContain('Bây giờ: 03/12/2026 19:40 (Asia/Ho_Chi_Minh)');
      const serving = screen.find((l) => l.startsWith('Trang web và API: '));
      const base = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(serving ?? '')?.[1];
      expect(base, screen.join('\n')).toBeDefined();
      // The example dated from now is due five minutes after the start, and says why it waits.
      expect(screen).toContain('  19:45 (sau 5 phút)  thai-binh-portal  vi-du-dang-sau-5-phut');
      expect(screen).toContain(
        'Kênh thai-binh-portal chờ cấu hình: chưa đặt LOA_WP_USER, LOA_WP_APP_PASSWORD (README: Pointing the example portal at a WordPress)',
      );
      expect(screen.some((l) => /^Trễ, chưa đăng \(\d+\):$/.test(l))).toBe(true);
      // Examples of 2024 are years late: said in years and months, not "trễ 1.004 ngày".
      expect(screen.some((l) => /\(trễ 2 năm( \d+ tháng)?\) /.test(l))).toBe(true);
      expect(screen.join('\n')).not.toMatch(/trễ [\d.]+ ngày/);
      expect(screen).toContain('Chờ duyệt: 3 bài (loa queue list --status draft)');
      expect(screen).toContain(
        'Kế hoạch đang hiệu lực: khanh-hoa-2021-2030; đã hết hạn: bnv-2024, btttt-2024, stttt-2023, thai-binh-2024',
      );
      expect(screen).toContain('  loa calendar 2026-12');
      expect(screen).toContain('  loa simulate --from 2026-12-03 --to 2026-12-10');
      expect(screen.join('\n')).toContain(
        'loa ingest --channel bao-thai-binh-feed --force   # đọc http://127.0.0.1:8080/audio/thai-binh-tv-cchc/podcast.xml',
      );
      // The first administrator and a one-time link, never a token.
      expect(screen).toContain(
        'Lần chạy đầu: đã tạo quản trị viên "admin". Đăng nhập bằng liên kết dùng một lần này (hết hạn lúc 20:10):',
      );
      const link = screen.find((l) => l.includes('/login/once/'))?.trim() ?? '';
      expect(link).toMatch(new RegExp(`^${base}login/once/[\\w-]{43}$`));
      expect(first.lines.join('\n')).not.toMatch(/loa_[\w-]{20}|Bearer/);

      const signedIn = await fetch(link, { redirect: 'manual' });
      expect(signedIn.status).toBe(303);
      const cookie = signedIn.headers.get('set-cookie')?.split(';')[0] ?? '';
      expect(cookie).toMatch(/^loa_session=/);
      const home = await fetch(`${base}admin`, { headers: { cookie } });
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('admin');
      // Once only.
      const again = await fetch(link, { redirect: 'manual' });
      expect(again.status).toBe(401);
      expect(await again.text()).toContain('đã được dùng hoặc đã hết hạn');
    } finally {
      await first.stop();
    }
    const store = await openStore({ dataDir });
    try {
      const tokens = await rawForTests(store).selectFrom('api_tokens').selectAll().execute();
      expect(tokens).toEqual([]);
    } finally {
      await store.close();
    }

    // The next start: no second administrator, no new link, no second copy of the examples.
    const second = await start(new ManualClock('2026-12-03T12:50:00Z'));
    try {
      const text = second.lines.join('\n');
      expect(text).not.toContain('/login/once/');
      expect(text).not.toContain('Lần chạy đầu');
      expect(text).toContain('Bây giờ: 03/12/2026 19:50 (Asia/Ho_Chi_Minh)');
    } finally {
      await second.stop();
    }
  });

  it('a link that expired signs nobody in', async () => {
    const dataDir = await tempDir('start-expired');
    Object.assign(process.env, { LOA_DATA_DIR: dataDir, LOA_LANG: 'vi' });
    const clock = new ManualClock('2026-12-03T12:40:00Z');
    const run = await start(clock);
    try {
      const link = run.lines.find((l) => l.includes('/login/once/'))?.trim() ?? '';
      expect(link).toContain('/login/once/');
      clock.advance({ minutes: 31 });
      const late = await fetch(link, { redirect: 'manual' });
      expect(late.status).toBe(401);
      expect(late.headers.get('set-cookie') ?? '').not.toMatch(/loa_session=[^;]/);
    } finally {
      await run.stop();
    }
  });
});
