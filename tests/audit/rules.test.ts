import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { auditPlan } from '../../src/audit/audit-plan.js';
import { applyCorrections } from '../../src/audit/corrections.js';
import { localClock } from '../../src/audit/local-clock.js';
import type { AuditEntry, AuditInput } from '../../src/audit/types.js';
import { parsePeriod } from '../../src/calendar/period.js';
import { LoaError } from '../../src/errors/loa-error.js';
import { Channel } from '../../src/model/channel.js';
import { Plan } from '../../src/model/plan.js';

const ZONE = 'Asia/Ho_Chi_Minh';

const plan = Plan.parse({
  id: 'tinh-2024',
  document: { number: '12/KH-UBND', date: '2024-01-05', issuer: 'UBND tỉnh', title: 'Kế hoạch' },
  period: { start: '2024-01-01', end: '2024-12-31' },
  units: [
    { id: 'ubnd-tinh', name: 'Ủy ban nhân dân tỉnh' },
    { id: 'so-noi-vu', name: 'Sở Nội vụ', parent: 'ubnd-tinh' },
    { id: 'phong-cchc', name: 'Phòng Cải cách hành chính', parent: 'so-noi-vu' },
    { id: 'dai-ptth', name: 'Đài PT-TH tỉnh' },
  ],
  topics: [
    { id: 'mot-cua', title: 'Một cửa', focus: true },
    { id: 'chuyen-doi-so', title: 'Chuyển đổi số', focus: true },
  ],
  tasks: [
    {
      id: 'truyen-hinh',
      title: 'Chuyên mục CCHC trên truyền hình',
      unit: 'dai-ptth',
      source: 'IV.1.e',
      rule: {
        per: 'week',
        atLeast: 1,
        minDurationSec: 900,
        window: { from: '18:00', to: '22:30' },
        weekdays: ['fri', 'sat'],
        channelKinds: ['broadcast'],
      },
    },
    {
      id: 'cong-ttdt',
      title: 'Chuyên trang CCHC',
      unit: 'phong-cchc',
      source: 'II.2.b',
      rule: { per: 'month', atLeast: 2, channelKinds: ['wordpress'], topics: ['mot-cua'] },
    },
    {
      id: 'tin-khac',
      title: 'Tin khác trên Cổng',
      unit: 'so-noi-vu',
      source: 'II.2.b',
      rule: { per: 'month', atLeast: 0, channelKinds: ['wordpress'] },
    },
    {
      id: 'hoi-nghi',
      title: 'Hội nghị',
      unit: 'ubnd-tinh',
      source: 'II.2.a',
      rule: { per: 'quarter', atLeast: 1 },
      manual: 'conference',
    },
  ],
});

const channels = [
  Channel.parse({
    id: 'tv',
    name: 'Truyền hình',
    kind: 'broadcast',
    unit: 'dai-ptth',
    station: 'Đài',
    programme: 'CCHC',
    medium: 'tv',
    slots: [{ weekday: 'fri', start: '20:00', lengthSec: 1200 }],
    serves: [{ plan: 'tinh-2024', tasks: ['truyen-hinh'] }],
  }),
  Channel.parse({
    id: 'portal',
    name: 'Cổng',
    kind: 'wordpress',
    unit: 'phong-cchc',
    url: 'http://127.0.0.1:9/',
    section: { name: 'CCHC' },
    credentials: { userEnv: 'U', passwordEnv: 'P' },
    serves: [{ plan: 'tinh-2024', tasks: ['cong-ttdt', 'tin-khac'] }],
  }),
];

/** A local time in the plan's zone as the UTC instant the log stores. */
const at = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toUTC().toISO() ?? '';

function run(entries: Omit<AuditEntry, 'index'>[], over: Partial<AuditInput> = {}) {
  return auditPlan({
    plan,
    channels,
    entries: entries.map((e, index) => ({ index, ...e })),
    period: parsePeriod('2024-03', ZONE),
    now: DateTime.fromISO('2024-04-02T00:00', { zone: ZONE }),
    ...over,
  });
}

const periodOf = (result: ReturnType<typeof run>, task: string, label: string) =>
  result.tasks.find((t) => t.id === task)?.periods.find((p) => p.label === label);

