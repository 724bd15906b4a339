import type { Command } from 'commander';
import type { Output } from '../output.js';

type Register = (program: Command, output: Output, setExit: (code: number) => void) => void;

/**
 * Every loa command, in the order help lists them: the names it registers and how to load its
 * module. A module is imported only when one of its commands runs.
 */
export const COMMANDS: ReadonlyArray<{ names: readonly string[]; load: () => Promise<Register> }> =
  [
    { names: ['validate'], load: async () => (await import('./validate.js')).registerValidate },
    { names: ['schema'], load: async () => (await import('./schema.js')).registerSchema },
    { names: ['plan'], load: async () => (await import('./plan.js')).registerPlan },
    { names: ['calendar'], load: async () => (await import('./calendar.js')).registerCalendar },
    { names: ['start'], load: async () => (await import('./start.js')).registerStart },
    { names: ['sync'], load: async () => (await import('./sync.js')).registerSync },
    { names: ['queue'], load: async () => (await import('./queue.js')).registerQueue },
    { names: ['run'], load: async () => (await import('./run.js')).registerRun },
    { names: ['status'], load: async () => (await import('./status.js')).registerStatus },
    { names: ['simulate'], load: async () => (await import('./simulate.js')).registerSimulate },
    { names: ['rundown'], load: async () => (await import('./rundown.js')).registerRundown },
    { names: ['evidence'], load: async () => (await import('./evidence.js')).registerEvidence },
    { names: ['witness'], load: async () => (await import('./witness.js')).registerWitness },
    { names: ['import'], load: async () => (await import('./import.js')).registerImport },
    { names: ['audit'], load: async () => (await import('./audit.js')).registerAudit },
    { names: ['report'], load: async () => (await import('./report.js')).registerReport },
    { names: ['bulletin'], load: async () => (await import('./bulletin.js')).registerBulletin },
    { names: ['ingest'], load: async () => (await import('./ingest.js')).registerIngest },
    { names: ['user'], load: async () => (await import('./user.js')).registerUser },
    { names: ['token'], load: async () => (await import('./token.js')).registerToken },
    {
      names: ['backup', 'restore'],
      load: async () => (await import('./backup.js')).registerBackup,
    },
    { names: ['audio'], load: async () => (await import('./audio.js')).registerAudio },
  ];

/**
 * Registers loa's commands on one program, for the arguments it is about to parse. Only the
 * module of the command named first is loaded, so that a start costs that command's imports
 * alone and `--version` none; help and a name that is no command (which the parser answers
 * with the list of commands) load them all.
 */
export async function registerCommands(
  program: Command,
  output: Output,
  setExit: (code: number) => void,
  argv: readonly string[] = [],
): Promise<void> {
  const [first] = argv;
  const named = COMMANDS.filter((command) => first !== undefined && command.names.includes(first));
  const version = argv.length === 1 && (first === '-V' || first === '--version');
  const chosen = named.length > 0 ? named : version ? [] : COMMANDS;
  const registers = await Promise.all(chosen.map((command) => command.load()));
  for (const register of registers) register(program, output, setExit);
}
