import { mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createWordpressAdapter, postMarker } from '../../../src/channels/wordpress/index.js';
import { LoaError } from '../../../src/errors/loa-error.js';
import { ManualClock } from '../../../src/model/clock.js';
import { tempDir } from '../../support/temp-dir.js';
import { wordpressForTests } from '../../support/wordpress.js';
import {
  makeAdapter,
  PASSWORD_ENV,
  postsWithMarker,
  USER_ENV,
  wpChannel,
  wpEnv,
  wpGet,
  wpItem,
  wpRequest,
  writePhoto,
} from './wp-fixtures.js';

// One folder per test file, removed after it; each test takes its own subfolder.
const root = await tempDir('wp-tests');
const scratch = (prefix: string) => mkdtemp(join(root, `${prefix}-`));

const wp = await wordpressForTests();
afterAll(() => wp?.stop());
const signal = () => AbortSignal.timeout(60_000);

/**
 * The markup of ours that a browser would run in some HTML: a tag `script` carrying `alert`,
 * `iframe`, or any tag with an `on…` attribute (`<svg onload>`, `<img onerror>`). Quoted attribute values are read as
 * values, so an escaped `onerror` inside `alt="…"` is text, as it is to a browser.
 */
function liveMarkup(html: string): string[] {
  const live: string[] = [];
  const tag = /<([a-z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
  for (const [whole, name, attrs] of html.matchAll(tag)) {
    const lower = (name as string).toLowerCase();
    if (lower === 'iframe') live.push(whole);
    const names = [
      ...(attrs as string).matchAll(/\s([^\s=/>"']+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/g),
    ];
    if (names.some((m) => /^on/i.test(m[1] as string))) live.push(whole);
  }
  for (const [whole] of html.matchAll(/<script\b[^>]*>[\s\S]*?<\/script>/gi)) {
    if (/alert\(/.test(whole)) live.push(whole);
  }
  return live;
}

interface WpPost {
  id: number;
  slug: string;
  status: string;
  title: { raw: string };
  content: { raw: string };
  excerpt: { raw: string };
  categories: number[];
  tags: number[];
  featured_media: number;
}

describe('WordPress adapter without credentials', () => {
  it('is reported as not configured, and a publication is refused as such', async () => {
    const adapter = makeAdapter(
      { url: 'http://127.0.0.1:9', user: '', appPassword: '', dir: '', stop: async () => {} },
      await scratch('wp-unset'),
      wpChannel('http://127.0.0.1:9'),
      { [USER_ENV]: 'editor' },
    );
    expect(adapter.readiness?.()).toEqual({ ready: false, missing: [PASSWORD_ENV] });
    const error = await adapter
      .publish(wpRequest(wpChannel('http://127.0.0.1:9'), wpItem()), signal())
      .catch((e) => e);
    expect(error).toBeInstanceOf(LoaError);
    expect(error.code).toBe('WP_NOT_CONFIGURED');
    expect(error.message).toContain(PASSWORD_ENV);
  });
});

describe.runIf(wp)('WordPress adapter against a real WordPress', () => {
  const instance = wp!;

  it('publishes an item once, in the section, with tags, Vietnamese texts and its featured image', async () => {
    const dataDir = await scratch('wp-data');
    const itemDir = await scratch('wp-item');
    await writePhoto(itemDir, 'Ảnh hội nghị CCHC.jpg');
    const item = wpItem({
      media: [
        {
          file: 'Ảnh hội nghị CCHC.jpg',
          alt: 'Hội nghị triển khai công tác cải cách hành chính',
          caption: 'Quang cảnh hội nghị',
        },
      ],
    });
    const adapter = makeAdapter(instance, dataDir);
    const request = wpRequest(wpChannel(instance.url), item, { itemDir });
    const ref = await adapter.publish(request, signal());

    const post = await wpGet<WpPost>(instance, `/wp/v2/posts/${ref.externalId}?context=edit`);
    expect(post.status).toBe('publish');
    // The public address reads as the title without diacritics (WordPress adds -2 to a taken one).
    expect(post.slug).toMatch(/^trung-tam-phuc-vu-hanh-chinh-cong-mot-cua-mot-lan-den(-\d+)?$/);
    expect(post.content.raw).toContain(`<!-- loa:${postMarker(request.key)} -->`);
    expect(post.title.raw).toBe(item.title);
    expect(post.content.raw).toContain('<strong>quầy tiếp nhận</strong>');
    expect(post.content.raw).not.toContain('<script');
    expect(post.excerpt.raw).toContain('Người dân nộp hồ sơ một lần');
    const [category] = await wpGet<{ id: number; name: string; slug: string }[]>(
      instance,
      `/wp/v2/categories?include=${post.categories.join(',')}`,
    );
    expect(post.categories).toHaveLength(1);
    expect(category).toMatchObject({ name: 'Cải cách hành chính', slug: 'cai-cach-hanh-chinh' });
    const tags = await wpGet<{ slug: string }[]>(
      instance,
      `/wp/v2/tags?include=${post.tags.join(',')}`,
    );
    expect(tags.map((t) => t.slug).sort()).toEqual(['cai-cach-tthc', 'mot-cua']);

    const media = await wpGet<{
      alt_text: string;
      title: { raw: string };
      source_url: string;
      media_details: { width: number };
    }>(instance, `/wp/v2/media/${post.featured_media}?context=edit`);
    expect(media.alt_text).toBe('Hội nghị triển khai công tác cải cách hành chính');
    expect(media.title.raw).toBe('Quang cảnh hội nghị');
    expect(media.source_url).toMatch(/\/anh-hoi-nghi-cchc(-\d+)?\.jpg$/);
    const image = await fetch(media.source_url);
    expect(image.headers.get('content-type')).toBe('image/jpeg');

    // A second publish with the same key (a retry) finds the post instead of making another.
    const again = await makeAdapter(instance, dataDir).publish(
      { ...request, attempt: 2 },
      signal(),
    );
    expect(again.externalId).toBe(ref.externalId);
    expect(await postsWithMarker(instance, postMarker(request.key))).toHaveLength(1);
    expect(await adapter.find(request.key, signal())).toEqual(ref);
    expect(await adapter.find(`${request.key}-other`, signal())).toBeUndefined();
  });

  it("names tags by the plan's Vietnamese topic titles, with the topic id as their slug", async () => {
    const adapter = createWordpressAdapter({
      channel: wpChannel(instance.url),
      env: wpEnv(instance),
      dataDir: await scratch('wp-data'),
      clock: new ManualClock('2024-03-04T01:00:00Z'),
      topicTitles: new Map([['dich-vu-cong-4', 'Dịch vụ công trực tuyến toàn trình']]),
    });
    const request = wpRequest(
      wpChannel(instance.url),
      wpItem({ topics: ['dich-vu-cong-4', 'khong-co-trong-ke-hoach'], media: [] }),
    );
    const ref = await adapter.publish(request, signal());
    const post = await wpGet<WpPost>(instance, `/wp/v2/posts/${ref.externalId}?context=edit`);
    const tags = await wpGet<{ slug: string; name: string }[]>(
      instance,
      `/wp/v2/tags?include=${post.tags.join(',')}&_fields=slug,name`,
    );
    expect(tags.sort((a, b) => a.slug.localeCompare(b.slug))).toEqual([
      { slug: 'dich-vu-cong-4', name: 'Dịch vụ công trực tuyến toàn trình' },
      // A topic the plan does not name keeps its id as the tag's name.
      { slug: 'khong-co-trong-ke-hoach', name: 'khong-co-trong-ke-hoach' },
    ]);
  });

  it('updates an edited item in place and withdraws it to the trash', async () => {
    const adapter = makeAdapter(instance, await scratch('wp-data'));
    const request = wpRequest(wpChannel(instance.url), wpItem({ media: [] }));
    const ref = await adapter.publish(request, signal());
    const edited = wpItem({
      title: 'Đính chính: lịch tiếp công dân tháng 3',
      body: 'Nội dung **đã sửa**.',
    });
    const updated = await adapter.update!(ref, { ...request, item: edited }, signal());
    expect(updated.externalId).toBe(ref.externalId);
    const post = await wpGet<WpPost>(instance, `/wp/v2/posts/${ref.externalId}?context=edit`);
    expect(post.title.raw).toBe('Đính chính: lịch tiếp công dân tháng 3');
    expect(post.content.raw).toContain('<strong>đã sửa</strong>');

    await adapter.withdraw!(ref, signal());
    const trashed = await wpGet<WpPost>(instance, `/wp/v2/posts/${ref.externalId}?context=edit`);
    expect(trashed.status).toBe('trash');
    // Found again in the trash, as withdrawn: never mistaken for absent (that would repost it).
    expect(await adapter.find(request.key, signal())).toMatchObject({
      externalId: ref.externalId,
      withdrawn: true,
    });
    // Withdrawing twice (a retried withdrawal) is not an error.
    await adapter.withdraw!(ref, signal());
  });

  it('creates a missing section category once, and reuses one that exists under another slug', async () => {
    const channel = wpChannel(instance.url, { section: { name: 'Chuyên mục Một cửa' } });
    const first = await makeAdapter(instance, await scratch('wp-data'), channel).publish(
      wpRequest(channel, wpItem()),
      signal(),
    );
    const second = await makeAdapter(instance, await scratch('wp-data'), channel).publish(
      wpRequest(channel, wpItem()),
      signal(),
    );
    const cats = await wpGet<{ id: number; name: string; slug: string }[]>(
      instance,
      '/wp/v2/categories?search=M%E1%BB%99t%20c%E1%BB%ADa',
    );
    expect(cats).toHaveLength(1);
    expect(cats[0]?.slug).toBe('chuyen-muc-mot-cua');
    for (const ref of [first, second]) {
      const post = await wpGet<WpPost>(instance, `/wp/v2/posts/${ref.externalId}?context=edit`);
      expect(post.categories).toEqual([cats[0]?.id]);
    }

    // The portal already has "Tin CCHC" under its own slug; WordPress answers term_exists.
    const made = await fetch(`${instance.url}/wp-json/wp/v2/categories`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${instance.user}:${instance.appPassword}`).toString('base64')}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ name: 'Tin CCHC', slug: 'tin-cchc-cu' }),
    }).then((r) => r.json() as Promise<{ id: number }>);
    const other = wpChannel(instance.url, { section: { name: 'Tin CCHC' } });
    const ref = await makeAdapter(instance, await scratch('wp-data'), other).publish(
      wpRequest(other, wpItem()),
      signal(),
    );
    const post = await wpGet<WpPost>(instance, `/wp/v2/posts/${ref.externalId}?context=edit`);
    expect(post.categories).toEqual([made.id]);
  });

  it('refuses an item whose image is not an image, without posting anything', async () => {
    const itemDir = await scratch('wp-item');
    await writeFile(join(itemDir, 'anh.jpg'), 'đây không phải là ảnh');
    const adapter = makeAdapter(instance, await scratch('wp-data'));
    const request = wpRequest(
      wpChannel(instance.url),
      wpItem({ media: [{ file: 'anh.jpg', alt: 'Ảnh' }] }),
      { itemDir },
    );
    const error = await adapter.publish(request, signal()).catch((e) => e);
    expect(error).toMatchObject({ code: 'MEDIA_NOT_IMAGE', failure: 'permanent' });
    expect(error.message).toContain('anh.jpg');
    expect(await adapter.find(request.key, signal())).toBeUndefined();
    // The next item of the same channel is not affected.
    const ok = await adapter.publish(wpRequest(wpChannel(instance.url), wpItem()), signal());
    expect(Number(ok.externalId)).toBeGreaterThan(0);
  });
  it('posts a hostile title, summary, alt and caption as text: the public page shows them and runs nothing', async () => {
    const itemDir = await scratch('wp-item');
    await writePhoto(itemDir, 'anh.jpg');
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const item = wpItem({
      title: `Tin CCHC ${hostile} & "một cửa"`,
      summary: `Tóm tắt ${hostile}`,
      body: `Nội dung [bấm](javascript:alert(3)) <iframe src="https://evil.example"></iframe>\n\n${hostile}\n`,
      media: [
        { file: 'anh.jpg', alt: `Ảnh" onerror="alert(4)`, caption: `Chú thích ${hostile}` },
        { file: 'anh.jpg', alt: 'Ảnh 2', caption: `<svg onload=alert(5)>` },
      ],
    });
    const adapter = makeAdapter(instance, await scratch('wp-data'));
    const ref = await adapter.publish(
      wpRequest(wpChannel(instance.url), item, { itemDir }),
      signal(),
    );
    const post = await wpGet<WpPost>(instance, `/wp/v2/posts/${ref.externalId}?context=edit`);
    expect(post.title.raw).toBe(
      'Tin CCHC &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; &amp; "một cửa"',
    );
    const media = await wpGet<{
      caption: { raw: string };
      alt_text: string;
      title: { raw: string };
    }>(instance, `/wp/v2/media/${post.featured_media}?context=edit`);
    expect(media.caption.raw).not.toContain('<');
    expect(media.title.raw).not.toContain('<');

    // The public page, as a visitor gets it: the texts are there as text, no markup of theirs.
    const page = await (await fetch(ref.url as string)).text();
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(liveMarkup(page)).toEqual([]);
    expect(page).not.toMatch(/href="javascript:/i);
    // The attachment page shows the caption; WordPress's REST renders it too.
    const rendered = await wpGet<{ caption: { rendered: string } }>(
      instance,
      `/wp/v2/media/${post.featured_media}`,
    );
    expect(liveMarkup(rendered.caption.rendered)).toEqual([]);
  });
});