describe('which entries count for a task', () => {
  it('counts an unattributed entry through a serving channel for every task it serves', () => {
    const result = run([
      { kind: 'publication', channel: 'portal', time: at('2024-03-05T09:00'), topics: ['mot-cua'] },
    ]);
    expect(periodOf(result, 'cong-ttdt', '2024-03')?.evidence).toEqual([0]);
    expect(periodOf(result, 'tin-khac', '2024-03')?.evidence).toEqual([0]);
  });

  it('counts an entry attributed to one task for every task its channel serves, and says so', () => {
    const result = run([
      {
        kind: 'publication',
        plan: 'tinh-2024',
        task: 'tin-khac',
        channel: 'portal',
        time: at('2024-03-05T09:00'),
        topics: ['mot-cua'],
      },
    ]);
    expect(periodOf(result, 'tin-khac', '2024-03')?.achieved).toBe(1);
    expect(periodOf(result, 'cong-ttdt', '2024-03')?.achieved).toBe(1);
    expect(periodOf(result, 'cong-ttdt', '2024-03')?.alsoCountsFor).toEqual([
      { index: 0, tasks: ['tin-khac'] },
    ]);
    expect(periodOf(result, 'tin-khac', '2024-03')?.alsoCountsFor).toEqual([
      { index: 0, tasks: ['cong-ttdt'] },
    ]);
  });

  it('still counts through the channel an entry attributed to another plan', () => {
    const result = run([
      {
        kind: 'publication',
        plan: 'bnv-2024',
        task: 'x',
        channel: 'portal',
        time: at('2024-03-05T09:00'),
      },
    ]);
    expect(periodOf(result, 'tin-khac', '2024-03')?.achieved).toBe(1);
  });

  it('refuses a hand-entered record or another channel kind for a channel task', () => {
    const result = run([
      { kind: 'manual', plan: 'tinh-2024', task: 'tin-khac', time: at('2024-03-05T09:00') },
      {
        kind: 'publication',
        plan: 'tinh-2024',
        task: 'tin-khac',
        channelKind: 'bulletin',
        time: at('2024-03-06T09:00'),
      },
    ]);
    expect(periodOf(result, 'tin-khac', '2024-03')?.rejected.map((r) => r.reason)).toEqual([
      'channel-kind',
      'channel-kind',
    ]);
  });

  it('counts manual records by plan and task for a manual task', () => {
    const result = run([
      { kind: 'manual', plan: 'tinh-2024', task: 'hoi-nghi', time: at('2024-02-10T09:00') },
    ]);
    expect(periodOf(result, 'hoi-nghi', '2024-Q1')).toMatchObject({
      achieved: 1,
      status: 'met',
      spills: true,
    });
  });

  it('counts a press article once for a task, though the feed also serves another plan', () => {
    // loa ingest logs one entry per plan task the feed serves: the same article, twice.
    const press = Channel.parse({
      id: 'bao-tinh',
      name: 'Báo tỉnh',
      kind: 'ingest',
      unit: 'so-noi-vu',
      feeds: [{ url: 'http://127.0.0.1:9/bao.rss' }],
      creates: 'press',
      serves: [
        { plan: 'tinh-2024', tasks: ['hoi-nghi'] },
        { plan: 'bnv-2024', tasks: ['bao-chi'] },
      ],
    });
    const article = { kind: 'manual' as const, channel: 'bao-tinh', channelKind: 'ingest' };
    const result = run(
      [
        { ...article, plan: 'tinh-2024', task: 'hoi-nghi', time: at('2024-03-05T09:00') },
        { ...article, plan: 'bnv-2024', task: 'bao-chi', time: at('2024-03-05T09:00') },
      ],
      { channels: [...channels, press] },
    );
    expect(periodOf(result, 'hoi-nghi', '2024-Q1')?.evidence).toEqual([0]);
  });

  it('ignores entries after now, reports and unreadable times', () => {
    const result = run(
      [
        { kind: 'publication', channel: 'portal', time: at('2024-03-25T09:00') },
        { kind: 'report', plan: 'tinh-2024', task: 'tin-khac', time: at('2024-03-05T09:00') },
        { kind: 'publication', channel: 'portal', time: 'hôm qua' },
      ],
      { now: DateTime.fromISO('2024-03-20T00:00', { zone: ZONE }) },
    );
    expect(periodOf(result, 'tin-khac', '2024-03')?.achieved).toBe(0);
    expect(result.warnings).toEqual([{ index: 2, problem: 'bad-time' }]);
  });
});

