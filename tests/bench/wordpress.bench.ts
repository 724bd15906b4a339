import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWordpressAdapter, legacyPostSlug } from '../../src/channels/wordpress/index.js';
import { composePostContent, postExcerpt } from '../../src/channels/wordpress/post-content.js';
import { basicAuthorization } from '../../src/channels/wordpress/rest-client.js';
import type { WordpressChannel } from '../../src/model/channel.js';
import { systemClock } from '../../src/model/clock.js';
import type { ContentItem } from '../../src/model/item.js';
import { startWordpress } from '../support/wordpress.js';
import { type BenchFigure, timeMs } from './report.js';

const ITEMS = 200;
const GOAL = 1.15;

function item(i: number): ContentItem {
  return {
    id: `bench/tin-${i}`,
    title: `Tin cải cách hành chính số ${i}: đẩy mạnh dịch vụ công trực tuyến`,
    summary: 'Người dân nộp hồ sơ trực tuyến, nhận kết quả tại nhà.',
    topics: ['cai-cach-tthc', 'chuyen-doi-so'],
    channels: ['cong-ttdt'],
    unit: 'so-noi-vu',
    author: 'Văn phòng Sở',
    priority: 3,
    media: [],
    repost: false,
    evergreen: false,
    status: 'approved',
    body: `Bài số ${i}. Sở Nội vụ **triển khai** kế hoạch tuyên truyền CCHC năm 2024.\n\n- Một cửa\n- Dịch vụ công\n`,
  };
}

/**
 * Publishes 200 items to a local WordPress through the adapter, and beside it the same HTTP
 * calls (slug lookup, then create) in a bare fetch loop with the same bodies.
 */
export async function run(): Promise<BenchFigure[]> {
  const wp = await startWordpress();
  const dataDir = await mkdtemp(join(tmpdir(), 'loa-bench-wp-'));
  try {
    const channel: WordpressChannel = {
      id: 'cong-ttdt',
      name: 'Cổng TTĐT',
      unit: 'so-noi-vu',
      serves: [],
      maxLatenessMinutes: 120,
      retry: { maxAttempts: 5, baseDelaySec: 30 },
      kind: 'wordpress',
      url: wp.url,
      section: { name: 'Cải cách hành chính', slug: 'cai-cach-hanh-chinh' },
      credentials: { userEnv: 'BENCH_WP_USER', passwordEnv: 'BENCH_WP_PASSWORD' },
      timeoutSec: 30,
    };
    const adapter = createWordpressAdapter({
      channel,
      env: { BENCH_WP_USER: wp.user, BENCH_WP_PASSWORD: wp.appPassword },
      dataDir,
      clock: systemClock,
    });
    const signal = AbortSignal.timeout(30 * 60_000);
    const publish = (i: number) =>
      adapter.publish(
        {
          key: `bench/a/${i}`,
          channel,
          item: item(i),
          contentHash: `${i}`,
          slot: '2024-03-04T01:00:00Z',
          attempt: 1,
        },
        signal,
      );
    // Warm up: the section and the tags exist before timing, for both loops.
    const warm = await publish(-1);
    const fields = (await (
      await fetch(`${wp.url}/wp-json/wp/v2/posts/${warm.externalId}?_fields=categories,tags`)
    ).json()) as { categories: number[]; tags: number[] };

    const api = `${wp.url}/wp-json/wp/v2/posts`;
    const headers = {
      Authorization: basicAuthorization(wp.user, wp.appPassword),
      Accept: 'application/json',
    };
    const bare = async (i: number) => {
      const slug = legacyPostSlug(`bench/b/${i}`);
      const query = new URLSearchParams({
        slug,
        status: 'publish,future,draft,pending,private,trash',
        context: 'edit',
        _fields: 'id,link,date_gmt,status,slug',
      });
      const found = (await (await fetch(`${api}?${query}`, { headers })).json()) as unknown[];
      if (found.length > 0) return;
      const it = item(i);
      const created = await fetch(`${api}?_fields=id,link,date_gmt,status,slug`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' },
        body: JSON.stringify({
          title: it.title,
          content: composePostContent(it.body, []),
          excerpt: postExcerpt(it.summary),
          categories: fields.categories,
          tags: fields.tags,
          featured_media: 0,
          slug,
          status: 'publish',
        }),
      });
      if (created.status !== 201) throw new Error(`bare create: ${created.status}`);
      await created.json();
    };

    // NOTE: interleaved item by item (order swapped each time), so that the database
    // growing and other load on the machine weigh on both loops alike.
    let ours = 0;
    let baseline = 0;
    for (let i = 0; i < ITEMS; i++) {
      if (i % 2 === 0) {
        ours += await timeMs(() => publish(i));
        baseline += await timeMs(() => bare(i));
      } else {
        baseline += await timeMs(() => bare(i));
        ours += await timeMs(() => publish(i));
      }
    }
    return [
      {
        name: `publish ${ITEMS} items to a local WordPress (look the post up + create)`,
        ours,
        baseline,
        unit: 'ms',
        baselineLabel: 'bare fetch loop, same calls',
        goal: `ratio ≤ ${GOAL}`,
        met: ours / baseline <= GOAL,
      },
    ];
  } finally {
    await wp.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
