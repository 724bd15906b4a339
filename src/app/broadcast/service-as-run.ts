import type { DateTime } from 'luxon';
import { itemsInOrder, type Rundown, type RundownEvent, slotStart } from '../../broadcast/model.js';
import { transitionRundown } from '../../broadcast/state.js';
import { asRunsOf, saveAsRun, saveRundown } from '../../broadcast/store.js';
import { LoaError } from '../../errors/loa-error.js';
import { appendEvidence } from '../../evidence/log.js';
import type { BroadcastChannel } from '../../model/channel.js';
import { toStored } from '../../model/instant.js';
import { minutesOfDay } from '../../model/primitives.js';
import { LOCKS, lockFor } from '../../store/locks.js';
import type { Db } from '../../store/types.js';
import { parseWhen } from '../queue.js';
import {
  type BroadcastContext,
  broadcastChannel,
  periodOf,
  pickSlots,
  type ServedTask,
  servedTask,
  slotsOf,
  zoneOf,
} from './service-context.js';
import { type Repost, repostAired } from './service-repost.js';
import { mustLoad } from './service-state.js';

/** Why an airing does not count for the plan. */
export type AsRunProblem = 'too-short' | 'outside-prime-time' | 'audio-mismatch';

/** What `recordAsRun` asks for. */
export interface AsRunRequest {
  channel: string;
  period: string;
  /** `--slot <n>`; without it, the slot on the day of `start` (else the first). */
  slot?: string;
  /** Local time in the plan's zone (`2024-03-08T20:00`) or with an offset. */
  start?: string;
  durationSec?: number;
  /** `--item <slug>`: what one item of the rundown actually ran. */
  item?: string;
  /** SHA-256 of the audio file the speaker platform played (as-run import, issue 16). */
  playedSha256?: string;
}

/** What was recorded. */
export interface AsRunResult {
  rundown: Rundown;
  start: DateTime;
  durationSec: number;
  /** Set for the programme's airing (not for one item). */
  compliant?: boolean;
  problems: AsRunProblem[];
  evidenceIndex?: number;
  reposts: Repost[];
  item?: string;
}

/** Checks an airing against the minimum length and the prime-time window(s). */
export function asRunProblems(
  start: DateTime,
  durationSec: number,
  minimumSec: number,
  windows: readonly { from: string; to: string }[],
): AsRunProblem[] {
  const problems: AsRunProblem[] = [];
  if (durationSec < minimumSec) problems.push('too-short');
  const begin = start.hour * 60 + start.minute + start.second / 60;
  const end = begin + durationSec / 60;
  const outside = windows.some((w) => {
    const from = minutesOfDay(w.from);
    const to = minutesOfDay(w.to);
    return begin < from || begin >= to || end > to;
  });
  if (outside) problems.push('outside-prime-time');
  return problems;
}

function windowsOf(channel: BroadcastChannel, served: ServedTask | undefined) {
  return [channel.primeTime, served?.task.rule.window].filter(
    (w): w is { from: string; to: string } => w !== undefined,
  );
}

/**
 * `loa rundown aired`: records what went on air. With `item`, the length one item ran (kept
 * until the programme is confirmed). Without, the programme's airing: its length (`--duration`,
 * else the sum of the recorded items), checked against the minimum and prime time; the
 * rundown becomes aired (a ready one is locked first; both moves recorded); an `airing`
 * evidence entry (compliant or not, with the reason) is appended in the same transaction as
 * the as-run record; aired items marked `repost` are queued on the portal. An aired rundown
 * is final: recording it again is refused and queues nothing.
 */
export async function recordAsRun(
  ctx: BroadcastContext,
  request: AsRunRequest,
): Promise<AsRunResult> {
  const prepared = prepareAsRun(ctx, request);
  return ctx.store.transaction((tx) => recordPrepared(tx, ctx, prepared));
}

/**
 * Several airings (a speaker platform's as-run import) in one transaction: all are recorded,
 * or, when one is refused, none. `refused` turns the error of the request at an index into the
 * error to throw (naming the file and line it came from).
 */
export async function recordAsRuns(
  ctx: BroadcastContext,
  requests: readonly AsRunRequest[],
  refused: (index: number, error: unknown) => unknown = (_, error) => error,
): Promise<AsRunResult[]> {
  const prepared = requests.map((request, i) => {
    try {
      return prepareAsRun(ctx, request);
    } catch (error) {
      throw refused(i, error);
    }
  });
  return ctx.store.transaction(async (tx) => {
    const results: AsRunResult[] = [];
    for (const [i, one] of prepared.entries()) {
      try {
        results.push(await recordPrepared(tx, ctx, one));
      } catch (error) {
        throw refused(i, error);
      }
    }
    return results;
  });
}

type PreparedAsRun = ReturnType<typeof prepareAsRun>;

