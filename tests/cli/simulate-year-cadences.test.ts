import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/audit/types.js';
import { main } from '../../src/cli/main.js';
import { captureOutput } from '../support/capture-output.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * A year of the example district plan (examples/huyen-kien-xuong-2025) simulated end to end:
 * its channels air the 1st and 3rd Thursday of each month and a one-off special on 1 July,
 * every other Wednesday, three and two days a week, and a bulletin on the last Friday of the
 * month but not in Tết. The content folder holds one approved programme item for each airing
 * the schedule should have, dated at its slot, worked out here by plain date arithmetic (not
 * by loa's recurrence model), but for three deliberate gaps: Vũ Ninh's Wednesday of 5 March,
 * the district programme of Thursday 15 May, the talk show of Wednesday 20 August. The
 * simulation must air every other slot, report those three slots, and only those, as missed,
 * and the audit must count exactly what aired: the three gaps, and what the plan asks beyond
 * the channels' schedules (An Bình airs twice a week of three, the bulletin once a month of
 * two, the training has no evidence).
 */
const EXAMPLE = join(import.meta.dirname, '../../examples/huyen-kien-xuong-2025');
const PLAN = 'huyen-kien-xuong-2025';
const ZONE = 'Asia/Ho_Chi_Minh';
const FIRST = DateTime.fromISO('2025-01-02', { zone: ZONE });
const LAST = DateTime.fromISO('2025-12-31', { zone: ZONE });
const TET = { from: '2025-01-27', to: '2025-02-02' };

/** One airing the schedule should have: channel, local start, length. */
interface Airing {
  channel: string;
  at: DateTime;
  lengthSec: number;
}

/** Every day of the plan, in order. */
function days(): DateTime[] {
  const out: DateTime[] = [];
  for (let d = FIRST; d <= LAST; d = d.plus({ days: 1 })) out.push(d);
  return out;
}

const at = (day: DateTime, time: string) => {
  const [h, m] = time.split(':').map(Number);
  return day.set({ hour: h, minute: m, second: 0, millisecond: 0 });
};
const inTet = (day: DateTime) => {
  const iso = day.toISODate() as string;
  return iso >= TET.from && iso <= TET.to;
};

/** The airings each channel's schedule should give in 2025, by plain date arithmetic. */
function expectedAirings(): Airing[] {
  const out: Airing[] = [];
  for (const day of days()) {
    const wd = day.weekday; // 1 = Monday
    if (wd === 1 || wd === 3 || wd === 5) {
      for (const channel of ['loa-vu-ninh', 'loa-quang-minh']) {
        out.push({ channel, at: at(day, '17:30'), lengthSec: 600 });
      }
    }
    if (wd === 2 || wd === 6)
      out.push({ channel: 'loa-an-binh', at: at(day, '17:30'), lengthSec: 600 });
    // The 1st and 3rd Thursday: Thursday of days 1–7 or 15–21; none in Tết.
    if (wd === 4 && (day.day <= 7 || (day.day >= 15 && day.day <= 21)) && !inTet(day)) {
      out.push({ channel: 'dai-huyen-cchc', at: at(day, '19:30'), lengthSec: 1200 });
    }
    if (day.toISODate() === '2025-07-01') {
      out.push({ channel: 'dai-huyen-cchc', at: at(day, '09:00'), lengthSec: 1800 });
    }
    // Every other Wednesday from 8 January.
    if (wd === 3 && Math.round(day.diff(FIRST.plus({ days: 6 }), 'days').days) % 14 === 0) {
      out.push({ channel: 'dai-huyen-doi-thoai', at: at(day, '20:00'), lengthSec: 1800 });
    }
  }
  return out.sort(
    (a, b) => a.at.toMillis() - b.at.toMillis() || a.channel.localeCompare(b.channel),
  );
}

/** The bulletin's issue days: the last Friday of each month, none in Tết. */
function expectedIssues(): DateTime[] {
  return days().filter(
    (d) => d.weekday === 5 && d.plus({ weeks: 1 }).month !== d.month && !inTet(d),
  );
}

/** The deliberate gaps: no programme item for these slots. */
const GAPS = [
  'loa-vu-ninh 2025-03-05',
  'dai-huyen-cchc 2025-05-15',
  'dai-huyen-doi-thoai 2025-08-20',
];
const gap = (a: Airing) => GAPS.includes(`${a.channel} ${a.at.toISODate()}`);
const slotKey = (a: Airing) => `${a.channel}@${a.at.toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'")}`;

