import type { DateTime } from 'luxon';
import { minimumLengthSec } from '../../broadcast/assembly.js';
import { type RundownState, rundownId, slotStart } from '../../broadcast/model.js';
import { programmeSlots } from '../../broadcast/slots.js';
import { type RundownStatus, rundownStatus } from '../../broadcast/status.js';
import { rundownsOfChannel } from '../../broadcast/store.js';
import { formatDuration } from '../../broadcast/timing.js';
import { contains, planPeriod } from '../../calendar/period.js';
import { type MessageCode, message } from '../../i18n/catalogue.js';
import type { Lang } from '../../i18n/lang.js';
import type { BroadcastChannel, Channel } from '../../model/channel.js';
import { hasCapability } from '../../model/channel-kinds.js';
import { toStored } from '../../model/instant.js';
import type { Plan } from '../../model/plan.js';
import type { PlanningConfig } from '../../scheduler/plan/items.js';
import type { Db } from '../../store/types.js';
import { servedTask, zoneOf } from './service-context.js';

/** The enforcement status of one programme slot, as `loa status` and the daemon report it. */
export interface SlotStatus {
  channel: string;
  programme: string;
  rundownId: string;
  /** The rundown's state, when there is one. */
  state?: RundownState;
  status: RundownStatus;
  /** The sentence that says it, in the reader's language. */
  text: string;
}

/** How far around now `rundownStatuses` looks. */
export interface StatusWindow {
  /** Days back: slots that ended recently, to report them missed (default 7). */
  backDays?: number;
  /** Days ahead beyond the channel's lead time (default 7). */
  aheadDays?: number;
  /** Only this channel. */
  channel?: string;
}

const PROBLEM_CODES: Record<string, MessageCode> = {
  missing: 'RUNDOWN_PROBLEM_MISSING',
  short: 'RUNDOWN_PROBLEM_SHORT',
  'not-ready': 'RUNDOWN_PROBLEM_NOT_READY',
};

/** The sentence of a slot's status (the catalogue code `rundownStatus` chose). */
export function statusText(programme: string, status: RundownStatus, lang?: Lang): string {
  const problems = status.problems.map((p) =>
    message(PROBLEM_CODES[p] ?? 'RUNDOWN_PROBLEM_MISSING', {}, lang),
  );
  if (status.problems.includes('short')) {
    problems.push(
      `${formatDuration(status.plannedSec ?? 0)} / ${formatDuration(status.minimumSec)}`,
    );
  }
  return message(
    status.code,
    {
      programme,
      air: status.airAt.toFormat('yyyy-MM-dd HH:mm'),
      due: status.dueAt.toFormat('yyyy-MM-dd HH:mm'),
      problems: problems.join('; '),
      source: status.source ?? '—',
    },
    lang,
  );
}

/**
 * The status of every slot of every broadcast channel from `backDays` ago to `aheadDays` past
 * its lead time, classified by `rundownStatus` with the stored rundown, the minimum from the
 * channel and the plan, and the clause of the task it serves.
 */
export async function rundownStatuses(
  db: Db,
  config: { planning: PlanningConfig; plans: readonly Plan[] },
  now: DateTime,
  window: StatusWindow = {},
): Promise<SlotStatus[]> {
  const out: SlotStatus[] = [];
  const channels = [...config.planning.channels.values()].filter(
    (c: Channel): c is BroadcastChannel =>
      hasCapability(c, 'airs') && (window.channel === undefined || c.id === window.channel),
  );
  for (const channel of channels) {
    const zone = zoneOf(channel, config.planning);
    const from = now.minus({ days: window.backDays ?? 7 });
    const to = now.plus({ hours: channel.leadTimeHours, days: window.aheadDays ?? 7 });
    const served = servedTask(channel, config.plans);
    // Only slots while a plan the channel serves is in force need a rundown.
    const inForce = channel.serves.flatMap((serve) => {
      const plan = config.plans.find((p) => p.id === serve.plan);
      return plan ? [planPeriod(plan)] : [];
    });
    const stored = await rundownsOfChannel(db, channel.id, {
      from: toStored(from),
      to: toStored(to),
    });
    const byId = new Map(stored.map((s) => [s.rundown.id, s.rundown]));
    for (const slot of programmeSlots(channel, from, to, zone)) {
      if (inForce.length > 0 && !inForce.some((period) => contains(period, slotStart(slot)))) {
        continue;
      }
      const id = rundownId(channel.id, slot);
      const rundown = byId.get(id);
      const status = rundownStatus(rundown, slot, channel, now, {
        minimumSec: minimumLengthSec(channel, served?.plan),
        ...(served ? { source: `${served.plan.id} ${served.task.source}` } : {}),
      });
      out.push({
        channel: channel.id,
        programme: channel.programme,
        rundownId: id,
        ...(rundown ? { state: rundown.state } : {}),
        status,
        text: statusText(channel.programme, status),
      });
    }
  }
  return out;
}

/** The slots that need attention: inside the lead time and short, at risk, or missed. */
export function rundownWarnings(statuses: readonly SlotStatus[]): SlotStatus[] {
  return statuses.filter((s) => ['warning', 'at-risk', 'missed'].includes(s.status.level));
}

/** A slot status as a JSON log record (the daemon's `rundown` line): ids, instants, clause. */
export function warningRecord(s: SlotStatus): Record<string, unknown> {
  return {
    level: 'warn',
    event: 'rundown',
    channel: s.channel,
    rundown: s.rundownId,
    status: s.status.level,
    problems: s.status.problems,
    air: s.status.airAt.toISO(),
    due: s.status.dueAt.toISO(),
    ...(s.status.plannedSec !== undefined ? { plannedSec: s.status.plannedSec } : {}),
    minimumSec: s.status.minimumSec,
    ...(s.status.source !== undefined ? { source: s.status.source } : {}),
    detail: statusText(s.programme, s.status, 'en'),
  };
}
