import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import type { AuditResult, TaskAudit } from '../../src/audit/types.js';
import { main } from '../../src/cli/main.js';
import { captureOutput } from '../support/capture-output.js';
import { tempDir } from '../support/temp-dir.js';

const saved = { ...process.env };

/**
 * `loa` in this process, in English, with `env` over the test's own environment (no
 * PostgreSQL unless `env` names one); the environment is put back after the file.
 */
export async function loa(args: string[], env: NodeJS.ProcessEnv) {
  useEnv(env);
  const out = captureOutput();
  const code = await main(args, out);
  return { code, out: out.all(), stdout: out.stdout.join('\n') };
}

/** The test's own environment with `env` over it, in English, as `loa` runs in. */
export function useEnv(env: NodeJS.ProcessEnv): void {
  process.env = { ...saved, LOA_LANG: 'en', ...env };
  if (!env.LOA_DATABASE_URL) delete process.env.LOA_DATABASE_URL;
}

afterAll(() => {
  process.env = saved;
});

/**
 * `loa audit --imported` of `plan` over `period` in the auditor's project `dir`, as JSON:
 * the result, the per-unit task `task`, and one unit's sub-period by label.
 */
export async function importedAudit(
  args: { plan: string; period: string; dir: string; task: string },
  env: NodeJS.ProcessEnv,
) {
  const r = await loa(
    [
      'audit',
      '--plan',
      args.plan,
      '--period',
      args.period,
      '--imported',
      '--format',
      'json',
    ].concat(['--dir', args.dir]),
    env,
  );
  expect(r.code, r.out).toBe(0);
  const result = JSON.parse(r.stdout) as AuditResult;
  const task = result.tasks.find((t) => t.id === args.task) as TaskAudit;
  const byUnit = new Map((task.each ?? []).map((u) => [u.unit, u]));
  const period = (unit: string, label: string) =>
    byUnit.get(unit)?.periods.find((p) => p.label === label);
  return { result, task, period };
}

/**
 * `loa report --imported` of `plan` for 2025-Q1 in the auditor's project `dir`, as Markdown
 * written with `--out` into a fresh folder: the report's text.
 */
export async function importedReport(
  args: { plan: string; dir: string },
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const out = join(await tempDir('report'), 'q1.md');
  const r = await loa(
    ['report', '--plan', args.plan, '--period', '2025-Q1', '--imported', '--format', 'md'].concat([
      '--dir',
      args.dir,
      '--out',
      out,
    ]),
    env,
  );
  expect(r.code, r.out).toBe(0);
  return readFile(out, 'utf8');
}
