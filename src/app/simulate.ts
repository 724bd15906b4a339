import { DateTime } from 'luxon';
import { parseIssueKey } from '../channels/bulletin/model.js';
import { projectDirs } from '../config/project.js';
import { ManualClock } from '../model/clock.js';
import { toStored } from '../model/instant.js';
import { dispatchPass, workerName } from '../scheduler/dispatch/dispatcher.js';
import type { DispatchEvent } from '../scheduler/dispatch/types.js';
import { planBulletins } from '../scheduler/plan/bulletins.js';
import { countScheduledBefore, nextScheduledDue } from '../store/publications.js';
import { buildAdapters, type Session } from './session.js';
import { type BroadcastEvent, broadcastProgramme } from './simulate-broadcast.js';
import { type SyncReport, syncContent } from './sync.js';

/** What a simulation is asked to do. */
export interface SimulateOptions {
  /** First local day (inclusive) and last local day (inclusive), YYYY-MM-DD, in `zone`. */
  from: DateTime;
  to: DateTime;
  /** Use the real adapters of remote channels instead of the files adapter. */
  live?: boolean;
  /** The dispatcher's wake-up interval, seconds (default 30). */
  intervalSec?: number;
  perChannelPerPass?: number;
  actor: string;
  /** Called as the virtual clock moves: simulated milliseconds done of the whole range. */
  onProgress?: (done: number, total: number) => void;
}

/** One thing that happened in a simulation: a dispatch outcome or a programme airing. */
export type SimulationEvent = DispatchEvent | BroadcastEvent;

/** What went out (or was missed, or failed) during a simulation, in order. */
export interface SimulationResult {
  sync: SyncReport;
  events: SimulationEvent[];
  /** Publications still scheduled when the range ended. */
  waiting: number;
}

/**
 * Runs the real planner and dispatcher over a range on a virtual clock, writing to the data
 * directory like a real run. Time jumps from one due publication to the next, landing on the
 * dispatcher's wake-up ticks, so a month takes as long as its publications do. Broadcast
 * channels' weekly programmes are built, readied and aired on the same clock
 * (`broadcastProgramme`), writing their airing evidence as `loa rundown aired` does.
 */
export async function simulate(
  session: Session,
  options: SimulateOptions,
): Promise<SimulationResult> {
  const interval = options.intervalSec ?? 30;
  const end = options.to.plus({ days: 1 }).startOf('day');
  const start = options.from.startOf('day');
  const clock = new ManualClock(start);
  const sync = await syncContent(
    session.store,
    session.project,
    session.config,
    clock.now(),
    options.actor,
  );
  const adapters = buildAdapters(
    session.config.channels.values(),
    options.live ? 'simulate-live' : 'simulate',
    session,
    clock,
  );
  const worker = workerName();
  const events: SimulationEvent[] = [];
  const dispatcher = {
    store: session.store,
    channels: session.config.channels,
    contentDir: projectDirs(session.project.root).content,
    adapters,
    clock,
    worker,
    perChannelPerPass: options.perChannelPerPass,
    onOutcome: session.onOutcome,
    onFollowUp: session.onFollowUp,
    log: (event: DispatchEvent) => {
      if (event.event !== 'waiting' && event.event !== 'released') events.push(event);
    },
  };
  const channelIds = [...adapters.keys()];
  // Bulletin issues of the simulated days, and the portal copies of those that went out.
  const bulletins = {
    dataDir: session.dataDir,
    actor: options.actor,
    range: { start: options.from.startOf('day'), end },
  };
  const planBulletinIssues = async () => {
    const planned = await planBulletins(session.store, session.config, clock.now(), bulletins);
    for (const key of planned.missed) {
      const channel = parseIssueKey(key)?.channel ?? '';
      events.push({
        at: toStored(clock.now()),
        event: 'missed',
        key,
        channel,
        item: key,
        detail: 'empty',
      });
    }
  };
  const programme = broadcastProgramme(session, bulletins.range, options.actor);
  while (clock.now() < end) {
    events.push(...(await programme.step(clock.now())));
    await planBulletinIssues();
    await dispatchPass(dispatcher);
    await planBulletinIssues();
    const due = await nextScheduledDue(session.store, channelIds);
    const now = clock.now();
    let target = due ? DateTime.fromISO(due, { zone: 'utc' }) : end;
    const broadcastAt = programme.nextAt(now);
    if (broadcastAt && broadcastAt < target) target = broadcastAt;
    if (target <= now) target = now.plus({ seconds: interval });
    // Land on the next wake-up tick at or after the due instant, as the daemon would.
    const ticks = Math.ceil(target.toSeconds() / interval);
    target = DateTime.fromSeconds(ticks * interval, { zone: 'utc' });
    if (target >= end) break;
    clock.set(target);
    options.onProgress?.(target.toMillis() - start.toMillis(), end.toMillis() - start.toMillis());
  }
  const whole = end.toMillis() - start.toMillis();
  options.onProgress?.(whole, whole);
  const waiting = await countScheduledBefore(session.store, toStored(end));
  return { sync, events, waiting };
}
