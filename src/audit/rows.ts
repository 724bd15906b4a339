import { DateTime } from 'luxon';
import { type MessageCode, message } from '../i18n/catalogue.js';
import type { Lang } from '../i18n/lang.js';
import type {
  AuditResult,
  AuditWarning,
  RejectReason,
  TaskPeriodResult,
  TaskStatus,
} from './types.js';

/** One task in one sub-period, flattened for tables and spreadsheets. */
export interface AuditRow {
  plan: string;
  task: string;
  title: string;
  source: string;
  unit: string;
  period: string;
  /** First and last local day, `dd/MM/yyyy`. */
  start: string;
  end: string;
  spills: boolean;
  required: number;
  achieved: number;
  status: TaskStatus;
  statusText: string;
  /** `#12 #40`: the log entries that prove it. */
  evidence: string;
  /** `#13 (ngắn hơn thời lượng tối thiểu)`: entries a rule filter turned away. */
  rejected: string;
}

const STATUS: Record<TaskStatus, MessageCode> = {
  met: 'AUDIT_STATUS_MET',
  missed: 'AUDIT_STATUS_MISSED',
  'at-risk': 'AUDIT_STATUS_AT_RISK',
  open: 'AUDIT_STATUS_OPEN',
  'not-yet-due': 'AUDIT_STATUS_NOT_YET_DUE',
  counted: 'AUDIT_STATUS_COUNTED',
};

const REJECT: Record<RejectReason, MessageCode> = {
  'too-short': 'AUDIT_REJECT_TOO_SHORT',
  'no-duration': 'AUDIT_REJECT_NO_DURATION',
  'outside-window': 'AUDIT_REJECT_OUTSIDE_WINDOW',
  weekday: 'AUDIT_REJECT_WEEKDAY',
  topic: 'AUDIT_REJECT_TOPIC',
  'channel-kind': 'AUDIT_REJECT_CHANNEL_KIND',
  unit: 'AUDIT_REJECT_UNIT',
  'audio-mismatch': 'AUDIT_REJECT_AUDIO_MISMATCH',
};

const WARNING: Record<AuditWarning['problem'], MessageCode> = {
  'bad-time': 'AUDIT_WARN_BAD_TIME',
  'correction-target-missing': 'AUDIT_WARN_CORRECTION_TARGET_MISSING',
  'correction-not-later': 'AUDIT_WARN_CORRECTION_NOT_LATER',
};

/** A status in the user's language. */
export function statusText(status: TaskStatus, lang?: Lang): string {
  return message(STATUS[status], {}, lang);
}

/** Why an entry did not count, in the user's language. */
export function rejectText(reason: RejectReason, lang?: Lang): string {
  return message(REJECT[reason], {}, lang);
}

/** A warning about the log, in the user's language. */
export function warningText(warning: AuditWarning, lang?: Lang): string {
  const problem = message(WARNING[warning.problem], {}, lang);
  return message('AUDIT_WARNING_LINE', { index: warning.index, problem }, lang);
}

/** A local ISO instant (start inclusive) as `dd/MM/yyyy`. */
export function localDay(iso: string): string {
  return DateTime.fromISO(iso, { setZone: true }).toFormat('dd/MM/yyyy');
}

/** The last day a period covers, from its exclusive local ISO end. */
export function lastLocalDay(iso: string): string {
  return DateTime.fromISO(iso, { setZone: true }).minus({ milliseconds: 1 }).toFormat('dd/MM/yyyy');
}

/** The completion line of an audit, in the user's language. */
export function completionText(result: AuditResult, lang?: Lang): string {
  const { completion } = result;
  return completion.percent === null
    ? message('AUDIT_COMPLETION_NONE', { pending: completion.pending }, lang)
    : message('AUDIT_COMPLETION', { ...completion, percent: completion.percent }, lang);
}

/**
 * The entries that prove a task-period, `#12 #40`; one that also counts for other tasks of
 * the plan says so: `#12 (cũng tính cho tin-khac)`.
 */
export function evidenceText(period: TaskPeriodResult, lang?: Lang): string {
  const shared = new Map((period.alsoCountsFor ?? []).map((s) => [s.index, s.tasks]));
  return period.evidence
    .map((i) => {
      const tasks = shared.get(i);
      return tasks
        ? `#${i} (${message('AUDIT_ALSO_COUNTS', { tasks: tasks.join(', ') }, lang)})`
        : `#${i}`;
    })
    .join(' ');
}

/**
 * Every task-period of an audit as a flat row, in plan order; a per-unit task gives a row
 * per unit and sub-period (its unit column the unit), not its roll-up, so that the rows sum.
 */
export function auditRows(result: AuditResult, lang?: Lang): AuditRow[] {
  return result.tasks.flatMap((task) => {
    const sets = task.each
      ? task.each.map((u) => ({ unit: u.unit, periods: u.periods }))
      : [{ unit: task.unit, periods: task.periods }];
    return sets.flatMap(({ unit, periods }) =>
      periods.map((period) => ({
        plan: result.plan.id,
        task: task.id,
        title: task.title,
        source: task.source,
        unit,
        period: period.label,
        start: localDay(period.start),
        end: lastLocalDay(period.end),
        spills: period.spills,
        required: period.required,
        achieved: period.achieved,
        status: period.status,
        statusText: statusText(period.status, lang),
        evidence: evidenceText(period, lang),
        rejected: period.rejected
          .map((r) => `#${r.index} (${rejectText(r.reason, lang)})`)
          .join(' '),
      })),
    );
  });
}

/** The column headers of `AuditRow` for csv and xlsx, in the user's language. */
export function rowHeaders(lang?: Lang): string[] {
  const codes: MessageCode[] = [
    'AUDIT_COL_PLAN',
    'AUDIT_COL_SOURCE',
    'AUDIT_COL_TASK',
    'AUDIT_COL_TASK',
    'AUDIT_COL_UNIT',
    'AUDIT_COL_PERIOD',
    'AUDIT_COL_START',
    'AUDIT_COL_END',
    'AUDIT_COL_SPILLS',
    'AUDIT_COL_REQUIRED',
    'AUDIT_COL_ACHIEVED',
    'AUDIT_COL_STATUS',
    'AUDIT_COL_EVIDENCE',
    'AUDIT_COL_REJECTED',
  ];
  const headers = codes.map((code) => message(code, {}, lang));
  headers[2] = `${headers[2]} (id)`;
  return headers;
}

/** The cells of a row, in the order of `rowHeaders`. */
export function rowCells(row: AuditRow, lang?: Lang): (string | number)[] {
  return [
    row.plan,
    row.source,
    row.task,
    row.title,
    row.unit,
    row.period,
    row.start,
    row.end,
    row.spills ? message('AUDIT_YES', {}, lang) : '',
    row.required,
    row.achieved,
    row.statusText,
    row.evidence,
    row.rejected,
  ];
}
