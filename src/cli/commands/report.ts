import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { actorName } from '../../app/who-and-when.js';
import { importedAuditEntries } from '../../audit/imported-entries.js';
import { findPlan, loadValidProject } from '../../config/project.js';
import { readImportedLogs } from '../../evidence/imported-audit.js';
import { appendEvidence } from '../../evidence/log.js';
import { auditEntries } from '../../evidence/log-audit.js';
import { evidenceKey, freshCheckpoint } from '../../evidence/store-checkpoint.js';
import { message } from '../../i18n/catalogue.js';
import { type Clock, systemClock } from '../../model/clock.js';
import { renderReport } from '../../report/render-report.js';
import { dataDirFrom, openStore, storeOptionsFrom } from '../../store/open-store.js';
import type { Output } from '../output.js';

export interface ReportOptions {
  dir?: string;
  as?: string;
  plan: string;
  /** `2024-Q1`, `2024-H1`, `2024` (or a month). */
  period: string;
  format?: string;
  out?: string;
  /** Report on a kind of period the plan does not define; the report says so. */
  force?: boolean;
  /** Over the logs imported from the units' bundles (`loa import`), not this log. */
  imported?: boolean;
}

/**
 * `loa report`: the periodic report of a plan (Decree 30 layout) with a checkpoint of the
 * evidence log printed in it, signed over every entry the report counts; the report's bytes
 * are then recorded in the log as a `report` entry (their SHA-256), so a later, different
 * report for the same period shows.
 */
export async function runReport(
  options: ReportOptions,
  output: Output,
  clock: Clock = systemClock,
) {
  const format = options.format ?? 'docx';
  const project = await loadValidProject(options.dir ?? '.');
  const plan = findPlan(project, options.plan);
  const now = clock.now();
  const store = await openStore(storeOptionsFrom());
  try {
    // The checkpoint printed signs every entry the report counts: one is signed now when the
    // log grew since the latest, and the report counts the entries below its size.
    const key = await evidenceKey(dataDirFrom());
    const checkpoint = await freshCheckpoint(store, key, now, { store: true });
    const imported = options.imported
      ? importedAuditEntries(plan, await readImportedLogs(store))
      : undefined;
    const bytes = await renderReport(
      {
        plan,
        channels: imported ? [] : project.channels.map((c) => c.value),
        entries: imported
          ? imported.entries
          : await auditEntries(store, now, undefined, checkpoint.size),
        ...(imported ? { imported: { sources: imported.sources } } : {}),
        period: options.period,
        now,
        checkpoint,
        force: options.force === true,
      },
      format,
    );
    // Without --out, under the data folder, never in whatever folder the command ran in.
    const path =
      options.out ??
      join(
        dataDirFrom(),
        'reports',
        `bao-cao-${plan.id}${options.imported ? '-tong-hop' : ''}-${options.period}.${format}`,
      );
    await mkdir(dirname(resolve(path)), { recursive: true });
    await writeFile(path, bytes);
    const contentHash = createHash('sha256').update(bytes).digest('hex');
    await store.transaction((tx) =>
      appendEvidence(tx, {
        kind: 'report',
        plan: plan.id,
        time: now.toUTC().toISO() as string,
        contentHash,
        actor: actorName(options.as),
        note: `${options.period} ${format} checkpoint ${checkpoint.size}`,
      }),
    );
    output.out(message('EVIDENCE_WRITTEN', { path }));
    return 0;
  } finally {
    await store.close();
  }
}

export function registerReport(program: Command, output: Output, setExit: (code: number) => void) {
  program
    .command('report')
    .description('Báo cáo định kỳ / periodic report')
    .requiredOption('--plan <id>', 'kế hoạch / plan')
    .requiredOption('--period <p>', '2024-Q1 | 2024-H1 | 2024')
    .option('--format <f>', 'docx | html | md', 'docx')
    .option('--out <file>', 'tệp / file')
    .option('--as <name>', 'người lập / who makes it')
    .option(
      '--force',
      'lập cả cho kỳ kế hoạch không quy định / even for a period the plan does not define',
    )
    .option(
      '--imported',
      'theo nhật ký các đơn vị đã nhập (loa import) / over the units’ imported logs',
    )
    .option('--dir <dir>', 'thư mục dự án / project folder', '.')
    .action(async (opts: ReportOptions) => setExit(await runReport(opts, output)));
}
