import type { Context, Hono } from 'hono';
import { DateTime } from 'luxon';
import { allows, PERMISSIONS } from '../../auth/roles.js';
import { LoaError } from '../../errors/loa-error.js';
import { approvedWords } from '../../evidence/approved-words.js';
import { EVIDENCE_KINDS, type EvidenceEntry, type EvidenceKind } from '../../evidence/log.js';
import { listEvidence } from '../../evidence/log-filter.js';
import { latestCheckpoint } from '../../evidence/store-checkpoint.js';
import { hint, type MessageCode, message } from '../../i18n/catalogue.js';
import type { Plan } from '../../model/plan.js';
import { DEFAULT_ZONE } from '../../model/primitives.js';
import { EvidenceFilter, filteredEvidence } from '../api-evidence.js';
import { nfcDeep } from '../api-spec.js';
import { requires } from '../auth.js';
import type { ServerContext, ServerEnv } from '../context.js';
import { statusOf } from '../refusal.js';
import { type Html, html } from './html.js';
import { cell, noticeBox, page } from './layout.js';
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
function fileList(files: EvidenceEntry['files']): Html | string {
  if (!files?.length) return '';
  const items = files.map(
    (f) =>
      html`<li><span class="name">${f.name}</span> (${f.bytes} B) <code class="hash">${f.sha256}</code></li>`,
  );
  return html`<ul class="files">${items}</ul>`;
}

const KIND_WORDS: Record<EvidenceKind, MessageCode> = {
  publication: 'PAGE_EV_KIND_PUBLICATION',
  airing: 'PAGE_EV_KIND_AIRING',
  'bulletin-issue': 'PAGE_EV_KIND_BULLETIN_ISSUE',
  manual: 'PAGE_EV_KIND_MANUAL',
  report: 'PAGE_EV_KIND_REPORT',
  correction: 'PAGE_EV_KIND_CORRECTION',
};

/** An evidence kind in words (`Đăng bài`, `Phát sóng`…). */
export function evidenceKindWord(kind: EvidenceKind): string {
  return message(KIND_WORDS[kind]);
}

/** The zone an entry's time is shown in: its plan's, else the first plan's. */
function zoneOf(entry: { plan?: string | undefined }, plans: readonly Plan[]): string {
  return (plans.find((p) => p.id === entry.plan) ?? plans[0])?.timeZone ?? DEFAULT_ZONE;
}

/** An instant of the log in a plan's zone, as people read it: `06/03/2024 10:00 (+07:00)`. */
export function localInstant(time: string, zone: string): string {
  return DateTime.fromISO(time, { zone: 'utc' }).setZone(zone).toFormat('dd/MM/yyyy HH:mm (ZZ)');
}

