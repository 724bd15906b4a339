import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { AUDIT_FORMATS, renderAudit } from '../../audit/render.js';
import { parsePeriod, planPeriod } from '../../calendar/period.js';
import { findPlan, loadValidProject } from '../../config/project.js';
import { LoaError } from '../../errors/loa-error.js';
import { auditImported } from '../../evidence/imported-audit.js';
import { auditFromLog } from '../../evidence/log-audit.js';
import { message } from '../../i18n/catalogue.js';
import { type Clock, systemClock } from '../../model/clock.js';
import { dataDirFrom, openStore, storeOptionsFrom } from '../../store/open-store.js';
import type { Output } from '../output.js';

export interface AuditOptions {
  dir?: string;
  plan: string;
  /** `2024-Q1`, `2024-03`, `2024-W10`, `2024-H1`, `2024`, or `plan` for the whole plan. */
  period: string;
  unit?: string;
  format?: string;
  out?: string;
  /** List every entry a rule turned away instead of one summary line per sub-period. */
  verbose?: boolean;
  /** Audit over the logs imported from the units' bundles (`loa import`), not this log. */
  imported?: boolean;
}

/**
 * `loa audit`: the plan's tasks per sub-period (week, month…) over a period, with the
 * evidence log's entry indices as proof and the completion percentage, from the entries
 * stored in the log as of the clock's now.
 */
export async function runAudit(options: AuditOptions, output: Output, clock: Clock = systemClock) {
  const format = options.format ?? 'table';
  if (!(AUDIT_FORMATS as readonly string[]).includes(format)) {
    throw new LoaError('AUDIT_BAD_FORMAT', { params: { format, known: AUDIT_FORMATS.join(', ') } });
  }
  const project = await loadValidProject(options.dir ?? '.');
  const plan = findPlan(project, options.plan);
  const period =
    options.period === 'plan' ? planPeriod(plan) : parsePeriod(options.period, plan.timeZone);
  const store = await openStore(storeOptionsFrom());
  let result: Awaited<ReturnType<typeof auditFromLog>>;
  try {
    const asked = {
      plan,
      period,
      now: clock.now(),
      ...(options.unit ? { unit: options.unit } : {}),
    };
    result = options.imported
      ? await auditImported(store, asked)
      : await auditFromLog(store, { ...asked, channels: project.channels.map((c) => c.value) });
  } finally {
    await store.close();
  }
  const rendered = await renderAudit(result, format, undefined, {
    verbose: options.verbose === true,
  });
  if (options.out || format === 'xlsx') {
    // Without --out, under the data folder, never in whatever folder the command ran in.
    const path =
      options.out ??
      join(
        dataDirFrom(),
        'reports',
        `audit-${plan.id}${options.imported ? '-imported' : ''}-${period.label}.xlsx`,
      );
    await mkdir(dirname(resolve(path)), { recursive: true });
    await writeFile(path, rendered);
    output.out(message('EVIDENCE_WRITTEN', { path }));
  } else {
    output.out(
      String(rendered)
        .replace(/^\uFEFF/, '')
        .trimEnd(),
    );
  }
  return 0;
}

export function registerAudit(program: Command, output: Output, setExit: (code: number) => void) {
  program
    .command('audit')
    .description('Kiểm tra thực hiện kế hoạch / audit a plan against its evidence')
    .requiredOption('--plan <id>', 'kế hoạch / plan')
    .requiredOption('--period <p>', '2024-Q1 | 2024-03 | 2024-W10 | 2024-H1 | 2024 | plan')
    .option('--unit <id>', 'đơn vị / unit')
    .option('--format <f>', AUDIT_FORMATS.join(' | '), 'table')
    .option('--out <file>', 'ghi ra tệp / write to a file')
    .option('--verbose', 'liệt kê từng mục không được tính / list every entry not counted')
    .option(
      '--imported',
      'theo nhật ký các đơn vị đã nhập (loa import) / over the units’ imported logs',
    )
    .option('--dir <dir>', 'thư mục dự án / project folder', '.')
    .action(async (opts: AuditOptions) => setExit(await runAudit(opts, output)));
}
