import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/calendar/period.js';
import { planCalendar } from '../../src/calendar/plan-calendar.js';
import { isValid, loadProject } from '../../src/config/project.js';
import type { Channel } from '../../src/model/channel.js';
import type { Plan } from '../../src/model/plan.js';

const ROOT = fileURLToPath(new URL('../fixtures/calendar-project', import.meta.url));
let plan: Plan;
let channels: Channel[];

beforeAll(async () => {
  const project = await loadProject({ root: ROOT, env: {} });
  expect(isValid(project)).toBe(true);
  plan = project.plans[0]?.value as Plan;
  channels = project.channels.map((c) => c.value);
});

const byTask = (calendar: ReturnType<typeof planCalendar>, id: string) =>
  calendar.tasks.find((t) => t.task === id);

describe('planCalendar', () => {
  it('groups Q1 2024 by task: 13 Friday airings, 12 bulletin issues, reports due', () => {
    const calendar = planCalendar(plan, channels, parsePeriod('2024-Q1', plan.timeZone));
    expect(calendar.tasks.map((t) => t.task)).toEqual([
      'chuyen-muc-truyen-hinh',
      'ban-tin-dien-tu',
      'hoi-nghi',
    ]);
    const tv = byTask(calendar, 'chuyen-muc-truyen-hinh');
    expect(tv?.served).toBe(true);
    expect(tv?.channels).toEqual(['truyen-hinh']);
    expect(tv?.entries).toHaveLength(13);
    expect(tv?.entries.every((e) => e.kind === 'broadcast' && e.channel === 'truyen-hinh')).toBe(
      true,
    );
    const bulletin = byTask(calendar, 'ban-tin-dien-tu');
    expect(bulletin?.entries.map((e) => (e.kind === 'bulletin' ? e.number : 0))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ]);
    expect(calendar.reports.map((r) => [r.reporting, r.period, r.due.toISODate()])).toEqual([
      ['bao-cao-dinh-ky', '2024-Q1', '2024-03-15'],
      ['bao-cao-bnv', '2024-Q1', '2024-03-20'],
    ]);
  });

  it('shows a task no channel serves with no entries and served: false', () => {
    const calendar = planCalendar(plan, channels, parsePeriod('2024-03', plan.timeZone));
    expect(byTask(calendar, 'hoi-nghi')).toMatchObject({
      served: false,
      channels: [],
      entries: [],
    });
  });

  it('keeps entries inside the plan period when the period runs past it', () => {
    // 2024-W52 ends inside the plan; 2025-W01 (30 Dec – 5 Jan) only partly.
    const w52 = planCalendar(plan, channels, parsePeriod('2024-W52', plan.timeZone));
    expect(byTask(w52, 'ban-tin-dien-tu')?.entries).toHaveLength(1); // 28 Dec
    const w01 = planCalendar(plan, channels, parsePeriod('2025-W01', plan.timeZone));
    expect(w01.range?.end.toISODate()).toBe('2025-01-01');
    expect(w01.tasks.flatMap((t) => t.entries)).toEqual([]);
    const after = planCalendar(plan, channels, parsePeriod('2025-03', plan.timeZone));
    expect(after.range).toBeUndefined();
  });

  it('ignores channels that serve another plan', () => {
    const foreign = channels.map((c) => ({ ...c, serves: [{ plan: 'khac', tasks: ['x'] }] }));
    const calendar = planCalendar(plan, foreign, parsePeriod('2024-03', plan.timeZone));
    expect(calendar.tasks.every((t) => !t.served && t.entries.length === 0)).toBe(true);
  });
});
