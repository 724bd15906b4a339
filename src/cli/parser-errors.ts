import type { Command } from 'commander';
import { LoaError } from '../errors/loa-error.js';
import type { MessageCode } from '../i18n/catalogue.js';

/** Commander's error codes and the catalogue message each becomes. */
const CODES: Record<string, MessageCode> = {
  'commander.unknownCommand': 'ARG_UNKNOWN_COMMAND',
  'commander.unknownOption': 'ARG_UNKNOWN_OPTION',
  'commander.missingArgument': 'ARG_MISSING',
  'commander.optionMissingArgument': 'ARG_OPTION_VALUE_MISSING',
  'commander.missingMandatoryOptionValue': 'ARG_REQUIRED_OPTION',
  'commander.excessArguments': 'ARG_TOO_MANY',
};

/** The command path the arguments name (`queue add`), for the hint's `loa … --help`. */
export function commandPath(program: Command, argv: string[]): string {
  const path: string[] = [];
  let current = program;
  for (const arg of argv) {
    if (arg.startsWith('-')) continue;
    const next = current.commands.find((c) => c.name() === arg || c.aliases().includes(arg));
    if (!next) break;
    path.push(next.name());
    current = next;
  }
  return path.join(' ');
}

/**
 * Commander's own error (English, `error: unknown option '--x'`) as a LoaError from the
 * catalogue, in the user's language: the quoted name is kept, a suggestion is kept as is.
 */
export function parserError(
  code: string,
  englishMessage: string,
  program: Command,
  argv: string[],
): LoaError {
  const command = commandPath(program, argv);
  const quoted = /'([^']+)'/.exec(englishMessage)?.[1];
  const suggestion = /\(Did you mean ([^?]+)\?\)/.exec(englishMessage)?.[1];
  const known = CODES[code];
  const name =
    code === 'commander.excessArguments'
      ? `"loa ${command}"`
      : `"${quoted ?? ''}"${suggestion ? ` (→ ${suggestion})` : ''}`;
  if (known) return new LoaError(known, { params: { name, command: command || '' } });
  return new LoaError('ARG_INVALID', {
    params: { detail: englishMessage.replace(/^error:\s*/, ''), command },
  });
}