describe('rule filters in the plan zone', () => {
  const airing = (local: string, durationSec?: number) => ({
    kind: 'airing' as const,
    channel: 'tv',
    time: at(local),
    ...(durationSec === undefined ? {} : { durationSec }),
  });

  it('applies duration, window start and end, and weekdays', () => {
    const result = run([
      airing('2024-03-01T20:00', 840), // W09: 14 minutes
      airing('2024-03-08T22:20', 900), // W10: ends 22:35, after the window
      airing('2024-03-14T20:00', 900), // W11: a Thursday
      airing('2024-03-22T20:00'), // W12: no duration
      airing('2024-03-29T22:15', 900), // W13: ends 22:30 exactly: counts
    ]);
    const reasons = ['2024-W09', '2024-W10', '2024-W11', '2024-W12'].map(
      (w) => periodOf(result, 'truyen-hinh', w)?.rejected[0]?.reason,
    );
    expect(reasons).toEqual(['too-short', 'outside-window', 'weekday', 'no-duration']);
    expect(periodOf(result, 'truyen-hinh', '2024-W13')?.status).toBe('met');
  });

  it('requires a topic of the rule', () => {
    const result = run([
      {
        kind: 'publication',
        channel: 'portal',
        time: at('2024-03-05T09:00'),
        topics: ['chuyen-doi-so'],
      },
    ]);
    expect(periodOf(result, 'cong-ttdt', '2024-03')?.rejected).toEqual([
      { index: 0, reason: 'topic' },
    ]);
    expect(result.focus).toEqual([
      { topic: 'mot-cua', title: 'Một cửa', entries: 0, covered: false },
      { topic: 'chuyen-doi-so', title: 'Chuyển đổi số', entries: 1, covered: true },
    ]);
  });
});

describe('corrections', () => {
  const base: AuditEntry = {
    index: 0,
    kind: 'airing',
    channel: 'tv',
    time: at('2024-03-01T20:00'),
    durationSec: 600,
  };

  it('replaces the fields a later correction restates, and void removes', () => {
    const fixed = applyCorrections([
      base,
      { index: 1, kind: 'correction', corrects: 0, time: base.time, durationSec: 1200 },
    ]);
    expect(fixed.entries).toEqual([{ ...base, durationSec: 1200 }]);
    const voided = applyCorrections([
      base,
      { index: 1, kind: 'correction', corrects: 0, time: base.time, void: true },
    ]);
    expect(voided.entries).toEqual([]);
  });

  it('applies a correction of a correction to the original, the latest winning', () => {
    const log: AuditEntry[] = [
      base,
      { index: 1, kind: 'correction', corrects: 0, time: base.time, durationSec: 700 },
      { index: 2, kind: 'correction', corrects: 1, time: base.time, durationSec: 1000 },
    ];
    expect(applyCorrections(log).entries).toEqual([{ ...base, durationSec: 1000 }]);
  });

  it('warns about a correction of nothing or of a later entry', () => {
    const log: AuditEntry[] = [
      { index: 0, kind: 'correction', corrects: 1, time: base.time },
      { ...base, index: 1 },
      { index: 2, kind: 'correction', corrects: 9, time: base.time },
    ];
    expect(applyCorrections(log).warnings).toEqual([
      { index: 0, problem: 'correction-not-later' },
      { index: 2, problem: 'correction-target-missing' },
    ]);
  });
});

describe('status, units and periods', () => {
  it('is at risk when the slots left in the week cannot reach the quota, open when they can', () => {
    const saturday = run([], { now: DateTime.fromISO('2024-03-16T09:00', { zone: ZONE }) });
    expect(periodOf(saturday, 'truyen-hinh', '2024-W11')).toMatchObject({
      status: 'at-risk',
      remainingOpportunities: 0,
    });
    const wednesday = run([], { now: DateTime.fromISO('2024-03-13T09:00', { zone: ZONE }) });
    expect(periodOf(wednesday, 'truyen-hinh', '2024-W11')).toMatchObject({
      status: 'open',
      remainingOpportunities: 1,
    });
    expect(periodOf(wednesday, 'truyen-hinh', '2024-W12')?.status).toBe('not-yet-due');
  });

  it('judges a task without a schedule by the share of time and quota left', () => {
    const post = {
      kind: 'publication' as const,
      channel: 'portal',
      time: at('2024-03-02T09:00'),
      topics: ['mot-cua'],
    };
    // 1 of 2 done: half the quota left; on 10 March more than half the month is left.
    expect(
      periodOf(
        run([post], { now: DateTime.fromISO('2024-03-10T00:00', { zone: ZONE }) }),
        'cong-ttdt',
        '2024-03',
      )?.status,
    ).toBe('open');
    expect(
      periodOf(
        run([post], { now: DateTime.fromISO('2024-03-20T00:00', { zone: ZONE }) }),
        'cong-ttdt',
        '2024-03',
      )?.status,
    ).toBe('at-risk');
  });

  it('leaves counted tasks out of the completion percentage', () => {
    const result = run([
      { kind: 'publication', channel: 'portal', time: at('2024-03-05T09:00'), topics: ['mot-cua'] },
    ]);
    expect(result.tasks.find((t) => t.id === 'tin-khac')?.periods[0]?.status).toBe('counted');
    // W09–W13 missed (5), cong-ttdt March missed (1 of 2), Q1 conference missed.
    expect(result.completion).toEqual({ met: 0, assessed: 7, pending: 0, percent: 0 });
  });

  it('rolls a unit up over the units under it', () => {
    const result = run([], { unit: 'so-noi-vu' });
    expect(result.unit?.included).toEqual(['so-noi-vu', 'phong-cchc']);
    expect(result.tasks.map((t) => t.id)).toEqual(['cong-ttdt', 'tin-khac']);
    expect(() => run([], { unit: 'khong-co' })).toThrow(LoaError);
  });

  it('refuses a period outside the plan', () => {
    expect(() => run([], { period: parsePeriod('2025-01', ZONE) })).toThrow(
      /outside plan tinh-2024/,
    );
  });
});

