import type { DateTime } from 'luxon';
import { broadcastSlotsIn } from '../calendar/slots.js';
import type { BroadcastChannel } from '../model/channel.js';
import { DEFAULT_ZONE } from '../model/primitives.js';
import { type RundownSlot, rundownSlot } from './model.js';

/**
 * Every airing of a broadcast channel's weekly slots that starts in [from, to), in order, as
 * plain rundown slots read in a zone (default Asia/Ho_Chi_Minh).
 */
export function programmeSlots(
  channel: Pick<BroadcastChannel, 'slots'>,
  from: DateTime,
  to: DateTime,
  zone: string = DEFAULT_ZONE,
): RundownSlot[] {
  return broadcastSlotsIn(channel, { start: from, end: to }, zone).map((airing) =>
    rundownSlot(airing.start, airing.lengthSec, zone),
  );
}
