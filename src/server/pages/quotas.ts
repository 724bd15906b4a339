import type { Hono } from 'hono';
import { z } from 'zod';
import type { TaskStatus } from '../../audit/types.js';
import { type MessageCode, message } from '../../i18n/catalogue.js';
import { escapeHtml } from '../../text/html.js';
import { auditOf } from '../api-evidence.js';
import { nfcDeep } from '../api-spec.js';
import { requires } from '../auth.js';
import type { ServerContext, ServerEnv } from '../context.js';
import { page } from './layout.js';

/** The audit's own status words (the codes src/audit/rows.ts prints). */
const STATUS_WORDS: Record<TaskStatus, MessageCode> = {
  met: 'AUDIT_STATUS_MET',
  missed: 'AUDIT_STATUS_MISSED',
  'at-risk': 'AUDIT_STATUS_AT_RISK',
  open: 'AUDIT_STATUS_OPEN',
  'not-yet-due': 'AUDIT_STATUS_NOT_YET_DUE',
  counted: 'AUDIT_STATUS_COUNTED',
};

const COLOURS: Record<TaskStatus, string> = {
  met: '#1a7f37',
  missed: '#c62828',
  'at-risk': '#b26a00',
  open: '#0b3d91',
  'not-yet-due': '#9e9e9e',
  counted: '#9e9e9e',
};

/** A small bar: achieved over required, in the status colour (no script, no stylesheet). */
export function quotaBar(achieved: number, required: number, status: TaskStatus): string {
  const share = required > 0 ? Math.min(1, achieved / required) : achieved > 0 ? 1 : 0;
  const width = Math.round(share * 100);
  return `<svg width="100" height="10" role="img" aria-label="${achieved}/${required}"><rect width="100" height="10" fill="#eee"/><rect width="${width}" height="10" fill="${COLOURS[status]}"/></svg>`;
}

const Query = z.object({
  plan: z.string().optional(),
  period: z.string().optional(),
  unit: z.string().optional(),
});

/** The quotas page: per plan and period, each task's required vs achieved, as `loa audit`. */
export function quotaPages(app: Hono<ServerEnv>, ctx: ServerContext): void {
  app.get('/quotas', requires('audit:read'), async (c) => {
    const query = Query.parse(nfcDeep(c.req.query()));
    const plans = ctx.session.project.plans.map((p) => p.value);
    const plan = plans.find((p) => p.id === query.plan) ?? plans[0];
    if (!plan) return c.html(page(message('PAGE_QUOTAS'), '', c.get('user')));
    // This month while the plan is in force; the whole plan once it is over (or not begun).
    const today = ctx.clock.now().setZone(plan.timeZone).toISODate() ?? '';
    const inForce = today >= plan.period.start && today <= plan.period.end;
    const period =
      query.period ||
      (inForce ? ctx.clock.now().setZone(plan.timeZone).toFormat('yyyy-MM') : 'plan');
    const result = await auditOf(ctx, { plan: plan.id, period, unit: query.unit });
    const rows = result.tasks
      .flatMap((t) =>
        t.periods.map(
          (p) =>
            `<tr data-task="${escapeHtml(t.id)}" data-period="${escapeHtml(p.label)}"><td>${escapeHtml(t.source)}</td><td>${escapeHtml(t.title)}</td><td>${escapeHtml(p.label)}</td><td class="required">${p.required}</td><td class="achieved">${p.achieved}</td><td>${quotaBar(p.achieved, p.required, p.status)}</td><td class="${p.status}">${escapeHtml(message(STATUS_WORDS[p.status]))}</td></tr>`,
        ),
      )
      .join('\n');
    const pct = result.completion.percent;
    const choose = `<form method="get" action="/quotas"><select name="plan">${plans
      .map(
        (p) =>
          `<option value="${escapeHtml(p.id)}"${p.id === plan.id ? ' selected' : ''}>${escapeHtml(p.id)}</option>`,
      )
      .join(
        '',
      )}</select> <input name="period" value="${escapeHtml(period)}"> <button>${escapeHtml(message('PAGE_SHOW'))}</button></form>`;
    const body = `${choose}<p>${escapeHtml(`${plan.document.number} — ${plan.document.title}`)}</p>
<p id="completion" data-percent="${pct ?? ''}">${escapeHtml(message('PAGE_COMPLETION', { percent: pct === null ? '—' : `${pct}%`, met: result.completion.met, assessed: result.completion.assessed }))}</p>
<table><thead><tr><th>${escapeHtml(message('PAGE_CLAUSE'))}</th><th>${escapeHtml(message('PAGE_TASK'))}</th><th>${escapeHtml(message('PAGE_PERIOD'))}</th><th>${escapeHtml(message('PAGE_REQUIRED'))}</th><th>${escapeHtml(message('PAGE_ACHIEVED'))}</th><th></th><th>${escapeHtml(message('PAGE_STATUS_HEAD'))}</th></tr></thead>
<tbody>${rows}</tbody></table>`;
    return c.html(page(message('PAGE_QUOTAS'), body, c.get('user'), c.get('csrf')));
  });
}
