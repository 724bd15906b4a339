import type { Hono } from 'hono';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { AuditResult, TaskAudit } from '../../audit/types.js';
import type { AuthUser } from '../../auth/roles.js';
import { allows } from '../../auth/roles.js';
import type { EvidenceEntry } from '../../evidence/log.js';
import { listEvidence } from '../../evidence/log-filter.js';
import { message } from '../../i18n/catalogue.js';
import type { Plan } from '../../model/plan.js';
import { auditOf } from '../api-evidence.js';
import { nfcDeep } from '../api-spec.js';
import { requires } from '../auth.js';
import type { ServerContext, ServerEnv } from '../context.js';
import { evidenceKindWord, localInstant } from './evidence.js';
import { type Html, html } from './html.js';
import { cell, page } from './layout.js';
import { periodStrip, quotaBar, STATUS_WORDS } from './quota-chart.js';

const Query = z.object({
  plan: z.string().optional(),
  period: z.string().optional(),
  unit: z.string().optional(),
});

/** The period a plan's quotas are shown for by default: this month in force, else the plan. */
export function defaultPeriod(plan: Plan, now: DateTime): string {
  const local = now.setZone(plan.timeZone);
  const today = local.toISODate() ?? '';
  const inForce = today >= plan.period.start && today <= plan.period.end;
  return inForce ? local.toFormat('yyyy-MM') : 'plan';
}

/** The first and last day of an audited period, for the bundle's `from` and `to`. */
export function periodDays(result: AuditResult): { from: string; to: string } {
  const zone = result.plan.timeZone;
  const start = DateTime.fromISO(result.period.start, { zone });
  const end = DateTime.fromISO(result.period.end, { zone }).minus({ milliseconds: 1 });
  return { from: start.toISODate() ?? '', to: end.toISODate() ?? '' };
}

/** The download buttons of an audit: XLSX, the DOCX report and (auditors) the bundle. */
export function downloadButtons(result: AuditResult, period: string, user: AuthUser): Html {
  const plan = result.plan.id;
  const name = `${plan}-${period}`;
  const audit = `/api/audit?${new URLSearchParams({ plan, period, format: 'xlsx' })}`;
  const report = `/api/reports/${encodeURIComponent(plan)}/${encodeURIComponent(period)}?format=docx`;
  const { from, to } = periodDays(result);
  const bundle = allows(user.role, 'evidence:export')
    ? html`<a class="button secondary" href="/api/evidence/bundle?${new URLSearchParams({ from, to })}" download="minh-chung-${from}-${to}.zip" data-download="bundle">${message('PAGE_DOWNLOAD_BUNDLE', { from, to })}</a>`
    : '';
  return html`<div class="actions downloads"><a class="button secondary" href="${audit}" download="chi-tieu-${name}.xlsx" data-download="xlsx">${message('PAGE_DOWNLOAD_XLSX')}</a><a class="button secondary" href="${report}" download="bao-cao-${name}.docx" data-download="docx">${message('PAGE_DOWNLOAD_DOCX')}</a>${bundle}</div>`;
}

