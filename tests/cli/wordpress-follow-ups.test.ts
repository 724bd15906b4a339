import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { readEvidence } from '../../src/evidence/log.js';
import { openStore } from '../../src/store/open-store.js';
import {
  loaPosts,
  PASSWORD_ENV,
  USER_ENV,
  wpEnv,
  wpGet,
} from '../channels/wordpress/wp-fixtures.js';
import { runLoa } from '../support/loa-process.js';
import { type ItemSpec, writeItem, writeSchedProject } from '../support/sched-project.js';
import { tempDir } from '../support/temp-dir.js';
import { wordpressForTests } from '../support/wordpress.js';

const wp = await wordpressForTests();
afterAll(() => wp?.stop());

interface Post {
  id: number;
  status: string;
  title: { raw: string };
}

describe.runIf(wp)('an item edited and then withdrawn after it went out to WordPress', () => {
  it('updates the post, then moves it to the trash, and the log corrects its entry each time', async () => {
    if (!wp) return;
    const root = await tempDir('wp-follow');
    const dataDir = await tempDir('wp-follow-data');
    // Due five minutes ago, in the plan's zone.
    const due = DateTime.now()
      .setZone('Asia/Ho_Chi_Minh')
      .minus({ minutes: 5 })
      .toFormat("yyyy-MM-dd'T'HH:mm");
    const item: ItemSpec = {
      id: 'mot-cua',
      channels: ['cong-ttdt'],
      publishAt: due,
      title: 'Bộ phận một cửa tiếp nhận hồ sơ trực tuyến',
    };
    await writeSchedProject(
      root,
      [
        {
          id: 'cong-ttdt',
          wordpress: { url: wp.url, userEnv: USER_ENV, passwordEnv: PASSWORD_ENV },
          maxLatenessMinutes: 600,
        },
      ],
      [item],
    );
    const env = { LOA_DATA_DIR: dataDir, ...wpEnv(wp) };
    const run = async () => {
      const result = await runLoa(['run', '--once', '--dir', root], env);
      expect(result.code, result.stderr).toBe(0);
      return result.lines.map((l) => l.event).filter((e) => e !== undefined);
    };

    const queued = async () => {
      const list = await runLoa(['queue', 'list', '--dir', root], env);
      expect(list.code, list.stderr).toBe(0);
      return list.lines.map((l) => String(l.text ?? ''));
    };
    expect(await run()).toContain('published');
    expect(await queued()).toEqual([expect.stringContaining('cong-ttdt:published')]);
    const [post] = await loaPosts(wp);
    const read = () => wpGet<Post>(wp, `/wp/v2/posts/${post!.id}?context=edit`);
    expect((await read()).title.raw).toBe(item.title);

    // The editor corrects the title in content/: the next pass updates the same post.
    await writeItem(root, { ...item, title: 'Bộ phận một cửa: nhận hồ sơ trực tuyến cả thứ Bảy' });
    const edited = await run();
    expect(edited).toContain('updated');
    expect(edited).not.toContain('published');
    expect((await read()).title.raw).toBe('Bộ phận một cửa: nhận hồ sơ trực tuyến cả thứ Bảy');
    expect(await loaPosts(wp)).toHaveLength(1);

    // Then withdraws it: the post goes to the trash (kept there, as WordPress does).
    const withdrawn = await runLoa(['queue', 'withdraw', 'mot-cua', '--dir', root], env);
    expect(withdrawn.code, withdrawn.stderr).toBe(0);
    expect(await run()).toContain('withdrawn');
    expect((await read()).status).toBe('trash');
    expect(await queued()).toEqual([
      expect.stringMatching(/^mot-cua {2}withdrawn .*cong-ttdt:withdrawn/),
    ]);
    expect(await run()).not.toContain('withdrawn');

    // The log holds the publication and its two corrections, and still verifies.
    const store = await openStore({ dataDir });
    try {
      const entries = await readEvidence(store);
      expect(entries.map((e) => [e.kind, e.corrects, e.void])).toEqual([
        ['publication', undefined, undefined],
        ['correction', 0, undefined],
        ['correction', 0, true],
      ]);
    } finally {
      await store.close();
    }
    const verify = await runLoa(['evidence', 'verify', '--dir', root], env);
    expect(verify.code, verify.stderr).toBe(0);
    // NOTE: several loa processes start and talk to the real WordPress here; with two test
    // files running side by side on two cores that can pass the 30 s default. No timing is
    // asserted: the time budget only has to hold the work.
  }, 120_000);
});
