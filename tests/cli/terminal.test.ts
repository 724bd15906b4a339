import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { main } from '../../src/cli/main.js';
import { captureOutput } from '../support/capture-output.js';
import { tempDir } from '../support/temp-dir.js';

const ROOT = join(import.meta.dirname, '../..');

async function loa(args: string[], lang: 'vi' | 'en' = 'vi') {
  process.env.LOA_LANG = lang;
  const out = captureOutput();
  const code = await main(args, out);
  return { code, stdout: out.stdout.join('\n'), stderr: out.stderr.join('\n') };
}

describe('the terminal', () => {
  const lang = process.env.LOA_LANG;
  beforeEach(() => {
    process.env.LOA_LANG = 'vi';
  });
  afterEach(() => {
    process.env.LOA_LANG = lang;
  });

  // Piping every listing into head: tests/cli/pipe-head.test.ts.
  it('validate of a folder that is missing or not a project fails and says which', async () => {
    const missing = await loa(['validate', '--dir', '/nonexistent-loa-folder']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Không có thư mục dự án "/nonexistent-loa-folder"');
    expect(missing.stdout).not.toContain('0 lỗi');
    const empty = await tempDir('not-a-project');
    const notProject = await loa(['validate', '--dir', empty]);
    expect(notProject.code).toBe(1);
    expect(notProject.stderr).toContain('không phải dự án loa');
  });

  it('files a command writes go under the data folder (or --out), and it says where', async () => {
    const dataDir = await tempDir('written-data');
    const before = process.env.LOA_DATA_DIR;
    process.env.LOA_DATA_DIR = dataDir;
    const cwdBefore = readdirSync(process.cwd()).sort();
    try {
      const fixture = join(ROOT, 'tests/fixtures/sched-project');
      const audit = await loa([
        'audit',
        '--plan',
        'tinh-thu',
        '--period',
        '2024-Q1',
        '--format',
        'xlsx',
        '--dir',
        fixture,
      ]);
      expect(audit.code, audit.stderr).toBe(0);
      const xlsx = join(dataDir, 'reports', 'audit-tinh-thu-2024-Q1.xlsx');
      expect(audit.stdout).toBe(`Đã ghi ${xlsx}`);
      expect(existsSync(xlsx)).toBe(true);
      const schema = await loa(['schema']);
      expect(schema.stdout).toContain(`Đã ghi ${join(dataDir, 'schemas', 'plan.schema.json')}`);
      // Nothing new in the folder the command ran in.
      expect(readdirSync(process.cwd()).sort()).toEqual(cwdBefore);
    } finally {
      if (before === undefined) delete process.env.LOA_DATA_DIR;
      else process.env.LOA_DATA_DIR = before;
    }
  });

  it('--version prints the package version', async () => {
    const { code, stdout } = await loa(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('help lists every command; each module, loaded only when its command runs, registers its names', async () => {
    const help = await loa(['--help'], 'en');
    expect(help.code).toBe(0);
    const names = COMMANDS.flatMap((command) => command.names);
    for (const name of names) expect(help.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    expect(names).toHaveLength(23);
    for (const command of COMMANDS) {
      const program = new Command();
      (await command.load())(program, captureOutput(), () => undefined);
      expect(program.commands.map((c) => c.name())).toEqual(command.names);
    }
    const statusHelp = await loa(['status', '--help'], 'en');
    expect(statusHelp.stdout).toContain('Usage: loa status [options]');
  });

  it("the argument parser's errors are in the user's language, with what to do", async () => {
    const unknown = await loa(['calendar', '2024-03', '--bogus']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('Không có tuỳ chọn "--bogus"');
    expect(unknown.stderr).toContain('loa calendar --help');
    expect(unknown.stderr).not.toContain('unknown option');
    const missing = await loa(['queue', 'add']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('Thiếu đối số bắt buộc "file"');
    const english = await loa(['nosuchcommand'], 'en');
    expect(english.stderr).toContain('Unknown command "nosuchcommand"');
  });

  it('English counts agree with their number', async () => {
    const { stdout, code } = await loa(['validate'], 'en');
    expect(code).toBe(0);
    expect(stdout).toMatch(/; 0 errors, \d+ warnings?$/m);
    expect(stdout).not.toMatch(/\b1 warnings\b|\b1 errors\b|\b1 channels\b|\b1 plans\b/);
  });
});