/** One task: a summary line with its strip of sub-periods, opening onto each sub-period. */
function taskSection(
  task: TaskAudit,
  entries: ReadonlyMap<number, EvidenceEntry>,
  zone: string,
): Html {
  const required = task.periods.reduce((sum, p) => sum + p.required, 0);
  const worst = (['missed', 'at-risk', 'open', 'met', 'not-yet-due', 'counted'] as const).find(
    (s) => task.periods.some((p) => p.status === s),
  );
  const col = {
    period: message('PAGE_PERIOD'),
    required: message('PAGE_REQUIRED'),
    achieved: message('PAGE_ACHIEVED'),
    bar: message('PAGE_QUOTA_BAR'),
    status: message('PAGE_STATUS_HEAD'),
    proof: message('PAGE_QUOTA_PROOF'),
  };
  const rows = task.periods.map((p) => {
    const proof = p.evidence.map((index) => {
      const e = entries.get(index);
      const what = e
        ? `${evidenceKindWord(e.kind)} · ${localInstant(e.time, zone)} · ${e.channel ?? e.note ?? ''}`
        : '';
      return html`<li><a href="/evidence?before=${index + 1}&amp;limit=1">#${index}</a> ${what}</li>`;
    });
    return html`<tr data-task="${task.id}" data-period="${p.label}">${cell(col.period, p.label)}${cell(col.required, p.required, 'required')}${cell(col.achieved, p.achieved, 'achieved')}${cell(col.bar, quotaBar(p.achieved, p.required, p.status))}${cell(col.status, message(STATUS_WORDS[p.status]), p.status)}${cell(col.proof, proof.length ? html`<ul class="proof">${proof}</ul>` : '')}</tr>\n`;
  });
  return html`<section class="task" id="task-${task.id}" data-task="${task.id}"><details>
<summary><span class="clause">${task.source}</span> <strong>${task.title}</strong> <span class="muted">— ${task.unitName}</span>
<span class="task-figures"><span class="badge ${worst ?? ''}">${worst ? message(STATUS_WORDS[worst]) : ''}</span> ${message('PAGE_QUOTA_TOTAL', { achieved: task.achieved, required })}</span>
${periodStrip(task.periods)}</summary>
<table class="stack periods"><thead><tr>${Object.values(col).map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>${rows}</tbody></table>
</details></section>`;
}

/**
 * The quotas page, as `loa audit` makes them: per plan and period, one line per task (clause,
 * title, unit, worst status, total, and a strip of its sub-periods), opening onto each
 * sub-period with the entries that prove it; downloads of the spreadsheet, the report and the
 * evidence bundle. Nothing here writes: a download reads.
 */
export function quotaPages(app: Hono<ServerEnv>, ctx: ServerContext): void {
  app.get('/quotas', requires('audit:read'), async (c) => {
    const user = c.get('user') as AuthUser;
    const options = { user, csrf: c.get('csrf'), path: '/quotas' };
    const query = Query.parse(nfcDeep(c.req.query()));
    const plans = ctx.session.project.plans.map((p) => p.value);
    const plan = plans.find((p) => p.id === query.plan) ?? plans[0];
    if (!plan) return c.html(page(message('PAGE_QUOTAS'), html``, options));
    const period = query.period || defaultPeriod(plan, ctx.clock.now());
    const result = await auditOf(ctx, { plan: plan.id, period, unit: query.unit });
    const zone = plan.timeZone;
    const proofs = await listEvidence(ctx.session.store, {
      plan: plan.id,
      from: DateTime.fromISO(result.period.start, { zone }).toUTC().toISO() ?? '',
      to: DateTime.fromISO(result.period.end, { zone }).toUTC().toISO() ?? '',
    });
    const entries = new Map(proofs.map((e) => [e.index, e]));
    const pct = result.completion.percent;
    const choose = html`<form method="get" action="/quotas" class="filters">
<label>${message('PAGE_PLAN')} <select name="plan">${plans.map(
      (p) =>
        html`<option value="${p.id}"${p.id === plan.id ? html` selected` : ''}>${`${p.document.number} (${p.id})`}</option>`,
    )}</select></label>
<label>${message('PAGE_PERIOD')} <input name="period" value="${period}" aria-describedby="period-help"></label>
<button>${message('PAGE_SHOW')}</button></form>
<p id="period-help" class="muted">${message('PAGE_QUOTA_PERIOD_HELP')}</p>`;
    const body = html`${choose}<p>${`${plan.document.number} — ${plan.document.title}`}</p>
<p id="completion" data-percent="${pct ?? ''}">${message('PAGE_COMPLETION', { percent: pct === null ? '—' : `${pct}%`, met: result.completion.met, assessed: result.completion.assessed })}</p>
${downloadButtons(result, period, user)}
<p class="muted">${message('PAGE_QUOTA_EXPAND')}</p>
${result.tasks.map((t) => taskSection(t, entries, zone))}`;
    return c.html(page(message('PAGE_QUOTAS'), body, options));
  });
}
