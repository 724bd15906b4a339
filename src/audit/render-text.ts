import { message } from '../i18n/catalogue.js';
import type { Lang } from '../i18n/lang.js';
import { csvCell } from '../text/csv.js';
import {
  auditRows,
  completionText,
  rejectText,
  rowCells,
  rowHeaders,
  statusText,
  warningText,
} from './rows.js';
import type { AuditResult, RejectedEntry, RejectReason } from './types.js';

const TITLE_WIDTH = 60;

/** Characters as a terminal shows them (NFC Vietnamese: one code point, one column). */
function width(text: string): number {
  return [...text].length;
}

function pad(text: string, size: number, right = false): string {
  const gap = ' '.repeat(Math.max(0, size - width(text)));
  return right ? gap + text : text + gap;
}

function shorten(text: string, size: number): string {
  const chars = [...text];
  return chars.length <= size ? text : `${chars.slice(0, size - 1).join('')}…`;
}

/** How much the table says about entries. */
export interface AuditTableOptions {
  /** List every entry a rule turned away, with its reason, instead of one summary line. */
  verbose?: boolean;
}

/** `✗ 3 không được tính: 2 ngắn hơn…, 1 ngoài khung giờ…`: the rejected entries in a line. */
function rejectedSummary(rejected: readonly RejectedEntry[], lang?: Lang): string {
  const counts = new Map<RejectReason, number>();
  for (const r of rejected) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  const reasons = [...counts].map(([reason, n]) => `${n} ${rejectText(reason, lang)}`).join(', ');
  return message('AUDIT_REJECTED_SUMMARY', { count: rejected.length, reasons }, lang);
}

/**
 * The audit as a terminal table, in the user's language: per task a heading line (clause,
 * title, unit), then a row per sub-period (period, required, done, status, evidence), the
 * entries a rule turned away under it, then completion, focus topics and log warnings.
 */
