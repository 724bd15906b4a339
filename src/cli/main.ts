import { Command } from 'commander';
import { registerCommands } from './commands/index.js';
import { consoleOutput, type Output, printError } from './output.js';
import { parserError } from './parser-errors.js';
import { loaVersion } from './version.js';

/** Runs the loa command line with the given arguments; resolves to the exit code. */
export async function main(argv: string[], output: Output = consoleOutput): Promise<number> {
  let exitCode = 0;
  const program = new Command('loa')
    .description('loa: lịch đăng và minh chứng tuyên truyền CCHC / CCHC communication scheduler')
    .version(loaVersion(), '-V, --version', 'phiên bản / version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => output.out(s.trimEnd()),
      writeErr: (s) => output.err(s.trimEnd()),
      // NOTE: commander's own errors are English; they are printed from the catalogue below.
      outputError: () => undefined,
    });
  await registerCommands(
    program,
    output,
    (code) => {
      exitCode = code;
    },
    argv,
  );
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error && typeof error === 'object' && 'exitCode' in error && 'code' in error) {
      const code = String((error as { code: unknown }).code);
      if (code === 'commander.helpDisplayed' || code === 'commander.version') return 0;
      const exit = Number((error as { exitCode: unknown }).exitCode) || 2;
      if (code === 'commander.help' || code === 'commander.executeSubCommandAsync') return exit;
      printError(
        output,
        parserError(code, String((error as { message?: unknown }).message), program, argv),
      );
      return exit;
    }
    printError(output, error);
    return 1;
  }
  return exitCode;
}
