import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import yazl from 'yazl';
import { auditPlan } from '../audit/audit-plan.js';
import { renderAudit } from '../audit/render.js';
import type { AuditResult } from '../audit/types.js';
import { LoaError } from '../errors/loa-error.js';
import type { Channel } from '../model/channel.js';
import type { Plan, TaskRef } from '../model/plan.js';
import { readEvidenceRows } from '../store/evidence.js';
import type { Store } from '../store/types.js';
import { bundleReadme } from './bundle-readme.js';
import { VERIFY_SCRIPT } from './bundle-verify-script.js';
import { type EvidenceEntry, type EvidenceFile, entryOfRow } from './log.js';
import { toAuditEntry } from './log-audit.js';
import { verifyLog } from './log-verify.js';
import { EVIDENCE_FILES_DIR } from './manual.js';
import { signNote } from './signed-note.js';
import type { SigningKey } from './signing-key.js';
import { freshCheckpoint, listCheckpoints } from './store-checkpoint.js';

/** What an auditor bundle holds and where it goes. */
export interface BundleOptions {
  /** Called as the log is verified before it is exported: entries checked of all. */
  onProgress?: (done: number, total: number) => void;
  /** The period: entries whose time is at or after `from` and before `to` (UTC ISO). */
  from: string;
  to: string;
  /** The zip file to write. */
  out: string;
  key: SigningKey;
  dataDir: string;
  now: DateTime;
  /** The project's plans and channels: each plan overlapping the period is audited. */
  plans: readonly Plan[];
  channels: readonly Channel[];
  /** Human label of the range for the README (`2024-03-01 – 2024-03-31`). */
  label: string;
  /**
   * The head checkpoint the bundle carries when no stored one covers the log: `store` signs
   * and stores one (`loa evidence export`, a command that writes); `sign` signs one into the
   * bundle only and writes nothing (a download over HTTP is a read).
   */
  checkpoint: 'store' | 'sign';
}

/** What was exported. */
export interface BundleResult {
  path: string;
  /** Entries of the period. */
  entries: number;
  checkpointSize: number;
  files: number;
}

/** The first line of a bundle's signed manifest. */
export const MANIFEST_TITLE = 'loa evidence bundle';

/**
 * Writes the auditor bundle (zip) of a period. It carries the WHOLE log up to a checkpoint
 * of its head (the stored one when it covers the head, else one signed now, stored or not as
 * `checkpoint` says) (`entries.jsonl`, indices 0 … size - 1, each line the entry's exact bytes, and
 * `leaves.txt`, their leaf hashes), so `verify.mjs` proves that no entry was left out: the
 * period's entries are picked by the time in their own bytes. Beside them: `checkpoint.txt`,
 * the earlier checkpoints (`checkpoints/<id>.txt`, each checked against the entries), the
 * public key, the period's attached files (`files/<sha256>`), `audit.json` (each plan's
 * audit of the period with the rules it applied) and `summary.csv` (the same as a table),
 * a Vietnamese `README.md`, `verify.mjs`, and `manifest.txt`: every file's SHA-256, signed
 * with the log's key. The log is verified first: an altered log is not exported (and so never
 * signed over), EVIDENCE_VERIFY_FAILED instead; so is a period entry whose file is missing.
 */
