import { LoaError } from '../errors/loa-error.js';
import { message } from '../i18n/catalogue.js';

/** Where commands write: injectable so tests can capture output. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export const consoleOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Prints data as pretty JSON, the `--json` form of every listing. */
export function printJson(output: Output, data: unknown): void {
  output.out(JSON.stringify(data, null, 2));
}

/** Prints an error the way every command does: message, where, hint. Never a stack for LoaError. */
export function printError(output: Output, error: unknown): void {
  if (error instanceof LoaError) {
    const where = error.location
      ? `${error.location.file}${error.location.line ? `:${error.location.line}:${error.location.column ?? 1}` : ''}  `
      : '';
    output.err(`${where}${message('LABEL_ERROR')} [${error.code}]: ${error.localized()}`);
    const help = error.hint();
    if (help) output.err(`    → ${help}`);
    return;
  }
  const detail = error instanceof Error ? error.message : String(error);
  output.err(`${message('LABEL_ERROR')} [INTERNAL]: ${message('INTERNAL', { detail })}`);
}
