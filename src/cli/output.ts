import { LoaError } from '../errors/loa-error.js';
import { message } from '../i18n/catalogue.js';

/** Where commands write: injectable so tests can capture output. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

let pipeClosed = false;
const closedPipeListeners = new Set<() => void>();

/**
 * Makes a closed standard output (`loa status | head -5`) end the command quietly with exit
 * 0, as Unix tools do, instead of an EPIPE stack trace. A command that holds work (the
 * daemon) registers a listener with `onClosedPipe` and stops cleanly; otherwise the process
 * exits at once. Installed once by the `loa` binary.
 */
export function guardClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      if (pipeClosed) return;
      pipeClosed = true;
      process.exitCode = 0;
      if (closedPipeListeners.size === 0) process.exit(0);
      for (const listener of closedPipeListeners) listener();
    });
  }
}

/** Calls `listener` when standard output is closed by its reader; returns the unsubscribe. */
export function onClosedPipe(listener: () => void): () => void {
  closedPipeListeners.add(listener);
  return () => closedPipeListeners.delete(listener);
}

/** True once a reader closed our standard output or error. */
export function isPipeClosed(): boolean {
  return pipeClosed;
}

export const consoleOutput: Output = {
  out: (line) => {
    if (!pipeClosed) process.stdout.write(`${line}\n`);
  },
  err: (line) => {
    if (!pipeClosed) process.stderr.write(`${line}\n`);
  },
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
