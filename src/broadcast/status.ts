import type { DateTime } from 'luxon';
import type { MessageCode } from '../i18n/catalogue.js';
import type { BroadcastChannel } from '../model/channel.js';
import { type Rundown, type RundownSlot, slotEnd, slotStart } from './model.js';
import { computeTiming } from './timing.js';

/** How a slot's rundown stands, from calm to late. */
export type RundownStatusLevel = 'ok' | 'warning' | 'at-risk' | 'missed' | 'aired';

/** What is wrong with a slot's rundown. */
export type RundownProblem = 'missing' | 'short' | 'not-ready';

/** The enforcement status of one slot, with the plan clause to cite. */
export interface RundownStatus {
  level: RundownStatusLevel;
  problems: RundownProblem[];
  /** Catalogue code of the sentence that says it (params: the fields below). */
  code: MessageCode;
  /** When the slot airs, when the rundown is due (air − lead time), when the slot ends. */
  airAt: DateTime;
  dueAt: DateTime;
  endAt: DateTime;
  plannedSec?: number;
  minimumSec: number;
  /** The clause of the plan the programme fulfils, e.g. `IV.1.d`. */
  source?: string;
}

export interface RundownStatusOptions {
  /** The clause of the task the slot serves (Task.source). */
  source?: string;
  /** The minimum when there is no rundown yet; default the channel's `minLengthSec`. */
  minimumSec?: number;
  /** Hours before air from which a rundown still short is at risk; default 2. */
  atRiskHours?: number;
  /** Minutes after the slot's end to wait for the as-run; default `maxLatenessMinutes`. */
  asRunGraceMinutes?: number;
}

const CODES: Record<RundownStatusLevel, MessageCode> = {
  ok: 'RUNDOWN_STATUS_OK',
  warning: 'RUNDOWN_STATUS_WARNING',
  'at-risk': 'RUNDOWN_STATUS_AT_RISK',
  missed: 'RUNDOWN_STATUS_MISSED',
  aired: 'RUNDOWN_STATUS_AIRED',
};

/**
 * The status of a slot's rundown at `now`:
 * - `aired`: the as-run is recorded (state `aired`);
 * - `missed`: the slot ended more than the as-run grace ago (default the channel's
 *   `maxLatenessMinutes`) and nothing confirms it aired, whatever the rundown's state;
 * - `at-risk`: from `atRiskHours` (2 h) before air until missed, the rundown is missing,
 *   below the minimum or still a draft;
 * - `warning`: inside the lead time (`leadTimeHours`, 48 h, before air) with the same problems;
 * - `ok`: otherwise (before the lead time, problems are listed but not yet due).
 * A `ready` or `locked` rundown that reaches the minimum has no problem.
 */
export function rundownStatus(
  rundown: Rundown | undefined,
  slot: RundownSlot,
  channel: Pick<BroadcastChannel, 'minLengthSec' | 'leadTimeHours' | 'maxLatenessMinutes'>,
  now: DateTime,
  options: RundownStatusOptions = {},
): RundownStatus {
  const airAt = slotStart(slot);
  const endAt = slotEnd(slot);
  const dueAt = airAt.minus({ hours: channel.leadTimeHours });
  const riskAt = airAt.minus({ hours: options.atRiskHours ?? 2 });
  const missedAt = endAt.plus({ minutes: options.asRunGraceMinutes ?? channel.maxLatenessMinutes });
  const timing = rundown === undefined ? undefined : computeTiming(rundown);
  const minimumSec = rundown?.minimumSec ?? options.minimumSec ?? channel.minLengthSec;
  const problems: RundownProblem[] = [];
  if (rundown === undefined) problems.push('missing');
  else {
    if ((timing?.plannedSec ?? 0) < minimumSec) problems.push('short');
    if (rundown.state === 'draft') problems.push('not-ready');
  }
  let level: RundownStatusLevel;
  if (rundown?.state === 'aired') level = 'aired';
  else if (now >= missedAt) level = 'missed';
  else if (problems.length > 0 && now >= riskAt) level = 'at-risk';
  else if (problems.length > 0 && now >= dueAt) level = 'warning';
  else level = 'ok';
  const status: RundownStatus = {
    level,
    problems,
    code: CODES[level],
    airAt,
    dueAt,
    endAt,
    minimumSec,
  };
  if (timing !== undefined) status.plannedSec = timing.plannedSec;
  if (options.source !== undefined) status.source = options.source;
  return status;
}
