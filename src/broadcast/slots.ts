import { DateTime } from 'luxon';
import type { BroadcastChannel } from '../channels/schema.js';
import { DEFAULT_ZONE, weekdayNumber } from '../config/primitives.js';
import { type RundownSlot, rundownSlot } from './model.js';

/**
 * Every airing of a broadcast channel's weekly slots that starts in [from, to), in order,
 * read in a zone (default Asia/Ho_Chi_Minh). Local wall-clock times are resolved by luxon.
 */
export function programmeSlots(
  channel: Pick<BroadcastChannel, 'slots'>,
  from: DateTime,
  to: DateTime,
  zone: string = DEFAULT_ZONE,
): RundownSlot[] {
  const out: { at: DateTime; lengthSec: number }[] = [];
  let day = from.setZone(zone).startOf('day');
  while (day < to) {
    for (const slot of channel.slots) {
      if (weekdayNumber(slot.weekday) !== day.weekday) continue;
      const [hour, minute] = slot.start.split(':').map(Number);
      const at = DateTime.fromObject(
        { year: day.year, month: day.month, day: day.day, hour, minute },
        { zone },
      );
      if (at >= from && at < to) out.push({ at, lengthSec: slot.lengthSec });
    }
    day = day.plus({ days: 1 }).startOf('day');
  }
  return out
    .sort((a, b) => a.at.toMillis() - b.at.toMillis())
    .map(({ at, lengthSec }) => rundownSlot(at, lengthSec, zone));
}
