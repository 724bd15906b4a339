import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DateTime } from 'luxon';
import { LoaError } from '../errors/loa-error.js';
import type { Plan } from '../model/plan.js';
import type { Store } from '../store/types.js';
import { appendEvidence, type EvidenceFile } from './log.js';

/** Folder of the data directory where attached files are kept, named by their SHA-256. */
export const EVIDENCE_FILES_DIR = 'evidence-files';

/** What `loa evidence add` records. */
export interface ManualEvidenceOptions {
  plan: Plan;
  task: string;
  /** `YYYY-MM-DD` (noon in the plan's zone, so it stays inside that day) or an ISO instant. */
  date: string;
  files?: readonly string[];
  note?: string;
  actor: string;
  dataDir: string;
}

/**
 * Copies a file into `<dataDir>/evidence-files/<sha256>` while hashing it (one read; a temp
 * file renamed into place, so a crash leaves no half file under a hash name).
 */
export async function storeEvidenceFile(path: string, dataDir: string): Promise<EvidenceFile> {
  const dir = join(dataDir, EVIDENCE_FILES_DIR);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${randomBytes(6).toString('hex')}.tmp`);
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    const out = await open(temp, 'wx', 0o600);
    try {
      for await (const chunk of createReadStream(path)) {
        const buffer = chunk as Buffer;
        hash.update(buffer);
        bytes += buffer.length;
        await out.write(buffer);
      }
      await out.sync();
    } finally {
      await out.close();
    }
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    const reason = `${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
    throw new LoaError('FILE_UNREADABLE', { params: { reason }, cause: error });
  }
  const sha256 = hash.digest('hex');
  const target = join(dir, sha256);
  const exists = await stat(target).then(
    () => true,
    () => false,
  );
  if (exists) await unlink(temp);
  else await rename(temp, target);
  return { name: basename(path).normalize('NFC'), sha256, bytes };
}

/** The instant of a manual entry: a local date at noon in the plan's zone, or an instant. */
export function manualTime(date: string, zone: string): string {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(date)
    ? DateTime.fromISO(date, { zone }).set({ hour: 12 })
    : DateTime.fromISO(date, { zone });
  if (!parsed.isValid) throw new LoaError('WHEN_INVALID', { params: { value: date } });
  return parsed.toUTC().toISO() as string;
}

/**
 * Tài liệu kiểm chứng nhập tay: records a task nothing publishes (a training, a conference,
 * leaflets) as a `manual` entry with the task's unit and the attached files' hashes. The
 * task must be one of the plan's tasks with `manual:` (the others count publications) and
 * the date inside the plan's period; files are stored before the entry is appended.
 */
export async function addManualEvidence(
  store: Store,
  options: ManualEvidenceOptions,
): Promise<{ index: number; leafHash: string; files: EvidenceFile[] }> {
  const { plan } = options;
  const task = plan.tasks.find((t) => t.id === options.task);
  if (!task) {
    const known = plan.tasks.map((t) => t.id).join(', ');
    throw new LoaError('EVIDENCE_TASK_NOT_FOUND', {
      params: { plan: plan.id, task: options.task, known },
      kind: 'not-found',
    });
  }
  if (task.manual === undefined) {
    throw new LoaError('EVIDENCE_TASK_NOT_MANUAL', { params: { plan: plan.id, task: task.id } });
  }
  const time = manualTime(options.date, plan.timeZone);
  const day = DateTime.fromISO(time).setZone(plan.timeZone).toISODate() as string;
  const { start, end } = plan.period;
  if (day < start || day > end) {
    throw new LoaError('EVIDENCE_DATE_OUTSIDE_PLAN', {
      params: { date: day, plan: plan.id, start, end },
    });
  }
  const files: EvidenceFile[] = [];
  for (const path of options.files ?? [])
    files.push(await storeEvidenceFile(path, options.dataDir));
  const added = await store.transaction((tx) =>
    appendEvidence(tx, {
      kind: 'manual',
      plan: plan.id,
      task: task.id,
      unit: task.unit,
      time,
      actor: options.actor,
      ...(options.note ? { note: options.note.normalize('NFC') } : {}),
      ...(files.length > 0 ? { files } : {}),
    }),
  );
  return { ...added, files };
}
