import type { Context, Hono } from 'hono';
import { DateTime } from 'luxon';
import { allows, PERMISSIONS } from '../../auth/roles.js';
import { DEFAULT_ZONE } from '../../config/primitives.js';
import { LoaError } from '../../errors/loa-error.js';
import { EVIDENCE_KINDS, type EvidenceEntry } from '../../evidence/log.js';
import { listEvidence } from '../../evidence/log-filter.js';
import { latestCheckpoint } from '../../evidence/store-checkpoint.js';
import { hint, message } from '../../i18n/catalogue.js';
import type { Plan } from '../../plan/schema.js';
import { escapeHtml } from '../../text/html.js';
import { EvidenceFilter, filteredEvidence } from '../api-evidence.js';
import { nfcDeep } from '../api-spec.js';
import { requires } from '../auth.js';
import type { ServerContext, ServerEnv } from '../context.js';
import { statusOf } from '../refusal.js';
import { noticeBox, page } from './layout.js';
import {
  DEFAULT_MAX_UPLOAD_BYTES,
  type FormProblem,
  formFiles,
  formValues,
  MANUAL_EVIDENCE_PATH,
  type ManualFormValues,
  manualForm,
  recordManualForm,
} from './manual-evidence.js';

/** A manual entry's files: each name with its SHA-256 and size. */
function fileList(files: EvidenceEntry['files']): string {
  if (!files?.length) return '';
  const items = files
    .map(
      (f) =>
        `<li><span class="name">${escapeHtml(f.name)}</span> (${f.bytes} B) <code class="hash">${escapeHtml(f.sha256)}</code></li>`,
    )
    .join('');
  return `<ul class="files">${items}</ul>`;
}

/** The entry just added: index, task (title and clause), date in the plan's zone, files. */
function addedEntry(entry: EvidenceEntry, plans: readonly Plan[]): string {
  const plan = plans.find((p) => p.id === entry.plan);
  const task = plan?.tasks.find((t) => t.id === entry.task);
  const zone = plan?.timeZone ?? DEFAULT_ZONE;
  const date = DateTime.fromISO(entry.time, { zone: 'utc' }).setZone(zone).toFormat('dd/MM/yyyy');
  const taskText = task
    ? `${task.title} — ${message('PAGE_CLAUSE')} ${task.source} (${entry.plan}/${task.id})`
    : [entry.plan, entry.task].filter(Boolean).join('/');
  const row = (label: string, value: string) => `<dt>${escapeHtml(label)}</dt><dd>${value}</dd>`;
  return `${noticeBox(message('PAGE_MANUAL_ADDED', { index: entry.index }))}
<dl id="added" class="facts" data-index="${entry.index}">${row('#', String(entry.index))}${row(message('PAGE_TASK'), escapeHtml(taskText))}${row(message('PAGE_DATE'), escapeHtml(date))}${entry.note ? row(message('PAGE_NOTE'), escapeHtml(entry.note)) : ''}${entry.files?.length ? row(message('PAGE_FILES'), fileList(entry.files)) : ''}</dl>`;
}

/** What the evidence page shows besides the log: the entry just added, or a refused form. */
interface EvidenceShown {
  added?: number;
  values?: ManualFormValues;
  problem?: FormProblem;
}

/** How many entries the evidence page lists at once (the latest that match). */
const PAGE_SIZE = 200;

