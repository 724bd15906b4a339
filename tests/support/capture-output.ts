import type { Output } from '../../src/cli/output.js';

/** An Output that keeps what a command printed, for assertions. */
export function captureOutput(): Output & { stdout: string[]; stderr: string[]; all(): string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (line) => stdout.push(line),
    err: (line) => stderr.push(line),
    all: () => [...stdout, ...stderr].join('\n'),
  };
}
