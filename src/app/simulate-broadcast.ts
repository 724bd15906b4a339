import { DateTime } from 'luxon';
import { rundownId } from '../broadcast/model.js';
import { programmeSlots } from '../broadcast/slots.js';
import { loadRundown } from '../broadcast/store.js';
import { computeTiming } from '../broadcast/timing.js';
import type { Range } from '../calendar/period.js';
import { projectDirs } from '../config/project.js';
import type { BroadcastChannel } from '../model/channel.js';
import { hasCapability } from '../model/channel-kinds.js';
import { toStored } from '../model/instant.js';
import type { DispatchEvent } from '../scheduler/dispatch/types.js';
import { recordAsRun } from './broadcast/service-as-run.js';
import { buildWeek } from './broadcast/service-build.js';
import { type BroadcastContext, periodOf, slotsOf, zoneOf } from './broadcast/service-context.js';
import { moveRundowns } from './broadcast/service-state.js';
import type { Session } from './session.js';

/**
 * What the simulation did with a broadcast slot: aired (compliant), aired below the
 * programme's minimum (recorded non-compliant), or missed (nothing to air).
 */
export interface BroadcastEvent extends Omit<DispatchEvent, 'event'> {
  event: 'aired' | 'aired-short' | 'missed';
}

/** One airing of a broadcast programme in the range, and when its two steps fall due. */
interface ProgrammeSlot {
  channel: BroadcastChannel;
  /** ISO week label of the slot (`2024-W10`) and its 1-based number in that week. */
  week: string;
  n: number;
  id: string;
  /** Lead time before air, not before the range's start: build and mark ready. */
  buildAt: DateTime;
  /** Air time: lock, then record the as-run. */
  airAt: DateTime;
  built: boolean;
  aired: boolean;
}

/** Drives the weekly programmes of a simulation: call `step` at each virtual instant. */
export interface BroadcastProgramme {
  /** Builds, readies and airs every slot whose time has come; returns what aired. */
  step(now: DateTime): Promise<BroadcastEvent[]>;
  /** The next instant after `now` at which something falls due (undefined: nothing left). */
  nextAt(now: DateTime): DateTime | undefined;
}

/** Every slot of the session's broadcast channels that airs inside the range, in time order. */
function slotsIn(session: Session, range: Range): ProgrammeSlot[] {
  const out: ProgrammeSlot[] = [];
  for (const channel of session.config.channels.values()) {
    if (!hasCapability(channel, 'airs')) continue;
    const zone = zoneOf(channel, session.config);
    // The slots of each week, worked out once a week rather than once a slot.
    const weeks = new Map<string, ReturnType<typeof slotsOf>>();
    for (const slot of programmeSlots(channel, range.start, range.end, zone)) {
      const airAt = DateTime.fromISO(slot.start, { setZone: true }).setZone(zone);
      const week = airAt.toFormat("kkkk-'W'WW");
      let inWeek = weeks.get(week);
      if (inWeek === undefined) {
        inWeek = slotsOf(channel, periodOf(week, zone), zone);
        weeks.set(week, inWeek);
      }
      const n = inWeek.find((s) => s.slot.start === slot.start)?.n ?? 1;
      const lead = airAt.minus({ hours: channel.leadTimeHours });
      const buildAt = lead < range.start ? range.start : lead;
      const id = rundownId(channel.id, slot);
      out.push({ channel, week, n, id, buildAt, airAt, built: false, aired: false });
    }
  }
  return out.sort((a, b) => a.airAt.toMillis() - b.airAt.toMillis());
}

/**
 * The broadcast side of `loa simulate`: for each broadcast channel's slot inside the range,
 * at the lead time before air (not before the range starts) the week's rundown is built from
 * the approved items in the store (`buildWeek`) and marked ready; at air time it is locked
 * and the as-run recorded with the planned start and the rundown's planned total, through
 * `recordAsRun`, so the `airing` evidence entry is written exactly as `loa rundown aired`
 * writes it. An aired rundown is final: simulating the range again skips it.
 *
 * NOTE: a rundown below the programme's minimum is still aired with what it has and recorded
 * non-compliant (`aired-short`), as a real station airing a short show would be; an empty
 * rundown (nothing counted) is not aired at all and reported `missed`, so no evidence entry
 * claims an airing that carried nothing.
 */
export function broadcastProgramme(
  session: Session,
  range: Range,
  actor: string,
): BroadcastProgramme {
  const slots = slotsIn(session, range);
  const context = (now: DateTime): BroadcastContext => ({
    store: session.store,
    plans: session.project.plans.map((p) => p.value),
    planning: session.config,
    contentDir: projectDirs(session.project.root).content,
    now,
    actor,
  });
  const request = (s: ProgrammeSlot) => ({
    channel: s.channel.id,
    period: s.week,
    slot: String(s.n),
  });

  /** Builds the slot's rundown when there is none or a draft, and marks it ready. */
  async function prepare(s: ProgrammeSlot, now: DateTime): Promise<void> {
    const ctx = context(now);
    const state = (await loadRundown(session.store, s.id))?.rundown.state;
    if (state === undefined || state === 'draft') await buildWeek(ctx, request(s));
    const after = (await loadRundown(session.store, s.id))?.rundown;
    if (after?.state === 'draft' && computeTiming(after).plannedSec > 0) {
      await moveRundowns(ctx, { ...request(s), move: 'ready' });
    }
    s.built = true;
  }

  /** Locks and airs the slot's rundown; undefined when it had aired already. */
  async function air(s: ProgrammeSlot, now: DateTime): Promise<BroadcastEvent | undefined> {
    s.aired = true;
    const stored = (await loadRundown(session.store, s.id))?.rundown;
    if (stored?.state === 'aired') return undefined;
    const ctx = context(now);
    const base = {
      at: toStored(now),
      key: s.id,
      channel: s.channel.id,
      item: s.id,
      slot: toStored(s.airAt),
    };
    const plannedSec = stored ? computeTiming(stored).plannedSec : 0;
    if (!stored || plannedSec === 0) return { ...base, event: 'missed', detail: 'empty' };
    if (stored.state === 'draft') await moveRundowns(ctx, { ...request(s), move: 'ready' });
    if (stored.state !== 'locked') await moveRundowns(ctx, { ...request(s), move: 'lock' });
    const result = await recordAsRun(ctx, {
      ...request(s),
      start: s.airAt.toFormat("yyyy-MM-dd'T'HH:mmZZ"),
      durationSec: plannedSec,
    });
    const short = result.problems.includes('too-short');
    return {
      ...base,
      event: short ? 'aired-short' : 'aired',
      ...(result.problems.length > 0 ? { detail: result.problems.join(', ') } : {}),
    };
  }

  return {
    async step(now) {
      const events: BroadcastEvent[] = [];
      for (const s of slots) {
        if (!s.built && s.buildAt <= now) await prepare(s, now);
        if (!s.aired && s.airAt <= now) {
          const event = await air(s, now);
          if (event) events.push(event);
        }
      }
      return events;
    },
    nextAt(now) {
      let next: DateTime | undefined;
      for (const s of slots) {
        for (const [done, at] of [
          [s.built, s.buildAt],
          [s.aired, s.airAt],
        ] as const) {
          if (!done && at > now && (!next || at < next)) next = at;
        }
      }
      return next;
    },
  };
}