/** The evidence page: the manual form (or why there is none), then the filtered log. */
async function evidenceHtml(
  c: Context<ServerEnv>,
  ctx: ServerContext,
  shown: EvidenceShown = {},
): Promise<string> {
  const user = c.get('user');
  const csrf = c.get('csrf');
  const plans = ctx.session.project.plans.map((p) => p.value);
  const query = shown.problem ? {} : nfcDeep(c.req.query());
  const filter = EvidenceFilter.parse(
    Object.fromEntries(Object.entries(query).filter(([k, v]) => v !== '' && k !== 'added')),
  );
  const entries = await filteredEvidence(ctx, filter, PAGE_SIZE);
  const checkpoint = await latestCheckpoint(ctx.session.store.db);
  let added = '';
  if (shown.added !== undefined) {
    const [entry] = await listEvidence(ctx.session.store.db, {
      before: shown.added + 1,
      limit: 1,
    });
    if (entry?.index === shown.added) added = addedEntry(entry, plans);
  }
  // The page shows the latest entries that match; older ones are a link away.
  const first = entries[0];
  const older =
    first !== undefined && first.index > 0 && entries.length >= (filter.limit ?? PAGE_SIZE)
      ? `<p><a rel="prev" href="/evidence?${new URLSearchParams({
          ...Object.fromEntries(
            Object.entries(filter).filter(([k, v]) => v !== undefined && k !== 'before'),
          ),
          before: String(first.index),
        }).toString()}">${escapeHtml(message('PAGE_EVIDENCE_OLDER', { before: first.index }))}</a></p>`
      : '';
  const maxUpload = ctx.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const roles = PERMISSIONS['evidence:add'].join(', ');
  const form =
    user && allows(user.role, 'evidence:add')
      ? manualForm(plans, csrf, maxUpload, shown.values, shown.problem)
      : `<p class="read-only">${escapeHtml(message('PAGE_MANUAL_READ_ONLY', { role: user?.role ?? '', roles }))}</p>`;
  const kinds = ['', ...EVIDENCE_KINDS]
    .map(
      (k) =>
        `<option value="${k}"${k === (filter.kind ?? '') ? ' selected' : ''}>${escapeHtml(k || message('PAGE_ALL'))}</option>`,
    )
    .join('');
  const filterForm = `<form method="get" action="/evidence">
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
        `<tr data-index="${e.index}"><td>${e.index}</td><td>${escapeHtml(e.kind)}</td><td>${escapeHtml(e.time)}</td><td>${escapeHtml(e.channel ?? '')}</td><td>${escapeHtml([e.plan, e.task].filter(Boolean).join(' / '))}</td><td>${escapeHtml(e.item ?? e.note ?? '')}${fileList(e.files)}</td><td><a href="/api/evidence/${e.index}/proof">${escapeHtml(message('PAGE_PROOF'))}</a></td></tr>`,
    )
    .join('\n');
  const body = `${added}${head}${form}<h2>${escapeHtml(message('PAGE_EVIDENCE'))}</h2>${filterForm}<p>${escapeHtml(message('PAGE_ENTRIES', { count: entries.length }))}</p>
${older}<table><thead><tr><th>#</th><th>${escapeHtml(message('PAGE_KIND'))}</th><th>${escapeHtml(message('PAGE_TIME'))}</th><th>${escapeHtml(message('PAGE_CHANNEL'))}</th><th>${escapeHtml(message('PAGE_TASK'))}</th><th></th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
  return page(message('PAGE_EVIDENCE'), body, user, csrf);
}

/**
 * The evidence page: the log filtered by kind, channel and date, each entry with its proof
 * and its files' SHA-256; for the roles that may add evidence, the manual evidence form
 * (CSRF-checked; refused input is shown again with the error and the values kept).
 */
export function evidencePages(app: Hono<ServerEnv>, ctx: ServerContext): void {
  app.get('/evidence', requires('evidence:read'), async (c) => {
    const added = /^\d+$/.test(c.req.query('added') ?? '')
      ? Number(c.req.query('added'))
      : undefined;
    return c.html(await evidenceHtml(c, ctx, added === undefined ? {} : { added }));
  });
  app.post(MANUAL_EVIDENCE_PATH, requires('evidence:add'), async (c) => {
    const body = await c.req.parseBody({ all: true });
    const values = formValues(body);
    const files = formFiles(body);
    try {
      const added = await recordManualForm(ctx, c.get('user')?.name ?? '', values, files);
      return c.redirect(`/evidence?added=${added.index}#added`, 303);
    } catch (error) {
      if (!(error instanceof LoaError)) throw error;
      c.set('refused', error.code);
      const problem = {
        message: message(error.code, error.params),
        hint: hint(error.code, error.params),
        filesLost: files.length > 0,
      };
      const status = error.code === 'PAGE_MANUAL_TOO_LARGE' ? 413 : statusOf(error);
      return c.html(await evidenceHtml(c, ctx, { values, problem }), status);
    }
  });
}