const UNIT_OF: Record<string, string> = {
  'loa-vu-ninh': 'dai-vu-ninh',
  'loa-quang-minh': 'dai-quang-minh',
  'loa-an-binh': 'dai-an-binh',
  'dai-huyen-cchc': 'dai-huyen',
  'dai-huyen-doi-thoai': 'dai-huyen',
};

function programmeItem(a: Airing, n: number): string {
  return [
    '---',
    `title: "Chuyên mục cải cách hành chính số ${n}"`,
    'summary: Hỏi – đáp về thủ tục hành chính và dịch vụ công trực tuyến.',
    'topics: [thu-tuc-hanh-chinh]',
    `channels: [${a.channel}]`,
    `unit: ${UNIT_OF[a.channel]}`,
    'author: Trung tâm Văn hóa – Thông tin và Truyền thông huyện Kiến Xương',
    `publishAt: ${a.at.toFormat("yyyy-MM-dd'T'HH:mm")}`,
    `durationSec: ${a.lengthSec}`,
    'status: approved',
    '---',
    'Người dân có thể nộp hồ sơ trực tuyến toàn trình trên Cổng Dịch vụ công.',
    '',
  ].join('\n');
}

function bulletinArticle(month: number): string {
  const mm = String(month).padStart(2, '0');
  return [
    '---',
    `title: "Cải cách hành chính huyện Kiến Xương tháng ${month}/2025"`,
    'summary: Tin cải cách hành chính của huyện trong tháng.',
    'topics: [dich-vu-cong]',
    'channels: [ban-tin-huyen]',
    'unit: phong-noi-vu',
    'author: Phòng Nội vụ huyện Kiến Xương',
    `publishAt: 2025-${mm}-10T08:00`,
    'status: approved',
    '---',
    'Trong tháng, huyện tiếp tục đẩy mạnh dịch vụ công trực tuyến toàn trình.',
    '',
  ].join('\n');
}

/** The example's plan and channels, with a year's content and the bulletin's public address. */
async function project(): Promise<string> {
  const root = await tempDir('district-year');
  await cp(join(EXAMPLE, 'schedules'), join(root, 'schedules'), { recursive: true });
  await cp(join(EXAMPLE, 'channels'), join(root, 'channels'), { recursive: true });
  const bulletin = join(root, 'channels', 'ban-tin-huyen.yaml');
  await writeFile(
    bulletin,
    `${await readFile(bulletin, 'utf8')}siteUrl: https://kienxuong.example.gov.vn/ban-tin/\n`,
  );
  await mkdir(join(root, 'content', 'chuong-trinh'), { recursive: true });
  await mkdir(join(root, 'content', 'ban-tin'), { recursive: true });
  let n = 0;
  for (const a of expectedAirings()) {
    n += 1;
    if (gap(a)) continue;
    await writeFile(
      join(root, 'content', 'chuong-trinh', `${slotKey(a).replace('@', '-')}.md`),
      programmeItem(a, n),
    );
  }
  for (let month = 1; month <= 12; month += 1) {
    await writeFile(join(root, 'content', 'ban-tin', `thang-${month}.md`), bulletinArticle(month));
  }
  return root;
}

async function loa(args: string[]) {
  const out = captureOutput();
  const code = await main(args, out);
  return { code, out: out.stdout.join('\n'), err: out.stderr.join('\n') };
}

