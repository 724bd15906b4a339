import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { auditPlan } from '../../src/audit/audit-plan.js';
import { renderAuditCsv, renderAuditTable } from '../../src/audit/render-text.js';
import type { AuditEntry, AuditResult } from '../../src/audit/types.js';
import { parsePeriod } from '../../src/calendar/period.js';
import { Channel } from '../../src/model/channel.js';
import type { Plan } from '../../src/model/plan.js';
import { districtPlan } from './district-plan.js';

const ZONE = 'Asia/Ho_Chi_Minh';
const at = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toUTC().toISO() ?? '';

/** A district with communes (type xa), each commune with its loudspeaker station. */
function district(communes: number, each?: unknown) {
  return districtPlan(communes, each === undefined ? {} : { each });
}

function stations(plan: Plan): Channel[] {
  return plan.units
    .filter((u) => u.type === 'dai')
    .map((u) =>
      Channel.parse({
        id: u.id,
        name: u.name,
        kind: 'broadcast',
        unit: u.id,
        station: u.name,
        programme: 'CCHC',
        medium: 'loudspeaker',
        slots: [
          { weekday: 'mon', start: '17:00', lengthSec: 600 },
          { weekday: 'wed', start: '17:00', lengthSec: 600 },
          { weekday: 'fri', start: '17:00', lengthSec: 600 },
        ],
        serves: [{ plan: plan.id, tasks: ['loa-xa'] }],
      }),
    );
}

function audit(
  plan: Plan,
  entries: Omit<AuditEntry, 'index'>[],
  period = '2024-W10',
  unit?: string,
) {
  return auditPlan({
    plan,
    channels: stations(plan),
    entries: entries.map((e, index) => ({ index, ...e })),
    period: parsePeriod(period, ZONE),
    now: DateTime.fromISO('2024-04-01T00:00', { zone: ZONE }),
    ...(unit ? { unit } : {}),
  });
}

const airing = (station: string, local: string): Omit<AuditEntry, 'index'> => ({
  kind: 'airing',
  channel: station,
  time: at(local),
  durationSec: 600,
});

describe('a quota held by each unit', () => {
  // 2 + 1 airings in week 10: the old audit said "3/3 met" for the task.
  const two = district(2);
  const week = [
    airing('loa-xa-1', '2024-03-04T17:00'),
    airing('loa-xa-1', '2024-03-06T17:00'),
    airing('loa-xa-2', '2024-03-08T17:00'),
  ];

  it('misses the week when two stations air 2 and 1 times against 3 each', () => {
    const result = audit(two, week);
    const task = result.tasks[0];
    expect(task?.each?.map((u) => [u.unit, u.periods[0]?.achieved, u.periods[0]?.status])).toEqual([
      ['xa-1', 2, 'missed'],
      ['xa-2', 1, 'missed'],
    ]);
    expect(task?.periods[0]).toMatchObject({
      required: 6,
      achieved: 3,
      status: 'missed',
      units: { met: 0, total: 2 },
    });
    expect(result.completion).toMatchObject({ met: 0, assessed: 2, percent: 0 });
  });

  it('counts unit-periods in the completion, and filters one unit with --unit', () => {
    const entries = [...week, airing('loa-xa-1', '2024-03-08T17:00')];
    const result = audit(two, entries);
    expect(result.completion).toMatchObject({ met: 1, assessed: 2, percent: 50 });
    const one = audit(two, entries, '2024-W10', 'xa-2');
    expect(one.tasks[0]?.each?.map((u) => u.unit)).toEqual(['xa-2']);
    expect(one.completion).toMatchObject({ met: 0, assessed: 1 });
  });

  it('shows the units that fell short under each week and a roll-up under the district', () => {
    const result = audit(two, [...week, airing('loa-xa-1', '2024-03-08T17:00')]);
    const table = renderAuditTable(result, 'vi');
    expect(table).toContain('1/2 đơn vị đạt');
    expect(table).toContain('! Xã 2 (xa-2): 1/3 không đạt');
    expect(table).not.toContain('Xã 1 (xa-1): 3/3');
    expect(renderAuditTable(result, 'vi', { verbose: true })).toContain(
      '· Xã 1 (xa-1): 3/3 đạt  #0 #1 #3',
    );
    expect(result.rollUp?.map((u) => [u.unit, u.depth, u.met, u.assessed])).toEqual([
      ['ubnd-huyen', 0, 1, 2],
      ['xa-1', 1, 1, 1],
      ['xa-2', 1, 0, 1],
    ]);
    expect(table).toContain('UBND huyện (ubnd-huyen): 50% — đạt 1/2 kỳ đã đánh giá');
  });

  it('writes a csv row per unit and week, with the unit in its column', () => {
    const csv = renderAuditCsv(audit(two, week), 'vi').split('\r\n');
    expect(csv.filter((l) => l.includes('loa-xa,')).map((l) => l.split(',')[4])).toEqual([
      'xa-1',
      'xa-2',
    ]);
  });

  it('takes the units from a list too, and turns away an entry of no listed unit', () => {
    const listed = district(3, ['xa-1', 'xa-3']);
    const result = audit(listed, [...week, airing('loa-xa-3', '2024-03-04T17:00')]);
    expect(result.tasks[0]?.each?.map((u) => [u.unit, u.achieved])).toEqual([
      ['xa-1', 2],
      ['xa-3', 1],
    ]);
    expect(result.tasks[0]?.periods[0]?.rejected).toEqual([{ index: 2, reason: 'unit' }]);
  });
});

function sums(result: AuditResult) {
  for (const task of result.tasks) {
    if (!task.each) continue;
    task.periods.forEach((period, i) => {
      const of = task.each?.map((u) => u.periods[i]) ?? [];
      expect(period.achieved).toBe(of.reduce((s, p) => s + (p?.achieved ?? 0), 0));
      expect(period.required).toBe(of.reduce((s, p) => s + (p?.required ?? 0), 0));
      expect(period.units?.met).toBe(of.filter((p) => p?.status === 'met').length);
      expect(period.status === 'met').toBe(of.every((p) => p?.status === 'met'));
    });
  }
  const root = result.rollUp?.find((u) => u.depth === 0);
  expect(root?.met).toBe(result.completion.met);
  expect(root?.assessed).toBe(result.completion.assessed);
  expect(root?.pending).toBe(result.completion.pending);
  const children = result.rollUp?.filter((u) => u.depth === 1) ?? [];
  expect(children.reduce((s, u) => s + u.met, 0)).toBe(root?.met);
}

describe('the roll-up is the sum over units', () => {
  it('for any district and any airings', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(
          fc.record({
            commune: fc.integer({ min: 1, max: 6 }),
            day: fc.integer({ min: 0, max: 90 }),
            hour: fc.integer({ min: 6, max: 20 }),
          }),
          { maxLength: 80 },
        ),
        (communes, airings) => {
          const plan = district(communes);
          const entries = airings.map((a) =>
            airing(
              `loa-xa-${Math.min(a.commune, communes)}`,
              DateTime.fromISO('2024-01-01T00:00', { zone: ZONE })
                .plus({ days: a.day, hours: a.hour })
                .toISO({ includeOffset: false }) ?? '',
            ),
          );
          sums(audit(plan, entries, '2024-Q1'));
        },
      ),
      { numRuns: 60 },
    );
  });
});
