import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { findPlan } from '../../config/project.js';
import { LoaError } from '../../errors/loa-error.js';
import type { EvidenceFile } from '../../evidence/log.js';
import { addManualEvidence } from '../../evidence/manual.js';
import { message } from '../../i18n/catalogue.js';
import type { Plan } from '../../model/plan.js';
import type { ServerContext } from '../context.js';
import { checkUpload, UPLOAD_TYPES } from '../uploads.js';
import { type Html, html } from './html.js';
import { csrfField, problemBox } from './layout.js';

/** The page's form path; the app gives it the upload body limit, as the API route. */
export const MANUAL_EVIDENCE_PATH = '/evidence/manual';

/** Largest evidence upload when the context sets none (the API route's default too). */
export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** The longest note (as the API route's schema). */
const MAX_NOTE = 2000;

/** What the user typed, kept when the form is shown again. */
export interface ManualFormValues {
  /** `<plan>/<task>` */
  task: string;
  date: string;
  note: string;
}

/** A refusal of the form: the catalogue's message and hint. */
export interface FormProblem {
  message: string;
  hint: string | undefined;
  /** Files were chosen: the browser will not keep them, say so. */
  filesLost: boolean;
}

/** The tasks of the plans whose evidence is entered by hand (`manual:`), plan by plan. */
export function manualTasks(plans: readonly Plan[]): { plan: Plan; tasks: Plan['tasks'] }[] {
  return plans
    .map((plan) => ({ plan, tasks: plan.tasks.filter((t) => t.manual !== undefined) }))
    .filter((p) => p.tasks.length > 0);
}

/** The form values of a posted body (NFC, trimmed; files apart). */
export function formValues(body: Record<string, unknown>): ManualFormValues {
  const text = (v: unknown) => (typeof v === 'string' ? v.normalize('NFC').trim() : '');
  return { task: text(body.task), date: text(body.date), note: text(body.note) };
}

/** The files of a posted body; a file input left empty sends a nameless empty part. */
export function formFiles(body: Record<string, unknown>): File[] {
  return [body.file]
    .flat()
    .filter((f): f is File => f instanceof File && (f.name !== '' || f.size > 0));
}

/** The manual evidence form: tasks by plan (title and clause), date, note, files. */
export function manualForm(
  plans: readonly Plan[],
  csrf: string | undefined,
  maxUpload: number,
  values: ManualFormValues = { task: '', date: '', note: '' },
  problem?: FormProblem,
): Html {
  const groups = manualTasks(plans);
  const head = html`<h2>${message('PAGE_MANUAL_HEAD')}</h2><p>${message('PAGE_MANUAL_INTRO')}</p>`;
  if (groups.length === 0)
    return html`<section id="manual">${head}<p>${message('PAGE_MANUAL_NONE')}</p></section>`;
  const options = groups.map(({ plan, tasks }) => {
    const opts = tasks.map((t) => {
      const value = `${plan.id}/${t.id}`;
      const label = `${t.title} — ${message('PAGE_CLAUSE')} ${t.source}`;
      return html`<option value="${value}"${value === values.task ? html` selected` : ''}>${label}</option>`;
    });
    const label = `${plan.document.number} — ${plan.document.title} (${plan.id})`;
    return html`<optgroup label="${label}">${opts}</optgroup>`;
  });
  const box = problem
    ? html`${problemBox(problem)}${problem.filesLost ? html`<p>${message('PAGE_MANUAL_FILES_AGAIN')}</p>` : ''}`
    : '';
  const types = Object.keys(UPLOAD_TYPES).join(', ');
  const mib = Math.round((maxUpload / 1024 / 1024) * 10) / 10;
  return html`<section id="manual">${head}${box}
<form method="post" action="${MANUAL_EVIDENCE_PATH}" enctype="multipart/form-data">${csrfField(csrf)}
<p><label>${message('PAGE_MANUAL_TASK')} <select name="task" required><option value="">${message('PAGE_MANUAL_CHOOSE')}</option>${options}</select></label></p>
<p><label>${message('PAGE_MANUAL_DATE')} <input type="date" name="date" value="${values.date}" required></label></p>
<p><label for="manual-note">${message('PAGE_MANUAL_NOTE')}</label><br><textarea id="manual-note" name="note" rows="3" maxlength="${MAX_NOTE}">${values.note}</textarea></p>
<p><label>${message('PAGE_MANUAL_FILES', { types, max: mib })} <input type="file" name="file" multiple accept="${types.replace(/ /g, '')}"></label></p>
<button type="submit">${message('PAGE_MANUAL_SUBMIT')}</button></form></section>`;
}

/**
 * Records a posted form through `addManualEvidence`, the API route's path: every check is
 * made before anything is written (a task with `manual:`, a date inside the plan period, the
 * files' total size and each file's type by `checkUpload`); a refusal is a LoaError.
 */
export async function recordManualForm(
  ctx: ServerContext,
  actor: string,
  values: ManualFormValues,
  uploads: readonly File[],
): Promise<{ index: number; files: EvidenceFile[] }> {
  const { session } = ctx;
  if (!values.task) throw new LoaError('PAGE_MANUAL_NO_TASK');
  const [planId = '', taskId = ''] = values.task.split('/');
  const plan = findPlan(session.project, planId);
  const task = plan.tasks.find((t) => t.id === taskId);
  // Checked again by addManualEvidence; here too, so that nothing is uploaded for nothing.
  if (task && task.manual === undefined) {
    throw new LoaError('EVIDENCE_TASK_NOT_MANUAL', { params: { plan: plan.id, task: task.id } });
  }
  if (!values.date) throw new LoaError('PAGE_MANUAL_NO_DATE');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date) || !DateTime.fromISO(values.date).isValid) {
    throw new LoaError('WHEN_INVALID', { params: { value: values.date } });
  }
  const { start, end } = plan.period;
  if (values.date < start || values.date > end) {
    const params = { date: values.date, plan: plan.id, start, end };
    throw new LoaError('EVIDENCE_DATE_OUTSIDE_PLAN', { params });
  }
  if (values.note.length > MAX_NOTE) {
    throw new LoaError('HTTP_INVALID_REQUEST', { params: { detail: `note > ${MAX_NOTE}` } });
  }
  const max = ctx.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const size = uploads.reduce((sum, f) => sum + f.size, 0);
  if (size > max)
    throw new LoaError('PAGE_MANUAL_TOO_LARGE', { params: { size, max }, kind: 'too-large' });
  const checked: { name: string; bytes: Uint8Array }[] = [];
  for (const file of uploads) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    checked.push({ name: checkUpload(file.name.normalize('NFC'), file.type, bytes), bytes });
  }
  const dir = await mkdtemp(join(session.dataDir, '.upload-'));
  try {
    const paths: string[] = [];
    for (const [i, file] of checked.entries()) {
      await mkdir(join(dir, String(i)));
      const path = join(dir, String(i), file.name);
      await writeFile(path, file.bytes);
      paths.push(path);
    }
    return await addManualEvidence(session.store, {
      plan,
      task: taskId,
      date: values.date,
      files: paths,
      ...(values.note ? { note: values.note } : {}),
      actor,
      dataDir: session.dataDir,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
