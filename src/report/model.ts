import { DateTime } from 'luxon';
import { auditPlan } from '../audit/audit-plan.js';
import { unitsAtRisk } from '../audit/imported-entries.js';
import type { AuditEntry, AuditResult, AuditSource } from '../audit/types.js';
import { type Period, parsePeriod } from '../calendar/period.js';
import { reportWindow } from '../calendar/reporting.js';
import { LoaError } from '../errors/loa-error.js';
import { message } from '../i18n/catalogue.js';
import type { Lang } from '../i18n/lang.js';
import type { Channel } from '../model/channel.js';
import type { Plan } from '../model/plan.js';
import {
  issuerAbbreviation,
  periodInWords,
  placeAndDate,
  requirementInWords,
  signatureBlock,
} from './wording.js';

/** The evidence log's signed head, printed in every report (size and root hash). */
export interface ReportCheckpoint {
  size: number;
  rootHashHex: string;
  /** ISO 8601 instant the checkpoint was signed. */
  signedAt: string;
}

/** What a periodic report is made from. All data: the report reads no file and no clock. */
export interface ReportInput {
  plan: Plan;
  channels: Channel[];
  entries: readonly AuditEntry[];
  /** `2024-Q1`, `2024-H1`, `2024` (or a month), or a parsed period. */
  period: string | Period;
  /** When the report is made. The figures stop at the data window's end if that is earlier. */
  now: DateTime;
  checkpoint: ReportCheckpoint;
  /** The report's number when known; "…" (filled in by the clerk) otherwise. */
  number?: string;
  /** Top-left issuing body; the plan's issuer by default. */
  issuer?: string;
  place?: string;
  /** The date on the report; `now` by default. */
  date?: DateTime;
  /** Receivers besides the archive; the reporting rule's `to` by default. */
  recipients?: string[];
  /** "Lại Văn Hoàn (KT. Chủ tịch, Phó Chủ tịch)"; the plan's signer by default. */
  signer?: string;
  /** Language of the document; Vietnamese unless asked (the Decree's form is Vietnamese). */
  lang?: Lang;
  /**
   * Make the report even for a kind of period the plan's `reporting` does not define; the
   * report then says so. Without it such a period is refused (REPORT_PERIOD_UNDEFINED).
   */
  force?: boolean;
  /**
   * The entries are the units' logs imported from their bundles (`loa report --imported`):
   * the report lists each unit's completion, the units at risk or short, and each log's root.
   */
  imported?: { sources: AuditSource[] };
}

/** Everything a report shows, worded, ready for the docx, html and md renderers. */
export interface ReportModel {
  nation: string;
  motto: string;
  issuer: string;
  numberLine: string;
  placeDate: string;
  kind: string;
  summary: string;
  intro: string;
  dataWindow: string;
  resultsHeading: string;
  table: { headers: string[]; rows: string[][] };
  completion: string;
  /** Over imported logs: each unit's completion and the units at risk or short (else empty). */
  units: string[];
  focusHeading: string;
  focus: string[];
  evidenceHeading: string;
  checkpoint: string;
  /** Over imported logs: each unit's log, its size and root (else empty). */
  sources: string[];
  recipientsTitle: string;
  recipients: string[];
  signer: { authority: string[]; name: string; space: string };
  audit: AuditResult;
}

const REPORT_KINDS = new Set(['month', 'quarter', 'half-year', 'year']);

function reportPeriod(input: ReportInput): Period {
  const period =
    typeof input.period === 'string'
      ? parsePeriod(input.period, input.plan.timeZone)
      : input.period;
  if (!REPORT_KINDS.has(period.kind)) {
    throw new LoaError('REPORT_BAD_PERIOD', { params: { value: period.label } });
  }
  return period;
}

function day(instant: DateTime, zone: string): string {
  return instant.setZone(zone).toFormat('dd/MM/yyyy');
}

/**
 * Builds a periodic report: the audit of the plan over the report's data window (the plan's
 * reporting rule for this kind of period, with its `dataWindow` when it has one, else the
 * period itself), as of the earlier of `now` and the window's end, worded as Decree
 * 30/2020/NĐ-CP lays out a report.
 */
