import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditPlan } from '../../src/audit/audit-plan.js';
import { renderAuditTable } from '../../src/audit/render-text.js';
import type { AuditEntry, AuditResult } from '../../src/audit/types.js';
import { parsePeriod, planPeriod } from '../../src/calendar/period.js';
import { broadcastSlotsIn, bulletinIssuesIn } from '../../src/calendar/slots.js';
import { main } from '../../src/cli/main.js';
import { loadProject } from '../../src/config/project.js';
import type { Channel } from '../../src/model/channel.js';
import type { Plan } from '../../src/model/plan.js';
import { captureOutput } from '../support/capture-output.js';

/** The example district plan: every cadence and a per-unit quota (examples/). */
const ROOT = join(import.meta.dirname, '../../examples/huyen-kien-xuong-2025');
const GOLDEN = join(import.meta.dirname, '../fixtures/audit/huyen-kien-xuong-2025.json');
const UPDATE = process.env.LOA_UPDATE_GOLDEN === '1';

let plan: Plan;
let channels: Channel[];

beforeAll(async () => {
  const project = await loadProject({ root: ROOT, env: {} });
  expect(project.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  plan = project.plans[0]?.value as Plan;
  channels = project.channels.map((c) => c.value);
});

/**
 * A year of evidence: every scheduled airing and issue carried out, but for the deliberate
 * gaps: Vũ Ninh's station skips Wednesday 5 March (W10), the district programme skips the
 * 3rd Thursday of May and airs only 15 minutes on 4 September, and the training is held
 * once. An Bình's station airs all its slots, which are two a week; the bulletin comes out
 * once a month where the plan asks for two.
 */
function year(): AuditEntry[] {
  const zone = plan.timeZone;
  const range = planPeriod(plan);
  const entries: Omit<AuditEntry, 'index'>[] = [];
  for (const channel of channels) {
    if (channel.kind === 'broadcast') {
      for (const slot of broadcastSlotsIn(channel, range, zone)) {
        const day = slot.start.toISODate();
        if (channel.id === 'loa-vu-ninh' && day === '2025-03-05') continue;
        if (channel.id === 'dai-huyen-cchc' && day === '2025-05-15') continue;
        const short = channel.id === 'dai-huyen-cchc' && day === '2025-09-04';
        entries.push({
          kind: 'airing',
          channel: channel.id,
          channelKind: 'broadcast',
          unit: channel.unit,
          time: slot.start.toUTC().toISO() ?? '',
          durationSec: short ? 900 : slot.lengthSec,
        });
      }
    } else if (channel.kind === 'bulletin') {
      for (const issue of bulletinIssuesIn(channel, range, zone)) {
        entries.push({
          kind: 'bulletin-issue',
          channel: channel.id,
          channelKind: 'bulletin',
          unit: channel.unit,
          time: issue.date.toUTC().toISO() ?? '',
        });
      }
    }
  }
  entries.push({
    kind: 'manual',
    plan: plan.id,
    task: 'hoi-nghi',
    unit: 'phong-noi-vu',
    time: DateTime.fromISO('2025-06-10T08:00', { zone }).toUTC().toISO() ?? '',
  });
  return entries
    .sort((a, b) => Date.parse(a.time) - Date.parse(b.time))
    .map((e, index) => ({ index, ...e }));
}

function audit(): AuditResult {
  return auditPlan({
    plan,
    channels,
    entries: year(),
    period: parsePeriod('2025', plan.timeZone),
    now: DateTime.fromISO('2026-01-10T00:00', { zone: plan.timeZone }),
  });
}

/** Every task-period (or unit-period) that is not met, as `task unit? label achieved/required`. */
function gaps(result: AuditResult): string[] {
  return result.tasks.flatMap((task) => {
    const sets = task.each
      ? task.each.map((u) => ({ who: ` ${u.unit}`, periods: u.periods }))
      : [{ who: '', periods: task.periods }];
    return sets.flatMap(({ who, periods }) =>
      periods
        .filter((p) => p.status !== 'met' && p.status !== 'counted')
        .map((p) => `${task.id}${who} ${p.label} ${p.achieved}/${p.required} ${p.status}`),
    );
  });
}

describe('the example district plan (cadences and a per-unit quota)', () => {
  it('validates, warning with the clause where the schedules cannot reach the quota', async () => {
    const output = captureOutput();
    expect(await main(['validate', '--dir', ROOT], output)).toBe(0);
    const text = output.all();
    expect(text).toContain(
      'tasks[2].rule.atLeast:  Nhiệm vụ "loa-xa" (mục III.2) cần mỗi đơn vị 3 lần trong 2025-W02 nhưng lịch của kênh loa-an-binh của đơn vị xa-an-binh chỉ có 2 (thiếu 1); 51/53 kỳ không đủ',
    );
    expect(text).toContain('Nhiệm vụ "ban-tin" (mục III.3)');
    expect(text).toContain('12/12 kỳ không đủ');
    expect(text).toContain('0 lỗi, 2 cảnh báo');
  });

  it('counts exactly the deliberate gaps over the year, and nothing else', () => {
    const found = gaps(audit());
    const anBinh = found.filter((g) => g.startsWith('loa-xa xa-an-binh'));
    expect(anBinh).toHaveLength(51);
    expect(anBinh.every((g) => g.endsWith(' 2/3 missed'))).toBe(true);
    expect(found.filter((g) => !g.startsWith('loa-xa xa-an-binh'))).toEqual([
      'chuyen-muc-huyen 2025-05 1/2 missed',
      'chuyen-muc-huyen 2025-09 1/2 missed',
      'loa-xa xa-vu-ninh 2025-W10 2/3 missed',
      'ban-tin 2025-01 0/1 missed',
      ...['02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map(
        (m) => `ban-tin 2025-${m} 1/2 missed`,
      ),
    ]);
  });

  it('prorates the weeks and the month the plan cuts, and marks them', () => {
    const result = audit();
    const weekly = result.tasks.find((t) => t.id === 'loa-xa');
    const anBinh = weekly?.each?.find((u) => u.unit === 'xa-an-binh');
    // 2 January 2025 is a Thursday: 4 days of W01 are inside the plan, 3 a week gives 1.
    expect(anBinh?.periods[0]).toMatchObject({
      label: '2025-W01',
      partial: true,
      required: 1,
      achieved: 1,
      status: 'met',
    });
    expect(anBinh?.periods.at(-1)).toMatchObject({ label: '2026-W01', partial: true });
    expect(renderAuditTable(result, 'vi')).toContain('° Kỳ bị cắt bởi thời gian hiệu lực');
  });

  it('matches its golden audit', () => {
    const result = audit();
    const summary = {
      completion: result.completion,
      rollUp: result.rollUp,
      tasks: result.tasks.map((t) => ({
        id: t.id,
        periods: t.periods.map(
          (p) =>
            `${p.label}${p.partial ? '°' : ''} ${p.achieved}/${p.required} ${p.status}` +
            (p.units ? ` units ${p.units.met}/${p.units.total}` : '') +
            (p.rejected.length ? ` rejected:${p.rejected.map((r) => r.reason).join(',')}` : ''),
        ),
      })),
      focus: result.focus,
    };
    if (UPDATE || !existsSync(GOLDEN))
      writeFileSync(GOLDEN, `${JSON.stringify(summary, null, 2)}\n`);
    expect(summary).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });
});
