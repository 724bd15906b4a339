import { DateTime } from 'luxon';
import { buildIssue } from '../../src/channels/bulletin/assemble.js';
import { renderIssueFeeds } from '../../src/channels/bulletin/feeds.js';
import type { BulletinEntry } from '../../src/channels/bulletin/model.js';
import { BulletinChannel } from '../../src/model/channel.js';
import { ManualClock } from '../../src/model/clock.js';
import { type BenchFigure, timeMs } from './report.js';

const ISSUES = [9, 10, 11, 12];
const PER_ISSUE = 50;
const ROUNDS = 15;
const GOAL_MS = 50;

const channel = BulletinChannel.parse({
  id: 'bnv-ban-tin',
  name: 'Bản tin Cải cách hành chính',
  kind: 'bulletin',
  unit: 'van-phong-bcd-cchc',
  title: 'Bản tin Cải cách hành chính',
  siteUrl: 'http://127.0.0.1:8082/ban-tin-cchc/',
});

/** 50 items in each March 2024 issue window, each with a few paragraphs of Markdown. */
function entries(): BulletinEntry[] {
  const starts = [
    '2024-02-28T02:00:00Z',
    '2024-03-07T02:00:00Z',
    '2024-03-14T02:00:00Z',
    '2024-03-21T02:00:00Z',
  ];
  const body = [
    '## Kết quả',
    'Tỉnh đã **đơn giản hoá** 120 thủ tục hành chính, cắt giảm thời gian giải quyết.',
    '- Một cửa liên thông\n- Dịch vụ công trực tuyến toàn trình\n- Số hoá hồ sơ',
    'Xem thêm tại [cổng thông tin](http://127.0.0.1:8081/cchc/).',
  ].join('\n\n');
  return starts.flatMap((start, issue) =>
    Array.from({ length: PER_ISSUE }, (_, n) => ({
      item: {
        id: `so-${issue}/tin-${n}`,
        title: `Cải cách hành chính: tin số ${n} của kỳ ${issue}`,
        summary: 'Người dân và doanh nghiệp được phục vụ nhanh hơn',
        topics: ['cai-cach-thu-tuc'],
        channels: ['bnv-ban-tin'],
        unit: 'vu-cchc',
        author: 'Phòng Truyền thông',
        priority: 3,
        media: [],
        repost: false,
        evergreen: false,
        status: 'approved' as const,
        body,
      },
      at: DateTime.fromISO(start).plus({ minutes: n }).toUTC().toISO() ?? start,
    })),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Four issues of 50 items each, built and rendered as RSS, Atom and JSON Feed. */
export async function run(): Promise<BenchFigure[]> {
  const items = entries();
  const clock = new ManualClock('2024-04-01T00:00:00Z');
  const ours = () => {
    for (const number of ISSUES) renderIssueFeeds(buildIssue(channel, number, 2024, items, clock));
  };
  // Baseline: the same items serialised three times, with no Markdown, sanitising or XML.
  const baseline = () => {
    for (let i = 0; i < 3; i += 1) JSON.stringify(items);
  };
  // NOTE: warm the JIT (marked, sanitize-html, xml-js) so the median is a steady-state figure.
  for (let i = 0; i < 5; i += 1) {
    ours();
    baseline();
  }
  const oursMs: number[] = [];
  const baseMs: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    oursMs.push(await timeMs(ours));
    baseMs.push(await timeMs(baseline));
  }
  const figure = median(oursMs);
  return [
    {
      name: `build ${ISSUES.length} bulletin issues × ${PER_ISSUE} items in RSS, Atom and JSON Feed`,
      ours: figure,
      baseline: median(baseMs),
      unit: 'ms',
      baselineLabel: 'JSON.stringify of the same items ×3',
      goal: `< ${GOAL_MS} ms`,
      met: figure < GOAL_MS,
    },
  ];
}
