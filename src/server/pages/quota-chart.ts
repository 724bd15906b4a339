import type { TaskPeriodResult, TaskStatus } from '../../audit/types.js';
import { type MessageCode, message } from '../../i18n/catalogue.js';
import { type Html, html } from './html.js';

/** The audit's own status words (the codes src/audit/rows.ts prints). */
export const STATUS_WORDS: Record<TaskStatus, MessageCode> = {
  met: 'AUDIT_STATUS_MET',
  missed: 'AUDIT_STATUS_MISSED',
  'at-risk': 'AUDIT_STATUS_AT_RISK',
  open: 'AUDIT_STATUS_OPEN',
  'not-yet-due': 'AUDIT_STATUS_NOT_YET_DUE',
  counted: 'AUDIT_STATUS_COUNTED',
};

/** Fill colours of the charts: each at least 3:1 against white (WCAG 1.4.11), but grey. */
export const COLOURS: Record<TaskStatus, string> = {
  met: '#1a7f37',
  missed: '#c62828',
  'at-risk': '#9a5700',
  open: '#0b3d91',
  'not-yet-due': '#c8c8c8',
  counted: '#767676',
};

/** A small bar: achieved over required, in the status colour. */
export function quotaBar(achieved: number, required: number, status: TaskStatus): Html {
  const share = required > 0 ? Math.min(1, achieved / required) : achieved > 0 ? 1 : 0;
  const width = Math.round(share * 100);
  return html`<svg class="chart" width="100" height="12" viewBox="0 0 100 12" role="img" aria-label="${achieved}/${required}"><rect width="100" height="12" fill="#e6e6e6"/><rect width="${width}" height="12" fill="${COLOURS[status]}"/></svg>`;
}

/**
 * One task's sub-periods side by side, as a strip of bars: each bar's height is the share of
 * its quota reached, its colour the sub-period's status; hovering names the period. Read
 * aloud as a summary (how many met, missed, at risk), since a strip says little by ear.
 */
export function periodStrip(periods: readonly TaskPeriodResult[]): Html {
  const n = Math.max(periods.length, 1);
  const gap = n > 26 ? 1 : 2;
  const bar = Math.max(3, Math.min(24, Math.floor((320 - gap * n) / n)));
  const width = n * (bar + gap);
  const h = 28;
  const counts = new Map<TaskStatus, number>();
  for (const p of periods) counts.set(p.status, (counts.get(p.status) ?? 0) + 1);
  const summary = [...counts]
    .map(([status, count]) => `${message(STATUS_WORDS[status])}: ${count}`)
    .join(', ');
  const bars = periods.map((p, i) => {
    const share = p.required > 0 ? Math.min(1, p.achieved / p.required) : p.achieved > 0 ? 1 : 0;
    const filled = Math.max(2, Math.round(share * h));
    const x = i * (bar + gap);
    return html`<g><title>${`${p.label}: ${p.achieved}/${p.required} — ${message(STATUS_WORDS[p.status])}`}</title><rect x="${x}" y="0" width="${bar}" height="${h}" fill="#eeeeee"/><rect x="${x}" y="${h - filled}" width="${bar}" height="${filled}" fill="${COLOURS[p.status]}"/></g>`;
  });
  return html`<svg class="chart strip" width="${width}" height="${h}" viewBox="0 0 ${width} ${h}" role="img" aria-label="${summary}">${bars}</svg>`;
}

/** A plan's completion as one horizontal bar with its percentage beside it. */
export function completionBar(percent: number | null): Html {
  const width = percent === null ? 0 : Math.round(Math.min(100, percent) * 2.4);
  const colour =
    percent === null
      ? '#767676'
      : percent >= 80
        ? '#1a7f37'
        : percent >= 50
          ? '#9a5700'
          : '#c62828';
  const label = percent === null ? '—' : `${percent}%`;
  return html`<svg class="chart" width="300" height="22" viewBox="0 0 300 22" role="img" aria-label="${label}"><rect width="240" height="22" fill="#e6e6e6"/><rect width="${width}" height="22" fill="${colour}"/><text x="248" y="16" font-size="14" fill="#1b1b1b">${label}</text></svg>`;
}
