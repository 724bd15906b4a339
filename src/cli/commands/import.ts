import type { Command } from 'commander';
import { type ImportResult, importBundles } from '../../evidence/bundle-import.js';
import { message } from '../../i18n/catalogue.js';
import { type Clock, systemClock } from '../../model/clock.js';
import { withStore } from '../../store/open-store.js';
import { type Output, printJson } from '../output.js';
import { type ProgressStream, progressBar } from '../progress.js';

export interface ImportOptions {
  json?: boolean;
}

/**
 * `loa import <bundle.zip>…`: imports the evidence bundles units send, each checked with the
 * key of the unit that signs it, all in one transaction (one bundle refused: nothing
 * imported, exit 1 with the reason). A progress bar on a terminal only.
 */
export async function runImport(
  paths: string[],
  options: ImportOptions,
  output: Output,
  clock: Clock = systemClock,
  tty: ProgressStream | undefined = process.stderr,
): Promise<number> {
  const bar = progressBar(message('IMPORT_PROGRESS'), tty);
  const results = await withStore((store) =>
    importBundles(store, { paths, now: clock.now(), onProgress: bar.update }),
  ).finally(bar.end);
  if (options.json) printJson(output, results);
  else for (const r of results) output.out(line(r));
  return 0;
}

function line(r: ImportResult): string {
  const params = { bundle: r.bundle, unit: r.unit, size: r.size };
  if (r.status === 'added') {
    return message('IMPORT_DONE_ADDED', {
      ...params,
      added: r.size - r.imported,
      root: r.rootHex.slice(0, 16),
    });
  }
  if (r.status === 'older')
    return message('IMPORT_DONE_OLDER', { ...params, imported: r.imported });
  return message('IMPORT_DONE_UNCHANGED', params);
}

export function registerImport(program: Command, output: Output, setExit: (code: number) => void) {
  program
    .command('import <bundles...>')
    .description(
      'Nhập gói tài liệu kiểm chứng của các đơn vị / import the evidence bundles units send',
    )
    .option('--json', 'JSON')
    .action(async (bundles: string[], opts: ImportOptions) =>
      setExit(await runImport(bundles, opts, output)),
    );
}
