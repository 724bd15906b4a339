import { DateTime } from 'luxon';
import type { BroadcastChannel } from '../model/channel.js';
import type { ContentItem } from '../model/item.js';
import type { Plan } from '../model/plan.js';
import { slugify } from '../text/vietnamese.js';
import { bestFilling, type KnapsackEntry } from './knapsack.js';
import {
  DEFAULT_SEGMENT,
  type Rundown,
  type RundownItem,
  type RundownSegment,
  type RundownSlot,
  rundownId,
} from './model.js';

/** A content item offered to a rundown; `queuedAt` (ISO) dates it for the "older first" rule. */
export type RundownCandidate = ContentItem & { queuedAt?: string };

/** Why an item meant for the channel is not in the rundown. */
export type SkipReason = 'not-approved' | 'no-duration' | 'too-long' | 'left-out';

export interface AssemblyOptions {
  /** Segment of items that name none; default "Tin tức". */
  defaultSegment?: string;
  /** Segments that come first, in this order; the others follow in order of first use. */
  segmentOrder?: readonly string[];
}

/** A built rundown and what the editor should know about how it was filled. */
export interface RundownAssembly {
  rundown: Rundown;
  totalSec: number;
  minimumSec: number;
  /** Sum of the priorities of the chosen items. */
  priority: number;
  /** No filling reaches the minimum, even with the evergreen reserve. */
  belowMinimum: boolean;
  /** Approved material was short and evergreen items topped it up. */
  toppedUp: boolean;
  evergreenUsed: string[];
  /** Focus topics of the plan the chosen items carry. */
  focusCovered: string[];
  skipped: { itemId: string; reason: SkipReason }[];
}

/**
 * The least a programme of the channel must last: the channel's `minLengthSec` or the
 * largest `minDurationSec` of the plan's tasks the channel serves, whichever is more.
 */
export function minimumLengthSec(channel: BroadcastChannel, plan: Plan | undefined): number {
  const served = new Set(
    channel.serves.filter((s) => plan !== undefined && s.plan === plan.id).flatMap((s) => s.tasks),
  );
  const fromTasks = (plan?.tasks ?? [])
    .filter((task) => served.has(task.id))
    .map((task) => task.rule.minDurationSec ?? 0);
  return Math.max(channel.minLengthSec, ...fromTasks);
}

// NOTE: an instant with an explicit offset (`queuedAt` from the store) is read by Date.parse:
// luxon costs ~20 µs a parse, most of a 500-candidate assembly. Local times go through luxon.
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** When a candidate was queued (or is meant to go out), in epoch ms; unknown is newest. */
function ageMillis(candidate: RundownCandidate, zone: string): number {
  const text = candidate.queuedAt ?? candidate.publishAt;
  if (text === undefined) return Number.POSITIVE_INFINITY;
  const iso = text.replace(' ', 'T');
  const millis = WITH_OFFSET.test(iso)
    ? Date.parse(iso)
    : DateTime.fromISO(iso, { zone, setZone: true }).toMillis();
  return Number.isNaN(millis) ? Number.POSITIVE_INFINITY : millis;
}

/** Age score per candidate: the oldest gets n − 1, the newest 0 (ties broken by id). */
function ageScores(
  pool: readonly RundownCandidate[],
  millis: ReadonlyMap<string, number>,
): Map<string, number> {
  const order = pool
    .map((c) => ({ id: c.id, at: millis.get(c.id) ?? Number.POSITIVE_INFINITY }))
    .sort((a, b) => (a.at === b.at ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.at - b.at));
  return new Map(order.map((c, rank) => [c.id, order.length - 1 - rank]));
}

function toItem(candidate: RundownCandidate, slug: string): RundownItem {
  const item: RundownItem = {
    slug,
    itemId: candidate.id,
    title: candidate.title,
    plannedSec: candidate.durationSec ?? 0,
    notes: candidate.body.trim(),
    floated: false,
    media: candidate.media.map((m) => ({ ...m })),
    priority: candidate.priority,
    topics: [...candidate.topics],
    evergreen: candidate.evergreen,
  };
  if (candidate.presenter !== undefined) item.presenter = candidate.presenter;
  return item;
}

function uniqueSlug(title: string, fallback: string, used: Set<string>): string {
  const base = slugify(title, 60) || fallback;
  let slug = base;
  for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
  used.add(slug);
  return slug;
}

function groupSegments(
  chosen: readonly RundownCandidate[],
  options: AssemblyOptions,
): RundownSegment[] {
  const fallback = options.defaultSegment ?? DEFAULT_SEGMENT;
  const titles = [...(options.segmentOrder ?? [])];
  const bySegment = new Map<string, RundownCandidate[]>();
  for (const c of chosen) {
    const title = c.segment ?? fallback;
    if (!titles.includes(title)) titles.push(title);
    bySegment.set(title, [...(bySegment.get(title) ?? []), c]);
  }
  const used = new Set<string>();
  return titles
    .filter((title) => bySegment.has(title))
    .map((title) => {
      const items = (bySegment.get(title) ?? []).map((c) =>
        toItem(c, uniqueSlug(c.title, c.id, used)),
      );
      return { title, targetSec: items.reduce((s, i) => s + i.plannedSec, 0), items };
    });
}

