import type { Command } from 'commander';
import { message } from '../../i18n/catalogue.js';
import { type Clock, systemClock } from '../../model/clock.js';
import { DEFAULT_ZONE } from '../../model/primitives.js';
import type { Output } from '../output.js';
import { runCalendar } from './calendar.js';
import { runRun } from './run.js';
import { runValidate } from './validate.js';

export interface StartOptions {
  dir?: string;
  /** One dispatch pass, then exit (instead of staying up as the daemon). */
  once?: boolean;
}

/**
 * `loa start`, what `npm start` runs: validate the project, show each plan's calendar for the
 * current month in the plan zone, then run the scheduler (`loa run`) on the project.
 */
export async function runStart(
  options: StartOptions,
  output: Output,
  clock: Clock = systemClock,
): Promise<number> {
  const dir = options.dir ?? '.';
  const valid = await runValidate({ dir }, output);
  if (valid !== 0) return valid;
  const month = clock.now().setZone(DEFAULT_ZONE).toFormat('yyyy-MM');
  output.out('');
  output.out(message('START_CALENDAR', { month }));
  output.out('');
  const calendar = await runCalendar({ period: month, dir }, output);
  if (calendar !== 0) return calendar;
  output.out('');
  output.out(message('START_RUN'));
  return runRun({ dir, once: options.once }, output, clock);
}

export function registerStart(
  program: Command,
  output: Output,
  setExit: (code: number) => void,
): void {
  program
    .command('start')
    .description(
      'Kiểm tra, xem lịch tháng này, rồi chạy lịch đăng / validate, show this month, run',
    )
    .option('--dir <dir>', 'thư mục dự án / project folder', '.')
    .option('--once', 'một lượt rồi thoát / one pass, then exit')
    .action(async (opts: StartOptions) => setExit(await runStart(opts, output)));
}