/** The entry just added: index, task (title and clause), date in the plan's zone, files. */
function addedEntry(entry: EvidenceEntry, plans: readonly Plan[]): Html {
  const plan = plans.find((p) => p.id === entry.plan);
  const task = plan?.tasks.find((t) => t.id === entry.task);
  const zone = plan?.timeZone ?? DEFAULT_ZONE;
  const date = DateTime.fromISO(entry.time, { zone: 'utc' }).setZone(zone).toFormat('dd/MM/yyyy');
  const taskText = task
    ? `${task.title} — ${message('PAGE_CLAUSE')} ${task.source} (${entry.plan}/${task.id})`
    : [entry.plan, entry.task].filter(Boolean).join('/');
  const row = (label: string, value: unknown) => html`<dt>${label}</dt><dd>${value}</dd>`;
  return html`${noticeBox(message('PAGE_MANUAL_ADDED', { index: entry.index }))}
<dl id="added" class="facts" data-index="${entry.index}">${row('#', String(entry.index))}${row(message('PAGE_TASK'), taskText)}${row(message('PAGE_DATE'), date)}${entry.note ? row(message('PAGE_NOTE'), entry.note) : ''}${entry.files?.length ? row(message('PAGE_FILES'), fileList(entry.files)) : ''}</dl>`;
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
): Promise<Html> {
  const user = c.get('user');
  const csrf = c.get('csrf');
  const plans = ctx.session.project.plans.map((p) => p.value);
  const query = shown.problem ? {} : nfcDeep(c.req.query());
  const filter = EvidenceFilter.parse(
    Object.fromEntries(Object.entries(query).filter(([k, v]) => v !== '' && k !== 'added')),
  );
  const entries = await filteredEvidence(ctx, filter, PAGE_SIZE);
  const checkpoint = await latestCheckpoint(ctx.session.store);
  let added: Html | string = '';
  if (shown.added !== undefined) {
    const [entry] = await listEvidence(ctx.session.store, {
      before: shown.added + 1,
      limit: 1,
    });
    if (entry?.index === shown.added) added = addedEntry(entry, plans);
  }
  // The page shows the latest entries that match; older ones are a link away.
  const first = entries[0];
  const older =
    first !== undefined && first.index > 0 && entries.length >= (filter.limit ?? PAGE_SIZE)
      ? html`<p><a rel="prev" href="/evidence?${new URLSearchParams({
          ...Object.fromEntries(
            Object.entries(filter).filter(([k, v]) => v !== undefined && k !== 'before'),
          ),
          before: String(first.index),
        }).toString()}">${message('PAGE_EVIDENCE_OLDER', { before: first.index })}</a></p>`
      : '';
  const maxUpload = ctx.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const roles = PERMISSIONS['evidence:add'].join(', ');
  const form =
    user && allows(user.role, 'evidence:add')
      ? manualForm(plans, csrf, maxUpload, shown.values, shown.problem)
      : html`<p class="read-only">${message('PAGE_MANUAL_READ_ONLY', { role: user?.role ?? '', roles })}</p>`;
  const kinds = (['', ...EVIDENCE_KINDS] as const).map(
    (k) =>
      html`<option value="${k}"${k === (filter.kind ?? '') ? html` selected` : ''}>${k ? evidenceKindWord(k) : message('PAGE_ALL')}</option>`,
  );
  const filterForm = html`<form method="get" action="/evidence" class="filters">
<label>${message('PAGE_KIND')} <select name="kind">${kinds}</select></label>
<label>${message('PAGE_CHANNEL')} <input name="channel" value="${filter.channel ?? ''}"></label>
<label>${message('PAGE_FROM')} <input type="date" name="from" value="${filter.from ?? ''}"></label>
<label>${message('PAGE_TO')} <input type="date" name="to" value="${filter.to ?? ''}"></label>
<button>${message('PAGE_SHOW')}</button></form>`;
  const head = checkpoint
    ? html`<p id="checkpoint">${message('PAGE_CHECKPOINT', { size: checkpoint.size, root: checkpoint.rootHashHex, at: localInstant(checkpoint.signedAt, zoneOf({}, plans)) })}</p>`
    : html`<p id="checkpoint">${message('PAGE_NO_CHECKPOINT')}</p>`;
  const col = {
    index: '#',
    kind: message('PAGE_KIND'),
    time: message('PAGE_TIME'),
    channel: message('PAGE_CHANNEL'),
    task: message('PAGE_TASK'),
    what: message('PAGE_EV_WHAT'),
    proof: message('PAGE_PROOF'),
  };
  const rows = entries.map(
    (e) =>
      html`<tr data-index="${e.index}">${cell(col.index, e.index)}${cell(col.kind, evidenceKindWord(e.kind))}${cell(col.time, localInstant(e.time, zoneOf(e, plans)))}${cell(col.channel, e.channel ?? '')}${cell(col.task, [e.plan, e.task].filter(Boolean).join(' / '))}${cell(col.what, html`${e.item ?? e.note ?? ''}${approvedLine(e)}${fileList(e.files)}`)}${cell(col.proof, html`<a href="/api/evidence/${e.index}/proof">${message('PAGE_PROOF')}</a>`)}</tr>\n`,
  );
  const body = html`${added}${head}${form}<h2>${message('PAGE_EVIDENCE')}</h2>${filterForm}<p>${message('PAGE_ENTRIES', { count: entries.length })}</p>
${older}<table class="stack"><thead><tr>${Object.values(col).map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>${rows}</tbody></table>`;
  return page(message('PAGE_EVIDENCE'), body, { user, csrf, path: '/evidence' });
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
      return c.html(await evidenceHtml(c, ctx, { values, problem }), statusOf(error));
    }
  });
}

/** Who approved the version a publication entry records (four-eyes), under its item. */
function approvedLine(e: EvidenceEntry): Html | '' {
  const words = approvedWords(e);
  return words ? html`<div class="muted approved">${words}</div>` : '';
}
