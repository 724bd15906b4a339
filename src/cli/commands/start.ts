import type { Command } from 'commander';
import { type Clock, systemClock } from '../../calendar/clock.js';
import { DEFAULT_ZONE } from '../../config/primitives.js';
import { message } from '../../i18n/catalogue.js';
import type { Output } from '../output.js';
import { runCalendar } from './calendar.js';
import { runValidate } from './validate.js';

export interface StartOptions {
  dir?: string;
}

/**
 * `loa start`, what `npm start` runs: validate the project, then show each plan's calendar for
 * the current month in the plan zone.
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
  return runCalendar({ period: month, dir }, output);
}

export function registerStart(
  program: Command,
  output: Output,
  setExit: (code: number) => void,
): void {
  program
    .command('start')
    .description('Kiểm tra cấu hình và xem lịch tháng này / validate and show this month')
    .option('--dir <dir>', 'thư mục dự án / project folder', '.')
    .action(async (opts: StartOptions) => setExit(await runStart(opts, output)));
}