export async function exportBundle(store: Store, options: BundleOptions): Promise<BundleResult> {
  const report = await verifyLog(store, {
    verifier: options.key.verifier,
    dataDir: options.dataDir,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  if (report.problems.length > 0) {
    throw new LoaError('EVIDENCE_VERIFY_FAILED', { params: { count: report.problems.length } });
  }
  const head = await freshCheckpoint(store, options.key, options.now, {
    store: options.checkpoint === 'store',
  });
  const earlier = (await listCheckpoints(store)).filter((cp) => cp.id !== head.id);
  const rows = await readEvidenceRows(store, { size: head.size });
  const entries = rows.map(entryOfRow);
  const contents = new Map<string, Buffer>();
  const add = (name: string, data: string | Buffer) =>
    contents.set(name, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);

  add('entries.jsonl', rows.map((r) => `${r.entry}\n`).join(''));
  add('leaves.txt', rows.map((r) => `${r.leaf_hash}\n`).join(''));
  add('checkpoint.txt', head.note);
  for (const cp of earlier) add(`checkpoints/${cp.id}.txt`, cp.note);
  add('key.pem', options.key.publicKeyPem);
  add('key.txt', `${options.key.verifierKey}\n`);

  const inPeriod = entries.filter((e) => e.time >= options.from && e.time < options.to);
  const files = new Map<string, EvidenceFile>();
  for (const e of inPeriod) for (const f of e.files ?? []) files.set(f.sha256, f);
  for (const f of files.values()) {
    add(`files/${f.sha256}`, await readFile(join(options.dataDir, EVIDENCE_FILES_DIR, f.sha256)));
  }
  const audits = auditsOf(entries, options);
  add('audit.json', `${JSON.stringify({ plans: audits }, null, 1)}\n`);
  add(
    'summary.csv',
    String(
      await renderAudit(
        audits.map((a) => a.result),
        'csv',
      ),
    ),
  );
  add(
    'README.md',
    bundleReadme({
      label: options.label,
      entries: inPeriod.length,
      size: head.size,
      root: head.rootHashHex,
      origin: options.key.name,
      signedAt: head.signedAt,
      files: files.size,
      earlier: earlier.length,
    }),
  );
  add('verify.mjs', VERIFY_SCRIPT);
  const manifest = [
    MANIFEST_TITLE,
    `period ${options.from} ${options.to}`,
    ...[...contents].map(
      ([name, data]) => `${createHash('sha256').update(data).digest('hex')} ${name}`,
    ),
  ];
  add('manifest.txt', signNote(`${manifest.join('\n')}\n`, options.key));

  const zip = new yazl.ZipFile();
  for (const [name, data] of contents) {
    zip.addBuffer(data, name, { mtime: options.now.toJSDate() });
  }
  await writeZip(zip, options.out);
  return {
    path: options.out,
    entries: inPeriod.length,
    checkpointSize: head.size,
    files: files.size,
  };
}

/** One plan's audit of the period, with what verify.mjs needs to recompute it. */
interface BundleAudit {
  result: AuditResult;
  /** Each task's rule, by task id. */
  rules: Record<string, Plan['tasks'][number]['rule']>;
  /** Each task's manual form (tasks carried out by hand), by task id. */
  manual: Record<string, string | undefined>;
  /** Each channel's kind, by channel id. */
  channelKinds: Record<string, string>;
  /**
   * The tasks of parent plans each task carries out (`implements`), by task id; absent when
   * none does. The parent's auditor counts the task's entries for them.
   */
  implements?: Record<string, TaskRef[]>;
}

/** Each plan overlapping the period, audited from exactly the entries the bundle carries. */
function auditsOf(entries: readonly EvidenceEntry[], options: BundleOptions): BundleAudit[] {
  const audited = entries.filter((e) => e.time < (options.now.toUTC().toISO() as string));
  const auditEntries = audited.map(toAuditEntry);
  const channelKinds = Object.fromEntries(options.channels.map((c) => [c.id, c.kind]));
  const out: BundleAudit[] = [];
  for (const plan of options.plans) {
    const period = {
      start: DateTime.fromISO(options.from, { zone: plan.timeZone }),
      end: DateTime.fromISO(options.to, { zone: plan.timeZone }),
      label: options.label,
    };
    try {
      const result = auditPlan({
        plan,
        channels: [...options.channels],
        entries: auditEntries,
        period,
        now: options.now,
      });
      const implementing = plan.tasks.flatMap((t) =>
        t.implements === undefined ? [] : [[t.id, t.implements] as const],
      );
      out.push({
        result,
        rules: Object.fromEntries(plan.tasks.map((t) => [t.id, t.rule])),
        manual: Object.fromEntries(plan.tasks.map((t) => [t.id, t.manual])),
        channelKinds,
        ...(implementing.length === 0 ? {} : { implements: Object.fromEntries(implementing) }),
      });
    } catch (error) {
      if (!(error instanceof LoaError && error.code === 'AUDIT_OUTSIDE_PLAN')) throw error;
    }
  }
  return out;
}

/** Ends the zip and writes it to a temp file renamed into place. */
async function writeZip(zip: yazl.ZipFile, out: string): Promise<void> {
  const temp = `${out}.${process.pid}.tmp`;
  try {
    await new Promise<void>((resolve, reject) => {
      const stream = createWriteStream(temp);
      zip.outputStream.on('error', reject).pipe(stream).on('error', reject).on('close', resolve);
      zip.end();
    });
    await rename(temp, out);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
