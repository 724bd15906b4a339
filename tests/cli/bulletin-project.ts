import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Env names of the fixture portal's credentials (never set by the tests unless they say so). */
export const PORTAL_ENV = { user: 'LOA_TEST_BT_WP_USER', password: 'LOA_TEST_BT_WP_PASSWORD' };

/** One item of the fixture bulletin: its id, publishAt (local) and state. */
export interface BulletinItemSpec {
  id: string;
  publishAt?: string;
  status?: 'draft' | 'approved';
  channels?: string[];
}

/** What else the fixture project holds. */
export interface BulletinProjectOptions {
  /** Feeds of an ingest channel `bao-tinh` (press records) and `doi-tac` (drafts). */
  feeds?: { press?: string; draft?: string };
}

const PLAN = [
  'id: thu',
  'document: { number: 01/KH-UBND, date: "2024-01-05", issuer: UBND tỉnh Thử, title: Kế hoạch thử }',
  'period: { start: "2024-01-01", end: "2030-12-31" }',
  'units: [{ id: so-noi-vu, name: Sở Nội vụ }]',
  'tasks:',
  '  - { id: ban-tin, title: Bản tin điện tử, unit: so-noi-vu, source: II.2.b, rule: { per: month, atLeast: 4, channelKinds: [bulletin] } }',
  '  - { id: cong, title: Chuyên mục trên cổng, unit: so-noi-vu, source: II.2.a, rule: { per: month, atLeast: 1, channelKinds: [wordpress] } }',
  '  - { id: bao-chi, title: Báo chí đưa tin, unit: so-noi-vu, source: III.1.c, rule: { per: month, atLeast: 0, channelKinds: [ingest] } }',
  '',
].join('\n');

const BULLETIN = [
  'id: ban-tin',
  'name: Bản tin CCHC tỉnh',
  'kind: bulletin',
  'unit: so-noi-vu',
  'title: Bản tin Cải cách hành chính tỉnh Thử',
  'issueDays: [7, 14, 21, 28]',
  'issueTime: "08:00"',
  'siteUrl: http://127.0.0.1:8082/ban-tin/',
  'portal: cong',
  'serves: [{ plan: thu, tasks: [ban-tin] }]',
  '',
].join('\n');

const PORTAL = [
  'id: cong',
  'name: Chuyên mục CCHC, Cổng TTĐT tỉnh',
  'kind: wordpress',
  'unit: so-noi-vu',
  'url: https://cong.example.vn',
  'section: { name: Cải cách hành chính }',
  `credentials: { userEnv: ${PORTAL_ENV.user}, passwordEnv: ${PORTAL_ENV.password} }`,
  'serves: [{ plan: thu, tasks: [cong] }]',
  '',
].join('\n');

function ingest(id: string, url: string, creates: 'press' | 'draft'): string {
  return [
    `id: ${id}`,
    `name: Nguồn tin ${id}`,
    'kind: ingest',
    'unit: so-noi-vu',
    `feeds: [{ url: "${url}", name: Nguồn ${id} }]`,
    `creates: ${creates}`,
    creates === 'draft' ? 'channels: [ban-tin]' : '',
    'serves: [{ plan: thu, tasks: [bao-chi] }]',
    '',
  ]
    .filter((line, i, all) => line !== '' || i === all.length - 1)
    .join('\n');
}

/**
 * Writes a project with one plan (Asia/Ho_Chi_Minh), the bulletin `ban-tin` (issues on the
 * 7th, 14th, 21st and 28th at 08:00, posted to the portal `cong`), the WordPress portal `cong`
 * (credentials by env name), optional ingest channels, and the given items.
 */
export async function writeBulletinProject(
  root: string,
  items: BulletinItemSpec[],
  options: BulletinProjectOptions = {},
): Promise<void> {
  for (const dir of ['schedules', 'channels', 'content'])
    await mkdir(join(root, dir), { recursive: true });
  await writeFile(join(root, 'schedules/thu.yaml'), PLAN);
  await writeFile(join(root, 'channels/ban-tin.yaml'), BULLETIN);
  await writeFile(join(root, 'channels/cong.yaml'), PORTAL);
  if (options.feeds?.press)
    await writeFile(
      join(root, 'channels/bao-tinh.yaml'),
      ingest('bao-tinh', options.feeds.press, 'press'),
    );
  if (options.feeds?.draft)
    await writeFile(
      join(root, 'channels/doi-tac.yaml'),
      ingest('doi-tac', options.feeds.draft, 'draft'),
    );
  for (const item of items) {
    const front = [
      '---',
      `title: Cải cách thủ tục hành chính – bài ${item.id}`,
      'summary: Người dân và doanh nghiệp được phục vụ nhanh hơn',
      `channels: [${(item.channels ?? ['ban-tin']).join(', ')}]`,
      'unit: so-noi-vu',
      'author: Phòng CCHC',
      item.publishAt ? `publishAt: ${item.publishAt}` : '',
      `status: ${item.status ?? 'approved'}`,
      '---',
      `Nội dung **bài ${item.id}** về cải cách hành chính.`,
      '',
    ].filter((line, i, all) => line !== '' || i === all.length - 1);
    await writeFile(join(root, `content/${item.id}.md`), front.join('\n'));
  }
}