describe('a year of the example district plan, simulated and audited', () => {
  let root: string;
  let simulated: { code: number; out: string; err: string };
  beforeAll(async () => {
    root = await project();
    process.env.LOA_DATA_DIR = await tempDir('district-year-data');
    process.env.LOA_LANG = 'en';
    delete process.env.LOA_DATABASE_URL;
    const valid = await loa(['validate', '--dir', root]);
    expect(valid.code, valid.err).toBe(0);
    simulated = await loa([
      'simulate',
      '--dir',
      root,
      '--from',
      '2025-01-02',
      '--to',
      '2025-12-31',
    ]);
    // NOTE: about 14 s of CPU for the year (464 rundowns built and aired, 11 issues); the
    // budget leaves room for a loaded machine.
  }, 300_000);

  it('airs every slot of every cadence, and reports missed only the three left without content', () => {
    expect(simulated.code, simulated.err).toBe(0);
    const lines = simulated.out.split('\n');
    const event = (key: string) => lines.find((l) => l.includes(`  ${key}  `));
    const expected = expectedAirings();
    for (const a of expected) {
      expect(event(slotKey(a)), slotKey(a)).toMatch(gap(a) ? / missed$/ : / aired$/);
    }
    const missed = lines.filter((l) => / missed$/.test(l));
    expect(missed.map((l) => l.split('  ')[2])).toEqual(expected.filter(gap).map(slotKey));
    // No airing at an instant the schedule does not have (an off-week, a Tết day).
    const keys = new Set(expected.map(slotKey));
    const slotLines = lines.filter((l) => / (aired|aired-short|missed)$/.test(l));
    expect(slotLines.filter((l) => !keys.has(l.split('  ')[2] ?? ''))).toEqual([]);
    expect(slotLines).toHaveLength(expected.length);
    // The bulletin: one issue on the last Friday of each month but January (Tết).
    const issues = lines.filter((l) => l.includes('  ban-tin-huyen  '));
    expect(issues.map((l) => l.slice(0, 10))).toEqual(expectedIssues().map((d) => d.toISODate()));
    expect(issues.every((l) => / published$/.test(l))).toBe(true);
  });

  it('audits the year counting exactly what aired: the three gaps and the schedules’ shortfalls', async () => {
    const r = await loa([
      'audit',
      '--plan',
      PLAN,
      '--period',
      '2025',
      '--format',
      'json',
      '--dir',
      root,
    ]);
    expect(r.code, r.err).toBe(0);
    const result = JSON.parse(r.out) as AuditResult;
    const task = (id: string) => result.tasks.find((t) => t.id === id)!;
    const aired = expectedAirings().filter((a) => !gap(a));
    const count = (channel: string, inPeriod: (a: Airing) => boolean) =>
      aired.filter((a) => a.channel === channel && inPeriod(a)).length;
    const notMet = (periods: { label: string; status: string }[]) =>
      periods.filter((p) => p.status !== 'met').map((p) => p.label);

    const programme = task('chuyen-muc-huyen');
    for (const p of programme.periods) {
      expect(p.achieved, p.label).toBe(
        count('dai-huyen-cchc', (a) => a.at.toFormat('yyyy-MM') === p.label),
      );
    }
    expect(notMet(programme.periods)).toEqual(['2025-05']);

    const talk = task('doi-thoai');
    for (const p of talk.periods) {
      expect(p.achieved, p.label).toBe(
        count('dai-huyen-doi-thoai', (a) => a.at.toFormat('yyyy-MM') === p.label),
      );
    }
    expect(notMet(talk.periods)).toEqual(['2025-08']);

    const stations = task('loa-xa');
    const channelOf: Record<string, string> = {
      'xa-vu-ninh': 'loa-vu-ninh',
      'xa-quang-minh': 'loa-quang-minh',
      'xa-an-binh': 'loa-an-binh',
    };
    for (const unit of stations.each!) {
      const channel = channelOf[unit.unit]!;
      for (const p of unit.periods) {
        expect(p.achieved, `${unit.unit} ${p.label}`).toBe(
          count(channel, (a) => a.at.toFormat("kkkk-'W'WW") === p.label),
        );
        // A week is short exactly when fewer aired than it asks.
        expect(p.status === 'met', `${unit.unit} ${p.label}`).toBe(p.achieved >= p.required);
      }
    }
    const byUnit = new Map(stations.each!.map((u) => [u.unit, notMet(u.periods)]));
    expect(byUnit.get('xa-vu-ninh')).toEqual(['2025-W10']);
    expect(byUnit.get('xa-quang-minh')).toEqual([]);
    // Two slots a week of three: every whole week short (loa validate warns of 51 of 53).
    expect(byUnit.get('xa-an-binh')).toHaveLength(51);

    const bulletin = task('ban-tin');
    expect(bulletin.periods.map((p) => p.achieved)).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(notMet(bulletin.periods)).toHaveLength(12);
    expect(notMet(task('hoi-nghi').periods)).toEqual(['2025']);
  });
});
