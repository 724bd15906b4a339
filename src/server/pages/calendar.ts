import type { Hono } from 'hono';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { parsePeriod } from '../../calendar/period.js';
import { planCalendar } from '../../calendar/plan-calendar.js';
import { message } from '../../i18n/catalogue.js';
import { listPublications } from '../../store/publications.js';
import { escapeHtml } from '../../text/html.js';
import { nfcDeep } from '../api-spec.js';
import { requires } from '../auth.js';
import type { ServerContext, ServerEnv } from '../context.js';
import { page } from './layout.js';

const Query = z.object({
  plan: z.string().optional(),
  view: z.enum(['month', 'week']).default('month'),
  period: z.string().optional(),
  channel: z.string().optional(),
});

interface DayLine {
  at: DateTime;
  channel: string;
  text: string;
  kind: string;
}

/**
 * The calendar page: a week or a month of a plan, per channel: items scheduled or sent,
 * bulletin issues, broadcast slots, and the report due dates.
 */
export function calendarPages(app: Hono<ServerEnv>, ctx: ServerContext): void {
  app.get('/calendar', requires('status:read'), async (c) => {
    const q = Query.parse(nfcDeep(c.req.query()));
    const { project, config, store } = ctx.session;
    const plans = project.plans.map((p) => p.value);
    const plan = plans.find((p) => p.id === q.plan) ?? plans[0];
    if (!plan) return c.html(page(message('PAGE_CALENDAR'), '', c.get('user')));
    const zone = plan.timeZone;
    const now = ctx.clock.now().setZone(zone);
    const label = q.period ?? now.toFormat(q.view === 'week' ? "kkkk-'W'WW" : 'yyyy-MM');
    const period = parsePeriod(label, zone);
    const cal = planCalendar(plan, [...config.channels.values()], period);
    const lines: DayLine[] = [];
    for (const t of cal.tasks)
      for (const e of t.entries)
        lines.push({
          at: e.start.setZone(zone),
          channel: e.channel,
          kind: e.kind,
          text: e.kind === 'bulletin' ? e.label : `${t.title} (${Math.round(e.lengthSec / 60)}′)`,
        });
    const from = period.start.toUTC().toISO() ?? '';
    const to = period.end.toUTC().toISO() ?? '';
    for (const p of await listPublications(store.db)) {
      if (p.slot < from || p.slot >= to) continue;
      lines.push({
        at: DateTime.fromISO(p.slot, { zone: 'utc' }).setZone(zone),
        channel: p.channel_id,
        kind: `item ${p.status}`,
        text: p.item_id,
      });
    }
    for (const r of cal.reports)
      lines.push({ at: r.due, channel: '', kind: 'report', text: `${r.title} (${r.period})` });
    const shown = lines
      .filter((l) => !q.channel || l.channel === q.channel || l.kind === 'report')
      .sort((a, b) => a.at.toMillis() - b.at.toMillis());
    const rows = shown
      .map(
        (l) =>
          `<tr class="${escapeHtml(l.kind.split(' ')[0] ?? '')}"><td>${escapeHtml(l.at.toFormat('ccc dd/MM HH:mm', { locale: message('PAGE_LANG') }))}</td><td>${escapeHtml(l.channel)}</td><td>${escapeHtml(message('PAGE_CAL_KIND', { kind: l.kind }))}</td><td>${escapeHtml(l.text)}</td></tr>`,
      )
      .join('\n');
    const channels = [...config.channels.keys()]
      .map((id) => `<option${id === q.channel ? ' selected' : ''}>${escapeHtml(id)}</option>`)
      .join('');
    const form = `<form method="get" action="/calendar"><input type="hidden" name="plan" value="${escapeHtml(plan.id)}">
<select name="view"><option value="month"${q.view === 'month' ? ' selected' : ''}>${escapeHtml(message('PAGE_MONTH'))}</option><option value="week"${q.view === 'week' ? ' selected' : ''}>${escapeHtml(message('PAGE_WEEK'))}</option></select>
<input name="period" value="${escapeHtml(label)}"> <select name="channel"><option value="">${escapeHtml(message('PAGE_ALL'))}</option>${channels}</select>
<button>${escapeHtml(message('PAGE_SHOW'))}</button></form>`;
    const body = `${form}<h2>${escapeHtml(`${plan.id} · ${period.label}`)}</h2><table><tbody>${rows}</tbody></table>`;
    return c.html(page(message('PAGE_CALENDAR'), body, c.get('user'), c.get('csrf')));
  });
}