export function renderAuditTable(
  result: AuditResult,
  lang?: Lang,
  options: AuditTableOptions = {},
): string {
  const lines: string[] = [
    message(
      'AUDIT_HEADER',
      {
        plan: result.plan.id,
        number: result.plan.number,
        period: result.period.label,
        now: result.now,
      },
      lang,
    ),
  ];
  if (result.unit) {
    lines.push(
      message(
        'AUDIT_UNIT_LINE',
        { name: result.unit.name, count: result.unit.included.length },
        lang,
      ),
    );
  }
  const heads = [
    message('AUDIT_COL_PERIOD', {}, lang),
    message('AUDIT_COL_REQUIRED', {}, lang),
    message('AUDIT_COL_ACHIEVED', {}, lang),
    message('AUDIT_COL_STATUS', {}, lang),
    message('AUDIT_COL_EVIDENCE', {}, lang),
  ];
  const statuses = result.tasks.flatMap((t) => t.periods.map((p) => statusText(p.status, lang)));
  const sizes = [
    Math.max(width(heads[0] ?? ''), 10),
    width(heads[1] ?? ''),
    width(heads[2] ?? ''),
    Math.max(width(heads[3] ?? ''), ...statuses.map(width)),
  ];
  const row = (cells: string[]) =>
    `    ${pad(cells[0] ?? '', sizes[0] ?? 0)}  ${pad(cells[1] ?? '', sizes[1] ?? 0, true)}  ${pad(cells[2] ?? '', sizes[2] ?? 0, true)}  ${pad(cells[3] ?? '', sizes[3] ?? 0)}  ${cells[4] ?? ''}`.trimEnd();
  let spills = false;
  for (const task of result.tasks) {
    lines.push('', `[${task.source}] ${shorten(task.title, TITLE_WIDTH)} (${task.unitName})`);
    if (task.each) {
      lines.push(`    ${message('AUDIT_EACH_LINE', { count: task.each.length }, lang)}`);
    }
    lines.push(row(heads));
    task.periods.forEach((period, p) => {
      spills ||= period.spills;
      const proof = period.units
        ? message('AUDIT_UNITS_MET', period.units, lang)
        : shorten(period.evidence.map((i) => `#${i}`).join(' '), 40);
      lines.push(
        row([
          `${period.label}${period.spills ? '*' : ''}${period.partial ? '°' : ''}`,
          task.counted ? '–' : String(period.required),
          String(period.achieved),
          statusText(period.status, lang),
          proof,
        ]),
      );
      for (const unit of task.each ?? []) {
        const own = unit.periods[p];
        if (!own) continue;
        const quiet = ['met', 'not-yet-due', 'counted'].includes(own.status);
        if (quiet && !options.verbose) continue;
        const figures = {
          name: unit.unitName,
          unit: unit.unit,
          achieved: own.achieved,
          required: own.required,
          status: statusText(own.status, lang),
        };
        const proofs = own.evidence.length
          ? `  ${shorten(own.evidence.map((i) => `#${i}`).join(' '), 40)}`
          : '';
        lines.push(
          `      ${quiet ? '·' : '!'} ${message('AUDIT_UNIT_SHORT', figures, lang)}${proofs}`,
        );
      }
      for (const shared of period.alsoCountsFor ?? []) {
        const tasks = message('AUDIT_ALSO_COUNTS', { tasks: shared.tasks.join(', ') }, lang);
        lines.push(`      = #${shared.index}: ${tasks}`);
      }
      if (options.verbose) {
        for (const rejected of period.rejected) {
          lines.push(`      ✗ #${rejected.index}: ${rejectText(rejected.reason, lang)}`);
        }
      } else if (period.rejected.length > 0) {
        lines.push(`      ✗ ${rejectedSummary(period.rejected, lang)}`);
      }
    });
  }
  lines.push('');
  if (spills) lines.push(message('AUDIT_SPILL_NOTE', {}, lang));
  if (result.tasks.some((t) => t.periods.some((p) => p.partial))) {
    lines.push(message('AUDIT_PARTIAL_NOTE', {}, lang));
  }
  lines.push(completionText(result, lang));
  if (result.rollUp) {
    lines.push(message('AUDIT_ROLLUP_HEADER', {}, lang));
    for (const unit of result.rollUp) {
      const percent =
        unit.percent === null
          ? '–'
          : `${unit.percent.toLocaleString(lang === 'en' ? 'en' : 'vi')}%`;
      const line = message('AUDIT_ROLLUP_LINE', { ...unit, percent }, lang);
      lines.push(`${'  '.repeat(unit.depth + 1)}${line}`);
    }
  }
  if (result.atRisk && result.atRisk.length > 0) {
    lines.push(message('AUDIT_AT_RISK_TITLE', {}, lang));
    for (const u of result.atRisk) {
      const periods = u.periods.map((p) => `${p.label} ${statusText(p.status, lang)}`);
      lines.push(
        message(
          'AUDIT_AT_RISK_LINE',
          { unit: u.unit, name: u.name, task: u.task, periods: shorten(periods.join(', '), 120) },
          lang,
        ),
      );
    }
  }
  if (result.sources) {
    lines.push(message('AUDIT_SOURCES_TITLE', { count: result.sources.length }, lang));
    for (const s of result.sources) {
      const figures = { ...s, lastIndex: s.size - 1, root: s.root.slice(0, 16) };
      lines.push(message('AUDIT_SOURCE_LINE', figures, lang));
    }
  }
  if (result.focus.length === 0) lines.push(message('AUDIT_FOCUS_NONE', {}, lang));
  else {
    lines.push(message('AUDIT_FOCUS_HEADER', {}, lang));
    for (const focus of result.focus) {
      const code = focus.covered ? 'AUDIT_FOCUS_COVERED' : 'AUDIT_FOCUS_UNCOVERED';
      lines.push(message(code, { entries: focus.entries, title: focus.title }, lang));
    }
  }
  for (const warning of result.warnings) lines.push(warningText(warning, lang));
  return `${lines.join('\n')}\n`;
}

/** The audits as JSON, exactly the result objects, indented. */
export function renderAuditJson(results: AuditResult | AuditResult[]): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}

/**
 * The audits as CSV: UTF-8 with a byte-order mark (so that Excel reads the Vietnamese),
 * CRLF line ends, RFC 4180 quoting, one row per task and sub-period.
 */
export function renderAuditCsv(results: AuditResult | AuditResult[], lang?: Lang): string {
  const list = Array.isArray(results) ? results : [results];
  const lines = [rowHeaders(lang).map(csvCell).join(',')];
  for (const result of list) {
    for (const row of auditRows(result, lang)) {
      lines.push(rowCells(row, lang).map(csvCell).join(','));
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
