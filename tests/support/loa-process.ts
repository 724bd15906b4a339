import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { inject } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/** A running `loa` CLI process, with its JSON log lines as they arrive. */
export interface LoaProcess {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  stderr: string[];
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  /** Resolves when a log line matches. */
  waitFor(match: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<boolean>;
}

/**
 * The command that starts the real CLI, compiled once for the run (tests/support/built-cli.ts):
 * `node dist/…/src/cli/bin.js`, relative to the repository root.
 */
export function loaCommand(): string[] {
  return [process.execPath, inject('builtCli')];
}

/** Spawns the real CLI (see `loaCommand`) with extra environment, in the repository root. */
export function spawnLoa(args: string[], env: NodeJS.ProcessEnv): LoaProcess {
  const [node = process.execPath, bin = ''] = loaCommand();
  const child = spawn(node, [bin, ...args], {
    cwd: ROOT,
    env: { ...process.env, LOA_LANG: 'en', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  const stderr: string[] = [];
  const waiters: { match: (l: Record<string, unknown>) => boolean; done: (ok: boolean) => void }[] =
    [];
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let nl = buffer.indexOf('\n');
    while (nl >= 0) {
      const text = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      nl = buffer.indexOf('\n');
      try {
        const line = JSON.parse(text) as Record<string, unknown>;
        lines.push(line);
        for (const w of [...waiters]) {
          if (w.match(line)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.done(true);
          }
        }
      } catch {
        lines.push({ text });
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  const exited = new Promise<number | string>((done) => {
    child.on('exit', (code, signal) => {
      for (const w of waiters.splice(0)) w.done(false);
      done(code ?? signal ?? -1);
    });
  });
  const waitFor = (match: (l: Record<string, unknown>) => boolean, timeoutMs = 30_000) =>
    new Promise<boolean>((done) => {
      if (lines.some(match)) return done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      waiters.push({
        match,
        done: (ok) => {
          clearTimeout(timer);
          done(ok);
        },
      });
    });
  return { child, lines, stderr, exited, waitFor };
}

/** Runs the CLI to the end; resolves with its exit code, stdout lines and stderr. */
export async function runLoa(args: string[], env: NodeJS.ProcessEnv) {
  const p = spawnLoa(args, env);
  const code = await p.exited;
  return { code, lines: p.lines, stderr: p.stderr.join('') };
}
