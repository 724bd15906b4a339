import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { auditPlan } from '../../src/audit/audit-plan.js';
import { type ImportedLog, importedAuditEntries } from '../../src/audit/imported-entries.js';
import type { AuditEntry, AuditResult } from '../../src/audit/types.js';
import { parsePeriod } from '../../src/calendar/period.js';
import { Channel } from '../../src/model/channel.js';
import type { Plan } from '../../src/model/plan.js';
import { districtPlan } from './district-plan.js';

/**
 * Roll-up across instances (issue 12, point 6): for any district (1–6 communes, a per-unit
 * weekly quota of 1–4) and any airings of the communes' stations, the audit over the logs
 * the communes would send (one log each, its own indices, entries attributed to the task or
 * only through the station's channel) gives each commune what the audit of one shared log
 * gives it, and the roll-up is the sum over the units: per week required, achieved and the
 * units that met; over the year the district's completion is the sum of its communes'.
 */
const ZONE = 'Asia/Ho_Chi_Minh';
const NOW = DateTime.fromISO('2024-04-01T00:00', { zone: ZONE });

function district(communes: number, atLeast: number) {
  return districtPlan(communes, {
    atLeast,
    station: (commune) => `dai-${commune}`,
    minDurationSec: 300,
  });
}

/** Each commune's station, as its own loa knows it (channel `loa`, serving the district task). */
function station(plan: Plan, commune: string): Channel {
  return Channel.parse({
    id: `loa-${commune}`,
    name: 'Loa',
    kind: 'broadcast',
    unit: `dai-${commune}`,
    station: 'Đài',
    programme: 'CCHC',
    medium: 'loudspeaker',
    slots: [{ weekday: 'mon', start: '17:00', lengthSec: 600 }],
    serves: [{ plan: plan.id, tasks: ['loa-xa'] }],
  });
}

function sums(result: AuditResult) {
  const task = result.tasks[0];
  if (!task?.each) throw new Error('no per-unit task');
  task.periods.forEach((period, i) => {
    const of = task.each?.map((u) => u.periods[i]) ?? [];
    expect(period.achieved).toBe(of.reduce((s, p) => s + (p?.achieved ?? 0), 0));
    expect(period.required).toBe(of.reduce((s, p) => s + (p?.required ?? 0), 0));
    expect(period.units?.met).toBe(of.filter((p) => p?.status === 'met').length);
  });
  const root = result.rollUp?.find((u) => u.depth === 0);
  const children = result.rollUp?.filter((u) => u.depth === 1) ?? [];
  expect(children.reduce((s, u) => s + u.met, 0)).toBe(root?.met);
  expect(children.reduce((s, u) => s + u.assessed, 0)).toBe(root?.assessed);
  expect(root?.met).toBe(result.completion.met);
}

describe('the roll-up over imported logs is the sum over units', () => {
  it('for any district and any airings', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(
          fc.record({
            commune: fc.integer({ min: 1, max: 6 }),
            day: fc.integer({ min: 0, max: 90 }),
            hour: fc.integer({ min: 6, max: 20 }),
            durationSec: fc.constantFrom(120, 600),
            attributed: fc.boolean(),
          }),
          { maxLength: 80 },
        ),
        (communes, atLeast, airings) => {
          const plan = district(communes, atLeast);
          const period = parsePeriod('2024-Q1', ZONE);
          const ids = Array.from({ length: communes }, (_, i) => `xa-${i + 1}`);
          const entryOf = (a: (typeof airings)[number]): Omit<AuditEntry, 'index'> => {
            const commune = `xa-${Math.min(a.commune, communes)}`;
            return {
              kind: 'airing',
              ...(a.attributed ? { plan: plan.id, task: 'loa-xa' } : {}),
              unit: `dai-${commune}`,
              channel: `loa-${commune}`,
              channelKind: 'broadcast',
              time:
                DateTime.fromISO('2024-01-01T00:00', { zone: ZONE })
                  .plus({ days: a.day, hours: a.hour })
                  .toUTC()
                  .toISO() ?? '',
              durationSec: a.durationSec,
            };
          };
          // One shared log with every station's channel: the audit loa makes at home.
          const shared = auditPlan({
            plan,
            channels: ids.map((c) => station(plan, c)),
            entries: airings.map((a, index) => ({ index, ...entryOf(a) })),
            period,
            now: NOW,
          });
          // The same airings, each commune's in its own log, imported.
          const logs: ImportedLog[] = ids.map((commune) => {
            const own = airings
              .map(entryOf)
              .filter((e) => e.channel === `loa-${commune}`)
              .map((e, index) => ({ ...e, index, channel: 'loa' }));
            return {
              unit: commune,
              rootHex: '00',
              entries: own,
              serving: { [plan.id]: { loa: ['loa-xa'] } },
              channelKinds: { loa: 'broadcast' },
            };
          });
          const { entries, sources } = importedAuditEntries(plan, logs);
          const imported = auditPlan({ plan, channels: [], entries, period, now: NOW });
          sums(imported);
          sums(shared);
          const perUnit = (r: AuditResult) =>
            r.tasks[0]?.each?.map((u) => [u.unit, u.periods.map((p) => [p.achieved, p.status])]);
          expect(perUnit(imported)).toEqual(perUnit(shared));
          expect(imported.rollUp).toEqual(shared.rollUp);
          expect(sources.reduce((s, x) => s + x.size, 0)).toBe(airings.length);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('counts an entry for the unit whose key signs the log, whatever unit it names', () => {
    const plan = district(2, 1);
    const log: ImportedLog = {
      unit: 'xa-1',
      rootHex: '00',
      entries: [
        {
          index: 0,
          kind: 'airing',
          unit: 'dai-xa-2',
          channel: 'loa',
          channelKind: 'broadcast',
          time: '2024-01-02T10:00:00.000Z',
          durationSec: 600,
        },
      ],
      serving: { [plan.id]: { loa: ['loa-xa'] } },
      channelKinds: {},
    };
    const { entries } = importedAuditEntries(plan, [log]);
    const result = auditPlan({
      plan,
      channels: [],
      entries,
      period: parsePeriod('2024-W01', ZONE),
      now: NOW,
    });
    const each = result.tasks[0]?.each ?? [];
    expect(each.map((u) => [u.unit, u.achieved])).toEqual([
      ['xa-1', 1],
      ['xa-2', 0],
    ]);
  });
});