/**
 * Fills one slot of a broadcast channel from approved items meant for it (`channels` names
 * the channel, `status: approved`, a `durationSec`).
 *
 * What is exact (a 0/1 knapsack by dynamic programming over whole seconds, `bestFilling`):
 * among all subsets whose total lies in [minimum, slot length], the chosen one has
 * 1. the greatest total priority, then
 * 2. the most items that carry at least one focus topic of the plan, then
 * 3. the greatest sum of age scores (the oldest of n candidates scores n − 1, the newest 0),
 * then the larger total. Distinct focus-topic coverage is NOT maximised exactly (that is a
 * set function; an exact DP over covered subsets is exponential in the number of focus
 * topics): two items on one focus topic tie with two items on two focus topics.
 *
 * Evergreen items are a reserve, used only when the other approved items cannot reach the
 * minimum; the top-up then maximises (fresh priority, reserve priority, focus items, age),
 * so no fresh priority is given up for the reserve. When nothing reaches the minimum the
 * longest filling under the slot is returned and `belowMinimum` says so.
 * Segments follow the items' `segment` (default "Tin tức"): `segmentOrder` first, then in
 * order of first use; items by priority, then oldest first.
 */
export function buildRundown(
  channel: BroadcastChannel,
  slot: RundownSlot,
  candidates: readonly RundownCandidate[],
  plan: Plan | undefined,
  options: AssemblyOptions = {},
): RundownAssembly {
  const zone = plan?.timeZone ?? slot.zone;
  const minimumSec = minimumLengthSec(channel, plan);
  const focus = new Set((plan?.topics ?? []).filter((t) => t.focus).map((t) => t.id));
  const skipped: RundownAssembly['skipped'] = [];
  const usable: RundownCandidate[] = [];
  for (const c of candidates) {
    if (!c.channels.includes(channel.id)) continue;
    if (c.status !== 'approved') skipped.push({ itemId: c.id, reason: 'not-approved' });
    else if (c.durationSec === undefined) skipped.push({ itemId: c.id, reason: 'no-duration' });
    else if (c.durationSec > slot.lengthSec) skipped.push({ itemId: c.id, reason: 'too-long' });
    else usable.push(c);
  }
  const millis = new Map(usable.map((c) => [c.id, ageMillis(c, zone)]));
  const fresh = usable.filter((c) => !c.evergreen);
  const reserve = usable.filter((c) => c.evergreen);
  const carriesFocus = (c: RundownCandidate) => (c.topics.some((t) => focus.has(t)) ? 1 : 0);

  const solve = (pool: RundownCandidate[], withReserve: boolean) => {
    const age = ageScores(pool, millis);
    const entries: KnapsackEntry[] = pool.map((c) => {
      const tail = [carriesFocus(c), age.get(c.id) ?? 0];
      if (!withReserve) return { size: c.durationSec ?? 0, value: [c.priority, ...tail] };
      const [freshP, reserveP] = c.evergreen ? [0, c.priority] : [c.priority, 0];
      return { size: c.durationSec ?? 0, value: [freshP, reserveP, ...tail] };
    });
    const filling = bestFilling(entries, slot.lengthSec, minimumSec);
    return { filling, chosen: filling.chosen.map((i) => pool[i] as RundownCandidate) };
  };

  let { filling, chosen } = solve(fresh, false);
  let toppedUp = false;
  if (!filling.reachedMinimum && reserve.length > 0) {
    ({ filling, chosen } = solve([...fresh, ...reserve], true));
    toppedUp = chosen.some((c) => c.evergreen);
  }
  const age = ageScores(chosen, millis);
  const ordered = [...chosen].sort(
    (a, b) => b.priority - a.priority || (age.get(b.id) ?? 0) - (age.get(a.id) ?? 0),
  );
  const picked = new Set(chosen.map((c) => c.id));
  for (const c of fresh) if (!picked.has(c.id)) skipped.push({ itemId: c.id, reason: 'left-out' });

  const rundown: Rundown = {
    id: rundownId(channel.id, slot),
    channelId: channel.id,
    station: channel.station,
    programme: channel.programme,
    slot: { ...slot },
    minimumSec,
    state: 'draft',
    segments: groupSegments(ordered, options),
    history: [],
  };
  return {
    rundown,
    totalSec: filling.total,
    minimumSec,
    priority: chosen.reduce((s, c) => s + c.priority, 0),
    belowMinimum: !filling.reachedMinimum,
    toppedUp,
    evergreenUsed: chosen.filter((c) => c.evergreen).map((c) => c.id),
    focusCovered: [...focus].filter((t) => chosen.some((c) => c.topics.includes(t))).sort(),
    skipped,
  };
}
