import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { FaultProxy } from '../channels/wordpress/fault-proxy.js';
import { loaPosts, PASSWORD_ENV, USER_ENV, wpEnv } from '../channels/wordpress/wp-fixtures.js';
import { runLoa, spawnLoa } from '../support/loa-process.js';
import { writeSchedProject } from '../support/sched-project.js';
import { tempDir } from '../support/temp-dir.js';
import { wordpressForTests } from '../support/wordpress.js';

const wp = await wordpressForTests();
afterAll(() => wp?.stop());

/** A project with one plan, one WordPress channel (behind the proxy) and two due items. */
async function writeProject(root: string, portalUrl: string): Promise<void> {
  // Due five minutes ago, in the plan's zone.
  const due = DateTime.now()
    .setZone('Asia/Ho_Chi_Minh')
    .minus({ minutes: 5 })
    .toFormat("yyyy-MM-dd'T'HH:mm");
  await writeSchedProject(
    root,
    [
      {
        id: 'cong-ttdt',
        wordpress: { url: portalUrl, userEnv: USER_ENV, passwordEnv: PASSWORD_ENV },
        maxLatenessMinutes: 600,
      },
    ],
    [
      ['mot-cua', 'Bộ phận một cửa tỉnh Thử tiếp nhận hồ sơ trực tuyến'],
      ['dich-vu-cong', 'Dịch vụ công trực tuyến toàn trình: người dân không phải đến cơ quan'],
    ].map(([id, title]) => ({ id: id!, title, channels: ['cong-ttdt'], publishAt: due })),
  );
}

describe.runIf(wp)('loa run killed between WordPress answering and loa recording it', () => {
  it('finds the post again after the restart: each item is on the portal exactly once', async () => {
    if (!wp) return;
    const proxy = await new FaultProxy(wp.url).start();
    try {
      const root = await tempDir('wp-kill');
      const dataDir = await tempDir('wp-kill-data');
      await writeProject(root, proxy.url);
      const env = { LOA_DATA_DIR: dataDir, ...wpEnv(wp) };

      // The first post is created by WordPress, but its answer never reaches loa: kill it then.
      proxy.inject({ fault: 'hold-response', method: 'POST', path: '/wp/v2/posts' });
      const held = proxy.held();
      const first = spawnLoa(['run', '--once', '--lease', '2', '--dir', root], env);
      await held;
      first.child.kill('SIGKILL');
      expect(await first.exited).toBe('SIGKILL');
      expect(await loaPosts(wp)).toHaveLength(1);

      // After the lease runs out, the restarted process looks the post up before any retry.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      const second = await runLoa(['run', '--once', '--dir', root], env);
      expect(second.code, second.stderr).toBe(0);
      const events = second.lines.map((l) => l.event);
      expect(events).toContain('reconciled');
      expect(events.filter((e) => e === 'published' || e === 'reconciled')).toHaveLength(2);

      const posts = await loaPosts(wp);
      expect(posts).toHaveLength(2);
      expect(new Set(posts.map((p) => p.slug)).size).toBe(2);
      expect(posts.every((p) => p.status === 'publish')).toBe(true);

      // A third run finds nothing left to do and creates nothing.
      const third = await runLoa(['run', '--once', '--dir', root], env);
      expect(third.code).toBe(0);
      expect(await loaPosts(wp)).toHaveLength(2);
    } finally {
      await proxy.close();
    }
    // NOTE: several loa processes start and talk to the real WordPress here; with two test
    // files running side by side on two cores that can pass the 30 s default. No timing is
    // asserted: the time budget only has to hold the work.
  }, 120_000);
});
