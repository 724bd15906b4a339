import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { PublicationRequest } from '../../../src/channels/types.js';
import { createWordpressAdapter } from '../../../src/channels/wordpress/index.js';
import { basicAuthorization } from '../../../src/channels/wordpress/rest-client.js';
import type { WordpressChannel } from '../../../src/model/channel.js';
import { ManualClock } from '../../../src/model/clock.js';
import type { ContentItem } from '../../../src/model/item.js';
import type { WordpressInstance } from '../../support/wordpress.js';

export const USER_ENV = 'LOA_TEST_WP_USER';
export const PASSWORD_ENV = 'LOA_TEST_WP_APP_PASSWORD';

/** A WordPress channel as a channel file would give it, pointed at `url`. */
export function wpChannel(
  url: string,
  overrides: Partial<WordpressChannel> = {},
): WordpressChannel {
  return {
    id: 'cong-tinh',
    name: 'Chuyên trang CCHC – Cổng TTĐT tỉnh',
    unit: 'cong-ttdt-tinh',
    serves: [],
    maxLatenessMinutes: 120,
    retry: { maxAttempts: 5, baseDelaySec: 30 },
    kind: 'wordpress',
    url,
    section: { name: 'Cải cách hành chính', slug: 'cai-cach-hanh-chinh' },
    credentials: { userEnv: USER_ENV, passwordEnv: PASSWORD_ENV },
    timeoutSec: 20,
    ...overrides,
  };
}

/** An approved content item. */
export function wpItem(overrides: Partial<ContentItem> = {}): ContentItem {
  return {
    id: '2024/03/mot-cua',
    title: 'Trung tâm Phục vụ hành chính công: một cửa, một lần đến',
    summary: 'Người dân nộp hồ sơ một lần & nhận kết quả đúng hẹn.',
    topics: ['mot-cua', 'cai-cach-tthc'],
    channels: ['cong-tinh'],
    unit: 'cong-ttdt-tinh',
    author: 'Phòng Thời sự',
    priority: 3,
    media: [],
    repost: false,
    evergreen: false,
    status: 'approved',
    body: 'Mỗi buổi sáng, các **quầy tiếp nhận** đón người dân.\n\n<script>alert(1)</script>\n',
    ...overrides,
  };
}

let counter = 0;
/** A publication request with a fresh key (unique per call unless given). */
export function wpRequest(
  channel: WordpressChannel,
  item: ContentItem,
  extra: Partial<PublicationRequest> = {},
): PublicationRequest {
  counter += 1;
  return {
    key: `${channel.id}/${item.id}/2024-03-04T01:00:00Z#${process.pid}-${counter}`,
    channel,
    item,
    contentHash: `hash-${counter}`,
    slot: '2024-03-04T01:00:00Z',
    attempt: 1,
    ...extra,
  };
}

/** The environment an adapter reads its credentials from. */
export function wpEnv(wp: WordpressInstance, password = wp.appPassword): NodeJS.ProcessEnv {
  return { [USER_ENV]: wp.user, [PASSWORD_ENV]: password };
}

/** An adapter for a channel, with the test instance's credentials and a data folder. */
export function makeAdapter(
  wp: WordpressInstance,
  dataDir: string,
  channel = wpChannel(wp.url),
  env = wpEnv(wp),
) {
  return createWordpressAdapter({
    channel,
    env,
    dataDir,
    clock: new ManualClock('2024-03-04T01:00:00Z'),
  });
}

/** Reads from the test WordPress directly, as an administrator would look. */
export async function wpGet<T>(wp: WordpressInstance, route: string): Promise<T> {
  const response = await fetch(`${wp.url}/wp-json${route}`, {
    headers: { Authorization: basicAuthorization(wp.user, wp.appPassword) },
  });
  if (!response.ok) throw new Error(`GET ${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Posts (any status, trash included) that carry a marker, as loa looks them up. */
export async function postsWithMarker(wp: WordpressInstance, marker: string) {
  return wpGet<{ id: number; slug: string; status: string }[]>(
    wp,
    `/wp/v2/posts?per_page=100&status=publish,future,draft,pending,private,trash&context=edit&_fields=id,slug,status&search=${marker}&orderby=id`,
  );
}

/** Posts loa made (any status, trash included): those whose content carries loa's marker. */
export async function loaPosts(wp: WordpressInstance) {
  const posts = await wpGet<
    { id: number; slug: string; status: string; content: { raw: string } }[]
  >(
    wp,
    `/wp/v2/posts?per_page=100&status=publish,future,draft,pending,private,trash&context=edit&_fields=id,slug,status,content&orderby=id`,
  );
  return posts
    .filter((p) => p.content.raw.includes('<!-- loa:'))
    .map(({ id, slug, status }) => ({ id, slug, status }));
}

/**
 * Writes a real photo-like JPEG into `dir/name`: red top half, blue bottom half.
 * Returns its path.
 */
export async function writePhoto(dir: string, name: string, width = 600, height = 400) {
  await mkdir(dir, { recursive: true });
  const path = join(dir, name);
  const half = Math.floor(height / 2);
  await sharp({ create: { width, height, channels: 3, background: '#0000ff' } })
    .composite([
      {
        input: { create: { width, height: half, channels: 3, background: '#ff0000' } },
        top: 0,
        left: 0,
      },
    ])
    .jpeg()
    .toFile(path);
  return path;
}