/** What an as-run needs from the plan before the transaction: the channel, slot, start. */
function prepareAsRun(ctx: BroadcastContext, request: AsRunRequest) {
  const channel = broadcastChannel(ctx.planning.channels, request.channel);
  const zone = zoneOf(channel, ctx.planning);
  const period = periodOf(request.period, zone);
  const slots = slotsOf(channel, period, zone);
  const startAt = request.start === undefined ? undefined : parseWhen(request.start, zone);
  const sameDay = slots.filter((s) => slotStart(s.slot).hasSame(startAt ?? ctx.now, 'day'));
  const where = { channel: channel.id, period: request.period };
  const picked =
    request.slot !== undefined
      ? pickSlots(slots, request.slot, where)[0]
      : (sameDay[0] ?? slots[0]);
  if (!picked) {
    throw new LoaError('RUNDOWN_SLOT_UNKNOWN', {
      params: { ...where, slot: '1', count: 0 },
      kind: 'not-found',
    });
  }
  return { request, channel, zone, startAt, picked, served: servedTask(channel, ctx.plans) };
}

async function recordPrepared(
  tx: Db,
  ctx: BroadcastContext,
  { request, channel, zone, startAt, picked, served }: PreparedAsRun,
): Promise<AsRunResult> {
  const at = toStored(ctx.now);
  await lockFor(tx, LOCKS.planning);
  let rundown = await mustLoad(tx, channel.id, picked.slot, request.period);
  if (rundown.state === 'aired') {
    const last = rundown.history.at(-1);
    throw new LoaError('RUNDOWN_ALREADY_AIRED', {
      params: { id: rundown.id, at: last?.at ?? '-' },
    });
  }
  const start = (startAt ?? slotStart(picked.slot)).setZone(zone);
  if (request.item !== undefined) {
    const slug = request.item;
    if (!itemsInOrder(rundown).some(({ item }) => item.slug === slug)) {
      throw new LoaError('RUNDOWN_ITEM_UNKNOWN', {
        params: { id: rundown.id, slug },
        kind: 'not-found',
      });
    }
    const durationSec = mustDuration(request.durationSec, rundown.id);
    await saveAsRun(tx, {
      rundownId: rundown.id,
      itemSlug: slug,
      start: toStored(start),
      durationSec,
      compliant: true,
      reasons: [],
      actor: ctx.actor,
      recordedAt: at,
    });
    return { rundown, start, durationSec, problems: [], reposts: [], item: slug };
  }
  if (startAt === undefined) {
    throw new LoaError('OPTION_INVALID', {
      params: { option: '--start', value: '', expected: '2024-03-08T20:00' },
    });
  }
  const itemRuns = (await asRunsOf(tx, rundown.id)).filter((r) => r.item_slug !== '');
  const durationSec =
    request.durationSec ??
    mustDuration(
      itemRuns.length > 0 ? itemRuns.reduce((s, r) => s + r.duration_sec, 0) : undefined,
      rundown.id,
    );
  const problems = asRunProblems(
    start,
    durationSec,
    rundown.minimumSec,
    windowsOf(channel, served),
  );
  if (request.playedSha256 !== undefined && request.playedSha256 !== rundown.audio?.sha256) {
    problems.push('audio-mismatch');
  }
  const events: RundownEvent[] = [];
  const by = { actor: ctx.actor, at };
  if (rundown.state === 'ready') {
    const locked = transitionRundown(rundown, 'locked', { ...by, reason: 'as-run' });
    rundown = locked.rundown;
    events.push(locked.event);
  }
  const aired = transitionRundown(rundown, 'aired', by);
  rundown = aired.rundown;
  events.push(aired.event);
  const airedItems = itemsInOrder(rundown)
    .filter(({ item }) =>
      itemRuns.length > 0 ? itemRuns.some((r) => r.item_slug === item.slug) : !item.floated,
    )
    .map(({ item }) => item);
  const topics = [...new Set(airedItems.flatMap((i) => i.topics))].sort();
  const evidence = await appendEvidence(tx, {
    kind: 'airing',
    ...(served ? { plan: served.plan.id, task: served.task.id } : {}),
    unit: channel.unit,
    channel: channel.id,
    channelKind: channel.kind,
    time: toStored(start),
    durationSec,
    actor: ctx.actor,
    compliant: problems.length === 0,
    key: rundown.id,
    ...(topics.length > 0 ? { topics } : {}),
    ...(problems.length > 0 ? { note: problems.join(', ') } : {}),
    ...audioFields(rundown),
    ...(request.playedSha256 !== undefined ? { audioPlayedSha256: request.playedSha256 } : {}),
  });
  await saveAsRun(tx, {
    rundownId: rundown.id,
    itemSlug: '',
    start: toStored(start),
    durationSec,
    compliant: problems.length === 0,
    reasons: problems,
    actor: ctx.actor,
    recordedAt: at,
    evidenceIndex: evidence.index,
  });
  await saveRundown(tx, rundown, events, at);
  const reposts = await repostAired(
    tx,
    ctx,
    channel,
    rundown,
    airedItems.map((i) => i.itemId),
  );
  return {
    rundown,
    start,
    durationSec,
    compliant: problems.length === 0,
    problems,
    evidenceIndex: evidence.index,
    reposts,
  };
}

/** The scheduled audio of a built programme, for its airing's evidence (issue 16). */
export function audioFields(rundown: Rundown) {
  if (!rundown.audio) return {};
  return {
    audioSha256: rundown.audio.sha256,
    audioDurationSec: rundown.audio.durationSec,
    audioLufs: rundown.audio.loudnessLufs,
  };
}

function mustDuration(value: number | undefined, id: string): number {
  if (value === undefined) throw new LoaError('RUNDOWN_AS_RUN_DURATION', { params: { id } });
  return value;
}
