import type { Rundown } from '../../broadcast/model.js';
import { moveItem, setFloated } from '../../broadcast/state.js';
import { saveRundown } from '../../broadcast/store.js';
import { LoaError } from '../../errors/loa-error.js';
import { toStored } from '../../model/instant.js';
import {
  type BroadcastContext,
  broadcastChannel,
  periodOf,
  pickSlots,
  slotsOf,
  zoneOf,
} from './service-context.js';
import { mustLoad } from './service-state.js';

/** A change of one story of a rundown: move it up, down, to a position, float or unfloat it. */
export type StoryEdit =
  | { kind: 'up' | 'down' | 'float' | 'unfloat' }
  | { kind: 'to' /** 0-based position in the running order. */; position: number };

/** What `editStory` asks for: the slot's rundown (slot n of the week) and the story. */
export interface StoryEditRequest {
  channel: string;
  period: string;
  slot: string;
  slug: string;
  edit: StoryEdit;
}

function apply(rundown: Rundown, slug: string, edit: StoryEdit): Rundown {
  if (edit.kind === 'float' || edit.kind === 'unfloat') {
    return setFloated(rundown, slug, edit.kind === 'float');
  }
  const order = rundown.segments.flatMap((s) => s.items.map((i) => i.slug));
  const at = order.indexOf(slug);
  if (at < 0) {
    throw new LoaError('RUNDOWN_ITEM_UNKNOWN', {
      params: { id: rundown.id, slug },
      kind: 'not-found',
    });
  }
  const to = edit.kind === 'to' ? edit.position : edit.kind === 'up' ? at - 1 : at + 1;
  return moveItem(rundown, slug, to);
}

/**
 * Reorders or floats one story of a draft or ready rundown, in one transaction (a locked or
 * aired one refuses: RUNDOWN_NOT_EDITABLE). The state does not change, so no event is added;
 * timing is recomputed from the stored document wherever it is shown.
 */
export async function editStory(
  ctx: BroadcastContext,
  request: StoryEditRequest,
): Promise<Rundown> {
  const channel = broadcastChannel(ctx.planning.channels, request.channel);
  const zone = zoneOf(channel, ctx.planning);
  const [picked] = pickSlots(slotsOf(channel, periodOf(request.period, zone), zone), request.slot, {
    channel: channel.id,
    period: request.period,
  });
  if (!picked) {
    throw new LoaError('RUNDOWN_NO_SLOTS', {
      params: { channel: channel.id, period: request.period },
    });
  }
  const at = toStored(ctx.now);
  return ctx.store.transaction(async (tx) => {
    const current = await mustLoad(tx, channel.id, picked.slot, request.period);
    const next = apply(current, request.slug.normalize('NFC'), request.edit);
    await saveRundown(tx, next, [], at);
    return next;
  });
}
