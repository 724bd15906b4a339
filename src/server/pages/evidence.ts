import type { Hono } from 'hono';
import { EVIDENCE_KINDS } from '../../evidence/log.js';
import { latestCheckpoint } from '../../evidence/store-checkpoint.js';
import { message } from '../../i18n/catalogue.js';
import { escapeHtml } from '../../text/html.js';
import { EvidenceFilter, filteredEvidence } from '../api-evidence.js';
import { nfcDeep } from '../api-spec.js';
import { requires } from '../auth.js';
import type { ServerContext, ServerEnv } from '../context.js';
import { page } from './layout.js';

/** The evidence page: the log filtered by kind, channel and date, each entry with its proof. */
export function evidencePages(app: Hono<ServerEnv>, ctx: ServerContext): void {
  app.get('/evidence', requires('evidence:read'), async (c) => {
    const filter = EvidenceFilter.parse(
      Object.fromEntries(Object.entries(nfcDeep(c.req.query())).filter(([, v]) => v !== '')),
    );
    const entries = await filteredEvidence(ctx, filter);
    const checkpoint = await latestCheckpoint(ctx.session.store.db);
    const kinds = ['', ...EVIDENCE_KINDS]
      .map(
        (k) =>
          `<option value="${k}"${k === (filter.kind ?? '') ? ' selected' : ''}>${escapeHtml(k || message('PAGE_ALL'))}</option>`,
      )
      .join('');
    const form = `<form method="get" action="/evidence">
<label>${escapeHtml(message('PAGE_KIND'))} <select name="kind">${kinds}</select></label>
<label>${escapeHtml(message('PAGE_CHANNEL'))} <input name="channel" value="${escapeHtml(filter.channel ?? '')}"></label>
<label>${escapeHtml(message('PAGE_FROM'))} <input type="date" name="from" value="${escapeHtml(filter.from ?? '')}"></label>
<label>${escapeHtml(message('PAGE_TO'))} <input type="date" name="to" value="${escapeHtml(filter.to ?? '')}"></label>
<button>${escapeHtml(message('PAGE_SHOW'))}</button></form>`;
    const head = checkpoint
      ? `<p id="checkpoint">${escapeHtml(message('PAGE_CHECKPOINT', { size: checkpoint.size, root: checkpoint.rootHashHex, at: checkpoint.signedAt }))}</p>`
      : `<p id="checkpoint">${escapeHtml(message('PAGE_NO_CHECKPOINT'))}</p>`;
    const rows = entries
      .map(
        (e) =>
          `<tr><td>${e.index}</td><td>${escapeHtml(e.kind)}</td><td>${escapeHtml(e.time)}</td><td>${escapeHtml(e.channel ?? '')}</td><td>${escapeHtml([e.plan, e.task].filter(Boolean).join(' / '))}</td><td>${escapeHtml(e.item ?? e.note ?? '')}</td><td><a href="/api/evidence/${e.index}/proof">${escapeHtml(message('PAGE_PROOF'))}</a></td></tr>`,
      )
      .join('\n');
    const body = `${head}${form}<p>${escapeHtml(message('PAGE_ENTRIES', { count: entries.length }))}</p>
<table><thead><tr><th>#</th><th>${escapeHtml(message('PAGE_KIND'))}</th><th>${escapeHtml(message('PAGE_TIME'))}</th><th>${escapeHtml(message('PAGE_CHANNEL'))}</th><th>${escapeHtml(message('PAGE_TASK'))}</th><th></th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
    return c.html(page(message('PAGE_EVIDENCE'), body, c.get('user'), c.get('csrf')));
  });
}
