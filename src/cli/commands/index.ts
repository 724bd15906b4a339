import type { Command } from 'commander';
import type { Output } from '../output.js';
import { registerAudio } from './audio.js';
import { registerAudit } from './audit.js';
import { registerBackup } from './backup.js';
import { registerBulletin } from './bulletin.js';
import { registerCalendar } from './calendar.js';
import { registerEvidence } from './evidence.js';
import { registerImport } from './import.js';
import { registerIngest } from './ingest.js';
import { registerPlan } from './plan.js';
import { registerQueue } from './queue.js';
import { registerReport } from './report.js';
import { registerRun } from './run.js';
import { registerRundown } from './rundown.js';
import { registerSchema } from './schema.js';
import { registerSimulate } from './simulate.js';
import { registerStart } from './start.js';
import { registerStatus } from './status.js';
import { registerSync } from './sync.js';
import { registerToken } from './token.js';
import { registerUser } from './user.js';
import { registerValidate } from './validate.js';
import { registerWitness } from './witness.js';

/** Every loa command, registered on one program. */
export function registerCommands(
  program: Command,
  output: Output,
  setExit: (code: number) => void,
): void {
  registerValidate(program, output, setExit);
  registerSchema(program, output, setExit);
  registerPlan(program, output, setExit);
  registerCalendar(program, output, setExit);
  registerStart(program, output, setExit);
  registerSync(program, output, setExit);
  registerQueue(program, output, setExit);
  registerRun(program, output, setExit);
  registerStatus(program, output, setExit);
  registerSimulate(program, output, setExit);
  registerRundown(program, output, setExit);
  registerEvidence(program, output, setExit);
  registerWitness(program, output, setExit);
  registerImport(program, output, setExit);
  registerAudit(program, output, setExit);
  registerReport(program, output, setExit);
  registerBulletin(program, output, setExit);
  registerIngest(program, output, setExit);
  registerUser(program, output, setExit);
  registerToken(program, output, setExit);
  registerBackup(program, output, setExit);
  registerAudio(program, output, setExit);
}
