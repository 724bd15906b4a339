import {
  type Rundown,
  type RundownEvent,
  type RundownSlot,
  rundownId,
  slotStart,
} from '../../broadcast/model.js';
import { type RundownActor, transitionRundown, unlockRundown } from '../../broadcast/state.js';
import { loadRundown, saveRundown } from '../../broadcast/store.js';
import { LoaError } from '../../errors/loa-error.js';
import { toStored } from '../../model/instant.js';
import type { Db } from '../../store/types.js';
import {
  type BroadcastContext,
  broadcastChannel,
  periodOf,
  pickSlots,
  slotsOf,
  zoneOf,
} from './service-context.js';

/** The moves a user asks for by command: ready, lock, unlock. */
export type RundownMove = 'ready' | 'lock' | 'unlock';

/** What `moveRundowns` asks for. */
export interface MoveRequest {
  channel: string;
  period: string;
  slot?: string;
  move: RundownMove;
  /** Why (required to unlock; kept in the history). */
  reason?: string;
}

/** The stored rundown of a slot, or RUNDOWN_NOT_FOUND. */
export async function mustLoad(
  db: Db,
  channelId: string,
  slot: RundownSlot,
  period: string,
): Promise<Rundown> {
  const stored = await loadRundown(db, rundownId(channelId, slot));
  if (!stored) {
    throw new LoaError('RUNDOWN_NOT_FOUND', {
      params: {
        channel: channelId,
        air: slotStart(slot).toFormat('yyyy-MM-dd HH:mm'),
        period,
      },
      kind: 'not-found',
    });
  }
  return stored.rundown;
}

function apply(rundown: Rundown, move: RundownMove, by: RundownActor) {
  switch (move) {
    case 'ready':
      return transitionRundown(rundown, 'ready', by);
    case 'lock':
      return transitionRundown(rundown, 'locked', by);
    case 'unlock':
      return unlockRundown(rundown, by);
  }
}

/**
 * `loa rundown ready|lock|unlock`: moves the rundowns of a period's slots (or of one slot) in
 * one transaction, each move recorded with the actor, the time and the reason. A slot
 * without a rundown, or a move the state machine refuses, fails the whole command.
 */
export async function moveRundowns(
  ctx: BroadcastContext,
  request: MoveRequest,
): Promise<{ n: number; rundown: Rundown; event: RundownEvent }[]> {
  const channel = broadcastChannel(ctx.planning.channels, request.channel);
  const zone = zoneOf(channel, ctx.planning);
  const period = periodOf(request.period, zone);
  const slots = pickSlots(slotsOf(channel, period, zone), request.slot, {
    channel: channel.id,
    period: request.period,
  });
  const at = toStored(ctx.now);
  const by: RundownActor = { actor: ctx.actor, at };
  if (request.reason !== undefined) by.reason = request.reason.normalize('NFC');
  return ctx.store.transaction(async (tx) => {
    const moved: { n: number; rundown: Rundown; event: RundownEvent }[] = [];
    for (const { n, slot } of slots) {
      const current = await mustLoad(tx, channel.id, slot, request.period);
      const { rundown, event } = apply(current, request.move, by);
      await saveRundown(tx, rundown, [event], at);
      moved.push({ n, rundown, event });
    }
    return moved;
  });
}
