import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One TV item of the fixture station: its airing week is set by `publishAt`. */
export interface TvItem {
  id: string;
  title: string;
  durationSec: number;
  publishAt?: string;
  priority?: number;
  repost?: boolean;
  evergreen?: boolean;
  segment?: string;
}

/**
 * The March 2024 items: three a week (900–1200 s) for the Fridays of weeks 9, 10, 11 and 13;
 * week 12 has one item (300 s) and the evergreen reserve one more (200 s): too little.
 */
export const MARCH_ITEMS: TvItem[] = [
  ...[
    ['2024-03-01', 'w09'],
    ['2024-03-08', 'w10'],
    ['2024-03-15', 'w11'],
    ['2024-03-29', 'w13'],
  ].flatMap(([day, w]) => [
    {
      id: `${w}-mot-cua`,
      title: `Một cửa liên thông hiện đại (${w})`,
      durationSec: 420,
      publishAt: `${day}T20:00`,
      priority: 4,
      repost: w === 'w10',
    },
    {
      id: `${w}-dich-vu-cong`,
      title: `Dịch vụ công trực tuyến toàn trình (${w})`,
      durationSec: 300,
      publishAt: `${day}T20:00`,
    },
    {
      id: `${w}-hoi-dap`,
      title: `Hỏi – đáp thủ tục hành chính (${w})`,
      durationSec: 240,
      publishAt: `${day}T20:00`,
      segment: 'Hỏi – đáp',
    },
  ]),
  {
    // Due the day after W12's Friday slot: it must not air before its publishAt.
    id: 'w12-sau-gio-phat',
    title: 'Tin dự kiến phát thứ Bảy',
    durationSec: 200,
    publishAt: '2024-03-23T09:00',
  },
  {
    id: 'w12-chi-so-par',
    title: 'Chỉ số PAR Index 2023',
    durationSec: 300,
    publishAt: '2024-03-22T20:00',
  },
  {
    id: 'du-phong-ky-cuong',
    title: 'Kỷ luật, kỷ cương hành chính',
    durationSec: 200,
    evergreen: true,
  },
];

/**
 * Writes a small station project: a plan with the weekly-programme task (at least 15 minutes,
 * clause IV.1.d) and the repost task (II.2.b), a TV channel like thai-binh-tv-cchc (Fridays
 * 20:00, 1200 s, minimum 900, prime time 18:00–22:30, lead time 48 h, reposts to the portal)
 * and a WordPress portal (never reached here) with a posting schedule, and the items.
 */
export async function writeStation(root: string, items: readonly TvItem[] = MARCH_ITEMS) {
  for (const dir of ['schedules', 'channels', 'content']) {
    await mkdir(join(root, dir), { recursive: true });
  }
  await writeFile(
    join(root, 'schedules/thu.yaml'),
    [
      'id: thu',
      'document: { number: 01/KH-UBND, date: "2024-01-05", issuer: UBND tỉnh Thử, title: Kế hoạch tuyên truyền CCHC }',
      'period: { start: "2024-01-01", end: "2024-12-31" }',
      'topics: [{ id: mot-cua, title: Một cửa, focus: true }]',
      'units: [{ id: dai-ptth, name: Đài PT-TH tỉnh }, { id: cong-ttdt, name: Cổng TTĐT tỉnh }]',
      'tasks:',
      '  - { id: chuyen-muc, title: Chuyên mục CCHC hằng tuần, unit: dai-ptth, source: IV.1.d, rule: { per: week, atLeast: 1, minDurationSec: 900, channelKinds: [broadcast] } }',
      '  - { id: dang-lai, title: Đăng lại tác phẩm đã phát, unit: cong-ttdt, source: II.2.b, rule: { per: month, atLeast: 0, channelKinds: [wordpress] } }',
      '',
    ].join('\n'),
  );
  await writeFile(
    join(root, 'channels/tv.yaml'),
    [
      'id: tv',
      'name: Chuyên mục Cải cách hành chính – Truyền hình tỉnh',
      'kind: broadcast',
      'unit: dai-ptth',
      'station: Đài Phát thanh và Truyền hình tỉnh',
      'programme: Cải cách hành chính',
      'medium: tv',
      'slots: [{ weekday: fri, start: "20:00", lengthSec: 1200 }]',
      'primeTime: { from: "18:00", to: "22:30" }',
      'minLengthSec: 900',
      'leadTimeHours: 48',
      'repostTo: cong-tinh',
      'serves: [{ plan: thu, tasks: [chuyen-muc] }]',
      '',
    ].join('\n'),
  );
  await writeFile(
    join(root, 'channels/cong-tinh.yaml'),
    [
      'id: cong-tinh',
      'name: Chuyên trang CCHC',
      'kind: wordpress',
      'unit: cong-ttdt',
      'url: http://127.0.0.1:9',
      'section: { name: Cải cách hành chính }',
      'credentials: { userEnv: LOA_TEST_WP_USER, passwordEnv: LOA_TEST_WP_PASSWORD }',
      'serves: [{ plan: thu, tasks: [dang-lai] }]',
      'postingSchedule: { mon: ["08:00"], wed: ["08:00"], fri: ["08:00"] }',
      '',
    ].join('\n'),
  );
  for (const item of items) {
    const front = [
      '---',
      `title: ${item.title}`,
      'topics: [mot-cua]',
      'channels: [tv]',
      'unit: dai-ptth',
      'author: Phòng Thời sự',
      ...(item.publishAt ? [`publishAt: ${item.publishAt}`] : []),
      `priority: ${item.priority ?? 3}`,
      `durationSec: ${item.durationSec}`,
      ...(item.segment ? [`segment: ${item.segment}`] : []),
      ...(item.repost ? ['repost: true'] : []),
      ...(item.evergreen ? ['evergreen: true'] : []),
      'status: approved',
      '---',
      `Lời dẫn: ${item.title}.`,
      '',
    ];
    await writeFile(join(root, `content/${item.id}.md`), front.join('\n'));
  }
}
