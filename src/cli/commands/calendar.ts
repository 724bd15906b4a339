import type { Command } from 'commander';
import { planCalendarJson } from '../../calendar/calendar-json.js';
import {
  formatLocalDate,
  formatLocalDateTime,
  formatLocalDay,
  lastDay,
} from '../../calendar/display.js';
import { type Period, parsePeriod, planPeriod } from '../../calendar/period.js';
import {
  type CalendarEntry,
  type PlanCalendar,
  planCalendar,
} from '../../calendar/plan-calendar.js';
import { findPlan, loadValidProject } from '../../config/project.js';
import { LoaError } from '../../errors/loa-error.js';
import { message } from '../../i18n/catalogue.js';
import type { Channel } from '../../model/channel.js';
import type { Plan } from '../../model/plan.js';
import { DEFAULT_ZONE } from '../../model/primitives.js';
import { type Output, printError, printJson } from '../output.js';

export interface CalendarOptions {
  /** The period label: 2024-W12, 2024-03, 2024-Q1, 2024-H1 or 2024. */
  period: string;
  plan?: string;
  json?: boolean;
  dir?: string;
}

/** Exit code of a usage error (a bad argument), as commander uses. */
const EXIT_USAGE = 2;

function dateSpan(start: Period['start'], end: Period['end'], zone: string) {
  return { start: formatLocalDate(start, zone), end: formatLocalDate(lastDay(end), zone) };
}

function entryRow(entry: CalendarEntry, zone: string): string[] {
  const when = formatLocalDateTime(entry.start, zone);
  if (entry.kind === 'broadcast') {
    const minutes = Math.round(entry.lengthSec / 6) / 10;
    return [when, entry.channel, message('CALENDAR_BROADCAST', { minutes })];
  }
  return [when, entry.channel, message('CALENDAR_BULLETIN', { label: entry.label })];
}

/** Rows padded into columns, two spaces apart, indented. */
function table(rows: string[][], indent: string): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows.map((row) =>
    `${indent}${row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i] ?? 0) : cell)).join('  ')}`.trimEnd(),
  );
}

/** The readable calendar of one plan: a header, a table per task, then the reports due. */
export function renderPlanCalendar(plan: Plan, calendar: PlanCalendar): string[] {
  const zone = calendar.zone;
  const lines = [
    message('CALENDAR_HEADER', {
      plan: plan.id,
      title: plan.document.title,
      period: calendar.period.label,
      zone,
      ...dateSpan(calendar.period.start, calendar.period.end, zone),
    }),
  ];
  const whole = planPeriod(plan);
  if (!calendar.range) {
    lines.push(message('CALENDAR_OUTSIDE_PLAN', dateSpan(whole.start, whole.end, zone)));
  } else if (
    !calendar.range.start.equals(calendar.period.start) ||
    !calendar.range.end.equals(calendar.period.end)
  ) {
    lines.push(
      message('CALENDAR_CLIPPED', dateSpan(calendar.range.start, calendar.range.end, zone)),
    );
  }
  const header = [
    message('CALENDAR_COL_WHEN'),
    message('CALENDAR_COL_CHANNEL'),
    message('CALENDAR_COL_WHAT'),
  ];
  for (const task of calendar.tasks) {
    lines.push(
      '',
      message('CALENDAR_TASK', { source: task.source, title: task.title, task: task.task }),
    );
    if (!task.served) {
      lines.push(`    ${message('CALENDAR_NOT_SERVED')}`);
    } else if (task.entries.length === 0) {
      lines.push(`    ${message('CALENDAR_NOTHING', { channels: task.channels.join(', ') })}`);
    } else {
      lines.push(...table([header, ...task.entries.map((e) => entryRow(e, zone))], '    '));
      lines.push(`    ${message('CALENDAR_TASK_TOTAL', { count: task.entries.length })}`);
    }
  }
  lines.push('', message('CALENDAR_REPORTS'));
  if (calendar.reports.length === 0) lines.push(`    ${message('CALENDAR_NO_REPORTS')}`);
  for (const report of calendar.reports) {
    const window = dateSpan(report.window.start, report.window.end, zone);
    const line = message('CALENDAR_REPORT_LINE', {
      due: formatLocalDay(report.due, zone),
      source: report.source,
      title: report.title,
      period: report.period,
      from: window.start,
      to: window.end,
    });
    lines.push(`    ${line}`);
  }
  return lines;
}

async function calendars(
  options: CalendarOptions,
): Promise<{ plan: Plan; calendar: PlanCalendar }[]> {
  // A bad period is refused before any file is read.
  parsePeriod(options.period, DEFAULT_ZONE);
  const project = await loadValidProject(options.dir ?? '.');
  const channels: Channel[] = project.channels.map((c) => c.value);
  const plans = options.plan
    ? [findPlan(project, options.plan)]
    : project.plans.map((p) => p.value).sort((a, b) => a.id.localeCompare(b.id));
  return plans.map((plan) => ({
    plan,
    calendar: planCalendar(plan, channels, parsePeriod(options.period, plan.timeZone)),
  }));
}

/**
 * `loa calendar <period>`: for each plan (or the one named), what is scheduled in the period
 * grouped by task, and the reports due. Errors are printed here; resolves to the exit code
 * (2 for a bad period, 1 for a bad configuration or an unknown plan).
 */
export async function runCalendar(options: CalendarOptions, output: Output): Promise<number> {
  let result: { plan: Plan; calendar: PlanCalendar }[];
  try {
    result = await calendars(options);
  } catch (error) {
    if (!(error instanceof LoaError)) throw error;
    printError(output, error);
    return error.code === 'BAD_PERIOD' ? EXIT_USAGE : 1;
  }
  if (options.json) {
    printJson(output, {
      period: options.period,
      plans: result.map((r) => planCalendarJson(r.calendar)),
    });
    return 0;
  }
  result.forEach(({ plan, calendar }, i) => {
    if (i > 0) output.out('');
    for (const line of renderPlanCalendar(plan, calendar)) output.out(line);
  });
  return 0;
}

export function registerCalendar(
  program: Command,
  output: Output,
  setExit: (code: number) => void,
): void {
  program
    .command('calendar')
    .description('Lịch phát sóng, bản tin và báo cáo của một kỳ / calendar of a period')
    .argument('<period>', '2024-W12 | 2024-03 | 2024-Q1 | 2024-H1 | 2024')
    .option('--plan <id>', 'chỉ kế hoạch này / only this plan')
    .option('--json', 'xuất JSON / print JSON')
    .option('--dir <dir>', 'thư mục dự án / project folder', '.')
    .action(async (period: string, opts: Omit<CalendarOptions, 'period'>) =>
      setExit(await runCalendar({ ...opts, period }, output)),
    );
}
