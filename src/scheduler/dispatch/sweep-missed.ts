import type { Channel } from '../../model/channel.js';
import { fromStored, toStored } from '../../model/instant.js';
import { markMissed, overduePublications } from '../../store/settlement.js';
import type { Db } from '../../store/types.js';
import { lateDetail } from '../../text/duration.js';
import type { DispatchEvent, DispatcherOptions } from './types.js';

/**
 * Marks missed every publication of a channel whose slot is older than the channel's
 * lateness limit and that no worker ever held (those are reconciled first, when claimed).
 */
export async function sweepMissed(
  options: DispatcherOptions,
  channel: Channel,
  worker: string,
): Promise<DispatchEvent[]> {
  const now = options.clock.now();
  const limit = toStored(now.minus({ minutes: channel.maxLatenessMinutes }));
  const at = toStored(now);
  return options.store.transaction(async (tx: Db) => {
    const overdue = await overduePublications(tx, channel.id, limit);
    const missed = overdue.map((publication) => {
      const late = now.diff(fromStored(publication.slot));
      return { publication, reason: lateDetail(late, channel.maxLatenessMinutes) };
    });
    await markMissed(tx, worker, missed, { actor: `dispatcher:${worker}`, at });
    const events: DispatchEvent[] = missed.map(({ publication, reason }) => ({
      at,
      event: 'missed',
      key: publication.key,
      channel: channel.id,
      item: publication.item_id,
      slot: publication.slot,
      detail: reason,
    }));
    if (events.length > 0) await options.onOutcome?.(tx, events);
    return events;
  });
}
