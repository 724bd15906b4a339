import type { DateTime } from 'luxon';
import { LoaError } from '../errors/loa-error.js';
import type { Rundown, RundownEvent, RundownItem, RundownSegment, RundownState } from './model.js';

/** Who changes the rundown, when, and why. */
export interface RundownActor {
  actor: string;
  /** The instant of the change (from the injected clock). */
  at: DateTime | string;
  reason?: string;
}

/** A rundown after a change of state, and the event that records it. */
export interface RundownTransition {
  rundown: Rundown;
  event: RundownEvent;
}

/**
 * The moves `transitionRundown` makes. `locked → ready` is not here: it is `unlockRundown`,
 * which needs a reason. `aired` is final.
 */
const NEXT: Record<RundownState, readonly RundownState[]> = {
  draft: ['ready'],
  ready: ['draft', 'locked'],
  locked: ['aired'],
  aired: [],
};

function instant(at: DateTime | string): string {
  return typeof at === 'string' ? at : (at.toISO() ?? '');
}

function record(rundown: Rundown, to: RundownState, by: RundownActor): RundownTransition {
  const event: RundownEvent = { from: rundown.state, to, actor: by.actor, at: instant(by.at) };
  if (by.reason !== undefined && by.reason.trim() !== '') event.reason = by.reason.trim();
  return { rundown: { ...rundown, state: to, history: [...rundown.history, event] }, event };
}

/**
 * Moves a rundown along draft → ready → locked → aired (or ready → draft to reopen it) and
 * records the move. Illegal moves, unlocking included, raise `RUNDOWN_TRANSITION`.
 */
export function transitionRundown(
  rundown: Rundown,
  to: RundownState,
  by: RundownActor,
): RundownTransition {
  if (!NEXT[rundown.state].includes(to)) {
    throw new LoaError('RUNDOWN_TRANSITION', {
      params: { id: rundown.id, from: rundown.state, to },
      kind: 'conflict',
    });
  }
  return record(rundown, to, by);
}

/**
 * Unlocks a locked rundown back to `ready`, the only way a locked rundown changes. The
 * reason is required and kept in the event.
 */
export function unlockRundown(rundown: Rundown, by: RundownActor): RundownTransition {
  if (rundown.state !== 'locked') {
    throw new LoaError('RUNDOWN_TRANSITION', {
      params: { id: rundown.id, from: rundown.state, to: 'ready' },
      kind: 'conflict',
    });
  }
  if (by.reason === undefined || by.reason.trim() === '') {
    throw new LoaError('RUNDOWN_UNLOCK_REASON', { params: { id: rundown.id } });
  }
  return record(rundown, 'ready', by);
}

/** Refuses any edit of a locked or aired rundown. */
export function assertEditable(rundown: Rundown): void {
  if (rundown.state === 'locked' || rundown.state === 'aired') {
    throw new LoaError('RUNDOWN_NOT_EDITABLE', {
      params: { id: rundown.id, state: rundown.state },
      kind: 'conflict',
    });
  }
}

/** Applies an edit to the segments of a draft or ready rundown; locked and aired refuse it. */
export function reviseRundown(
  rundown: Rundown,
  revise: (segments: readonly RundownSegment[]) => RundownSegment[],
): Rundown {
  assertEditable(rundown);
  return { ...rundown, segments: revise(rundown.segments) };
}

/** Changes the item with a slug (planned time, presenter, notes, floated…). */
export function updateItem(
  rundown: Rundown,
  slug: string,
  patch: Partial<Omit<RundownItem, 'slug' | 'itemId'>>,
): Rundown {
  let found = false;
  const next = reviseRundown(rundown, (segments) =>
    segments.map((segment) => ({
      ...segment,
      items: segment.items.map((item) => {
        if (item.slug !== slug) return item;
        found = true;
        return { ...item, ...patch };
      }),
    })),
  );
  if (!found) {
    throw new LoaError('RUNDOWN_ITEM_UNKNOWN', {
      params: { id: rundown.id, slug },
      kind: 'not-found',
    });
  }
  return next;
}

/** Floats or unfloats an item: a floated item stays in the order but does not count. */
export function setFloated(rundown: Rundown, slug: string, floated: boolean): Rundown {
  return updateItem(rundown, slug, { floated });
}

/**
 * Moves the item with a slug to a position (0-based) of the running order, floated items
 * counted. It joins the segment of the item it lands after (the first item's segment at the
 * top), so a story moved across a boundary changes segment, as in a newsroom running order.
 */
export function moveItem(rundown: Rundown, slug: string, to: number): Rundown {
  return reviseRundown(rundown, (segments) => {
    const flat = segments.flatMap((segment, s) => segment.items.map((item) => ({ s, item })));
    const from = flat.findIndex((entry) => entry.item.slug === slug);
    const moving = flat[from];
    if (!moving) {
      throw new LoaError('RUNDOWN_ITEM_UNKNOWN', {
        params: { id: rundown.id, slug },
        kind: 'not-found',
      });
    }
    if (!Number.isInteger(to) || to < 0 || to >= flat.length) {
      throw new LoaError('RUNDOWN_POSITION_INVALID', {
        params: { id: rundown.id, position: to + 1, count: flat.length },
      });
    }
    flat.splice(from, 1);
    flat.splice(to, 0, moving);
    const before = flat[to - 1] ?? flat[to + 1];
    moving.s = before?.s ?? moving.s;
    return segments.map((segment, s) => ({
      ...segment,
      items: flat.filter((entry) => entry.s === s).map((entry) => entry.item),
    }));
  });
}
