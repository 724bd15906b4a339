import { DateTime } from 'luxon';
import { auditPlan } from '../../src/audit/audit-plan.js';
import type { AuditEntry } from '../../src/audit/types.js';
import { parsePeriod } from '../../src/calendar/period.js';
import type { Channel } from '../../src/model/channel.js';
import type { Plan } from '../../src/model/plan.js';
import { type BenchFigure, timeMs } from './report.js';

const COMMUNES = 100;
const PER_COMMUNE = 10_000;
const ZONE = 'Asia/Ho_Chi_Minh';

/** A province whose 100 communes are each held to 3 airings a week on their own station. */
function province(): { plan: Plan; channels: Channel[] } {
  const communes = Array.from({ length: COMMUNES }, (_, c) => ({
    id: `xa-${c}`,
    name: `Xã ${c}`,
    parent: 'ubnd-tinh',
    type: 'xa',
  }));
  const plan: Plan = {
    id: 'tinh-2024',
    document: { number: '1/KH-UBND', date: '2024-01-01', issuer: 'UBND', title: 'KH', basis: [] },
    period: { start: '2024-01-01', end: '2024-12-31' },
    parents: [],
    timeZone: ZONE,
    units: [{ id: 'ubnd-tinh', name: 'UBND tỉnh' }, ...communes],
    topics: [],
    tasks: [
      {
        id: 'loa-xa',
        title: 'Mỗi đài truyền thanh xã 3 lần mỗi tuần',
        unit: 'ubnd-tinh',
        partners: [],
        source: 'III.3',
        each: { parent: 'ubnd-tinh', type: 'xa' },
        rule: { per: 'week', atLeast: 3, channelKinds: ['broadcast'] },
      },
    ],
    reporting: [],
  };
  const common = { maxLatenessMinutes: 120, retry: { maxAttempts: 5, baseDelaySec: 30 } };
  const channels: Channel[] = communes.map((c, i) => ({
    ...common,
    id: `loa-${i}`,
    name: 'Loa',
    unit: c.id,
    kind: 'broadcast',
    station: 'Đài xã',
    programme: 'CCHC',
    medium: 'loudspeaker',
    slots: [
      { weekday: 'mon', start: '17:30', lengthSec: 600 },
      { weekday: 'wed', start: '17:30', lengthSec: 600 },
      { weekday: 'fri', start: '17:30', lengthSec: 600 },
    ],
    minLengthSec: 300,
    leadTimeHours: 24,
    serves: [{ plan: 'tinh-2024', tasks: ['loa-xa'] }],
  }));
  return { plan, channels };
}

/** 10,000 airings of each commune's station, spread over 2024. */
function entries(): AuditEntry[] {
  const out: AuditEntry[] = [];
  const start = Date.parse('2023-12-31T17:00:00Z');
  const span = 366 * 86_400_000;
  for (let c = 0; c < COMMUNES; c++) {
    for (let k = 0; k < PER_COMMUNE; k++) {
      out.push({
        index: out.length,
        kind: 'airing',
        channel: `loa-${c}`,
        channelKind: 'broadcast',
        unit: `xa-${c}`,
        time: new Date(start + Math.floor((k / PER_COMMUNE) * span)).toISOString(),
        durationSec: 600,
      });
    }
  }
  return out;
}

/** Baseline: one bare pass over the entries, counting per unit and ISO week. */
function bareCount(list: readonly AuditEntry[]): number {
  const counts = new Map<string, number>();
  const monday = Date.parse('2023-12-31T17:00:00Z');
  for (const entry of list) {
    const week = Math.floor((Date.parse(entry.time) - monday) / 604_800_000);
    const key = `${entry.unit}|${week}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts.size;
}

export async function run(): Promise<BenchFigure[]> {
  const { plan, channels } = province();
  const list = entries();
  const period = parsePeriod('2024', ZONE);
  const now = DateTime.fromISO('2025-01-10T00:00', { zone: ZONE });
  const audit = () => auditPlan({ plan, channels, entries: list, period, now });
  const result = audit();
  const units = result.tasks[0]?.each?.length ?? 0;
  if (units !== COMMUNES) throw new Error(`expected ${COMMUNES} units, got ${units}`);
  bareCount(list);
  const best = async (fn: () => unknown) => {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) times.push(await timeMs(fn));
    return Math.min(...times);
  };
  const ours = await best(audit);
  const baseline = await best(() => bareCount(list));
  return [
    {
      name: `audit a province of ${COMMUNES} communes (each held to its own weekly quota) for a year, ${list.length.toLocaleString('en')} entries in memory (engine only; no import)`,
      ours,
      baseline,
      unit: 'ms',
      baselineLabel: 'one bare pass counting per unit and week',
      goal: '< 2000 ms, ratio ≤ 3',
      met: ours < 2000 && ours / baseline <= 3,
    },
  ];
}