export function buildReport(input: ReportInput): ReportModel {
  const { plan } = input;
  const lang = input.lang ?? 'vi';
  const zone = plan.timeZone;
  const period = reportPeriod(input);
  const defined = plan.reporting.find((r) => (r.periods as string[]).includes(period.kind));
  // A plan that reports on request (001 III.4) reports on whatever period it is asked for.
  const onRequest = plan.reporting.some((r) => r.onRequest);
  const kinds = [...new Set(plan.reporting.flatMap((r) => r.periods))];
  if (!defined && !onRequest && !input.force) {
    throw new LoaError('REPORT_PERIOD_UNDEFINED', {
      params: {
        plan: plan.id,
        period: period.label,
        kind: period.kind,
        kinds: kinds.join(', ') || '–',
      },
    });
  }
  const forced = !defined && !onRequest;
  const reporting = defined ?? plan.reporting[0];
  const window = reporting ? reportWindow(reporting, period) : period;
  const asOf = DateTime.min(input.now, window.end);
  const audit = auditPlan({
    plan,
    channels: input.channels,
    entries: input.entries,
    period: { ...window, label: period.label },
    now: asOf,
  });
  const words = periodInWords(period, lang);
  const m = (code: Parameters<typeof message>[0], params = {}) => message(code, params, lang);

  const rows = audit.tasks.map((task, i) => {
    const met = task.periods.filter((p) => p.status === 'met').length;
    const pending = task.periods.filter(
      (p) => p.status === 'open' || p.status === 'at-risk' || p.status === 'not-yet-due',
    ).length;
    const result = task.counted
      ? m('AUDIT_STATUS_COUNTED')
      : m('REPORT_RESULT', { met, total: task.periods.length }) +
        (pending > 0 ? m('REPORT_RESULT_PENDING', { pending }) : '');
    return [
      String(i + 1),
      `${task.title} (${task.source})`,
      task.unitName,
      requirementInWords(task.per, task.atLeast, lang),
      String(task.achieved),
      result,
    ];
  });
  const { completion } = audit;
  const recipients = input.recipients ?? (reporting?.to ? [reporting.to] : []);
  return {
    nation: m('REPORT_NATION'),
    motto: m('REPORT_MOTTO'),
    issuer: (input.issuer ?? plan.document.issuer).toLocaleUpperCase('vi'),
    numberLine: m('REPORT_NUMBER', {
      number: input.number ?? '…',
      abbr: issuerAbbreviation(plan.document.number),
    }),
    placeDate: placeAndDate(
      input.place ?? plan.document.place ?? '…',
      (input.date ?? input.now).setZone(zone),
      lang,
    ),
    kind: m('REPORT_KIND'),
    summary: m('REPORT_SUMMARY', { period: words }),
    intro: m('REPORT_INTRO', {
      title: plan.document.title,
      number: plan.document.number,
      date: day(DateTime.fromISO(plan.document.date, { zone }), zone),
      issuer: plan.document.issuer,
      period: words,
    }),
    dataWindow:
      m('REPORT_DATA_WINDOW', {
        from: day(window.start, zone),
        to: day(window.end.minus({ milliseconds: 1 }), zone),
        now: asOf.setZone(zone).toFormat('HH:mm dd/MM/yyyy'),
      }) + (forced ? ` ${m('REPORT_FORCED_NOTE', { kinds: kinds.join(', ') || '–' })}` : ''),
    resultsHeading: m('REPORT_SECTION_RESULTS'),
    table: {
      headers: [
        m('REPORT_COL_NO'),
        m('REPORT_COL_TASK'),
        m('REPORT_COL_UNIT'),
        m('REPORT_COL_REQUIRED'),
        m('REPORT_COL_DONE'),
        m('REPORT_COL_RESULT'),
      ],
      rows,
    },
    completion:
      completion.percent === null
        ? m('REPORT_COMPLETION_NONE', { pending: completion.pending })
        : m('REPORT_COMPLETION', { ...completion, percent: completion.percent }),
    units: input.imported ? unitLines(audit, lang) : [],
    focusHeading: m('REPORT_SECTION_FOCUS'),
    focus:
      audit.focus.length === 0
        ? [m('REPORT_FOCUS_NONE')]
        : audit.focus.map((f) =>
            f.covered
              ? m('REPORT_FOCUS_LINE', { title: f.title, entries: f.entries })
              : m('REPORT_FOCUS_MISSING', { title: f.title }),
          ),
    evidenceHeading: m('REPORT_SECTION_EVIDENCE'),
    checkpoint: m('REPORT_CHECKPOINT', {
      size: input.checkpoint.size,
      root: input.checkpoint.rootHashHex,
      signedAt: DateTime.fromISO(input.checkpoint.signedAt, { zone }).toFormat(
        'HH:mm:ss dd/MM/yyyy',
      ),
    }),
    sources: input.imported
      ? [
          m('REPORT_IMPORTED_SOURCES', { count: input.imported.sources.length }),
          ...input.imported.sources.map((s) =>
            m('REPORT_IMPORTED_SOURCE', { unit: s.unit, size: s.size, root: s.root }),
          ),
        ]
      : [],
    recipientsTitle: m('REPORT_RECIPIENTS'),
    recipients: [...recipients.map((r) => `- ${r};`), m('REPORT_ARCHIVE')],
    signer: {
      ...signatureBlock(input.signer ?? plan.document.signer),
      space: m('REPORT_SIGNATURE_SPACE'),
    },
    audit,
  };
}

/** Each unit's completion (the audit's roll-up) and the units at risk or short, worded. */
function unitLines(audit: AuditResult, lang: Lang): string[] {
  const m = (code: Parameters<typeof message>[0], params = {}) => message(code, params, lang);
  const out = (audit.rollUp ?? []).map((u) =>
    m('REPORT_IMPORTED_UNIT', {
      indent: '  '.repeat(u.depth),
      name: u.name,
      met: u.met,
      assessed: u.assessed,
      percent: u.percent === null ? '–' : `${u.percent.toLocaleString(lang)}%`,
    }),
  );
  const atRisk = unitsAtRisk(audit);
  if (atRisk.length > 0) out.push(m('REPORT_IMPORTED_AT_RISK_TITLE'));
  for (const u of atRisk) {
    out.push(
      m('REPORT_IMPORTED_AT_RISK', {
        name: u.name,
        task: u.task,
        count: u.periods.length,
        periods: u.periods.map((p) => p.label).join(', '),
      }),
    );
  }
  return out;
}