describe('local clock', () => {
  it('agrees with luxon on minute of day and weekday, across DST changes', () => {
    for (const zone of ['Asia/Ho_Chi_Minh', 'America/New_York', 'Australia/Lord_Howe']) {
      const clock = localClock(zone);
      let instant = DateTime.fromISO('2024-03-01T00:07:00Z');
      for (let i = 0; i < 2000; i++) {
        const local = instant.setZone(zone);
        expect(clock.minuteOfDay(instant.toMillis())).toBe(local.hour * 60 + local.minute);
        expect(clock.weekday(instant.toMillis())).toBe(local.weekday);
        instant = instant.plus({ minutes: 97 });
      }
    }
  });
});

describe('counting an auditor can follow', () => {
  it('lists what a rule turned away only inside the audited period, even in a spilling week', () => {
    const result = run([
      // W09 runs 26 Feb – 3 Mar; audited: March. A Tuesday airing in February is turned away
      // (weekday) but not listed; the one of Saturday 2 March is listed.
      { kind: 'airing', channel: 'tv', time: at('2024-02-27T20:00'), durationSec: 1200 },
      { kind: 'airing', channel: 'tv', time: at('2024-03-02T20:00'), durationSec: 600 },
    ]);
    expect(periodOf(result, 'truyen-hinh', '2024-W09')).toMatchObject({
      spills: true,
      rejected: [{ index: 1, reason: 'too-short' }],
    });
  });

  it('prints one summary line of the entries not counted, and the list with --verbose', async () => {
    const { renderAuditTable } = await import('../../src/audit/render-text.js');
    const result = run([
      { kind: 'airing', channel: 'tv', time: at('2024-03-08T20:00'), durationSec: 600 },
      { kind: 'airing', channel: 'tv', time: at('2024-03-08T23:00'), durationSec: 1200 },
      { kind: 'airing', channel: 'tv', time: at('2024-03-09T20:00'), durationSec: 700 },
      { kind: 'airing', channel: 'tv', time: at('2024-03-09T21:00'), durationSec: 1200 },
    ]);
    const table = renderAuditTable(result, 'vi');
    expect(table).toContain(
      '✗ 3 mục không được tính: 2 ngắn hơn thời lượng tối thiểu, 1 ngoài khung giờ quy định (--verbose để xem từng mục)',
    );
    expect(table).not.toContain('✗ #0');
    const verbose = renderAuditTable(result, 'vi', { verbose: true });
    expect(verbose).toContain('✗ #0: ngắn hơn thời lượng tối thiểu');
    expect(verbose).toContain('✗ #1: ngoài khung giờ quy định');
    expect(verbose).toContain('✗ #2: ngắn hơn thời lượng tối thiểu');
  });

  it('says in the proof column that an entry also counts for another task', async () => {
    const { auditRows } = await import('../../src/audit/rows.js');
    const result = run([
      { kind: 'publication', channel: 'portal', time: at('2024-03-05T09:00'), topics: ['mot-cua'] },
    ]);
    const row = auditRows(result, 'vi').find(
      (r) => r.task === 'cong-ttdt' && r.period === '2024-03',
    );
    expect(row?.evidence).toBe('#0 (cũng tính cho tin-khac)');
  });
});
