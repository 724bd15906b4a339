import type { Command } from 'commander';
import { capacityDiagnostics } from '../../calendar/capacity.js';
import { formatDiagnostic, sortDiagnostics } from '../../config/diagnostic.js';
import { isValid, loadProject } from '../../config/project.js';
import { message } from '../../i18n/catalogue.js';
import { mediaDiagnostics } from '../../media/media-diagnostics.js';
import type { Output } from '../output.js';

export interface ValidateOptions {
  dir?: string;
}

/** `loa validate`: every error of every file, exit 1 if any. */
export async function runValidate(options: ValidateOptions, output: Output): Promise<number> {
  const project = await loadProject({ root: options.dir ?? '.' });
  project.diagnostics.push(...(await mediaDiagnostics(project)));
  // Schedules are weighed against quotas only when every file and reference is sound.
  if (isValid(project)) project.diagnostics.push(...capacityDiagnostics(project));
  for (const d of sortDiagnostics(project.diagnostics)) {
    (d.severity === 'error' ? output.err : output.out)(formatDiagnostic(d));
  }
  const errors = project.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = project.diagnostics.length - errors;
  const summary = message('VALIDATE_SUMMARY', {
    plans: project.plans.length,
    channels: project.channels.length,
    items: project.items.length,
    errors,
    warnings,
  });
  (isValid(project) ? output.out : output.err)(summary);
  return isValid(project) ? 0 : 1;
}

export function registerValidate(
  program: Command,
  output: Output,
  setExit: (code: number) => void,
): void {
  program
    .command('validate')
    .description('Kiểm tra kế hoạch, kênh và bài viết / check plans, channels and content')
    .option('--dir <dir>', 'thư mục dự án / project folder', '.')
    .action(async (opts: ValidateOptions) => setExit(await runValidate(opts, output)));
}
