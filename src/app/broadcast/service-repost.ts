import { resolve } from 'node:path';
import type { Rundown } from '../../broadcast/model.js';
import type { BroadcastChannel } from '../../model/channel.js';
import { toStored } from '../../model/instant.js';
import type { ContentItem } from '../../model/item.js';
import { planItems } from '../../scheduler/plan/items.js';
import { type Actor, findItem, itemVersion, saveItemVersion } from '../../store/items.js';
import { scheduledSlotOf } from '../../store/publications.js';
import type { Db } from '../../store/types.js';
import type { BroadcastContext } from './service-context.js';

/** One aired item queued again on the portal. */
export interface Repost {
  /** The aired content item. */
  item: string;
  /** The queue item made for the portal. */
  repost: string;
  portal: string;
  /** The slot it got (UTC ISO), when the portal's posting schedule gave one. */
  slot?: string;
  /** False when this airing found it already queued (nothing done twice). */
  created: boolean;
}

/** The queue id of an item's repost on a portal: stable, so a second airing finds it. */
export function repostId(itemId: string, portal: string): string {
  return `${itemId}/dang-lai-${portal}`;
}

/** The portal copy of an aired item: the same text and media, for the portal's next free slot. */
function portalCopy(item: ContentItem, id: string, portal: string): ContentItem {
  const {
    publishAt: _publishAt,
    durationSec: _duration,
    segment: _segment,
    presenter: _presenter,
    ...rest
  } = item;
  return {
    ...rest,
    id,
    channels: [portal],
    slot: 'next',
    status: 'approved',
    repost: false,
    evergreen: false,
  };
}

/**
 * Tác phẩm đã phát được đăng lại (seed 003, II.2.b): each aired item of the rundown marked
 * `repost: true` becomes a queue item for the channel's `repostTo` portal, planned by the
 * item planner for the portal's next free posting slot, inside the caller's transaction.
 * Idempotent: an item already reposted there is left alone.
 * NOTE: the copy is an item of its own (source `cli`, path of the original file, so its media
 * resolve) rather than the original with the portal added: `loa sync` rewrites a content item
 * from its file and would drop an added channel, cancelling the repost.
 */
export async function repostAired(
  tx: Db,
  ctx: BroadcastContext,
  channel: BroadcastChannel,
  rundown: Rundown,
  aired: readonly string[],
): Promise<Repost[]> {
  const portal = channel.repostTo;
  if (portal === undefined || !ctx.planning.channels.has(portal)) return [];
  const by: Actor = { actor: ctx.actor, at: toStored(ctx.now) };
  const out: Repost[] = [];
  for (const itemId of aired) {
    const row = await findItem(tx, itemId);
    const item = row ? await itemVersion(tx, itemId, row.version) : undefined;
    if (!row || !item?.repost) continue;
    const id = repostId(itemId, portal);
    if (await findItem(tx, id)) {
      out.push({ item: itemId, repost: id, portal, created: false });
      continue;
    }
    const path = row.source === 'content' ? resolve(ctx.contentDir, row.path) : row.path;
    await saveItemVersion(
      tx,
      { item: portalCopy(item, id, portal), source: 'cli', path, status: 'approved' },
      { ...by, actor: `${ctx.actor} (${rundown.id})` },
    );
    await planItems(tx, { ids: [id], config: ctx.planning, now: ctx.now, by });
    const slot = await scheduledSlotOf(tx, id, portal);
    out.push({
      item: itemId,
      repost: id,
      portal,
      created: true,
      ...(slot !== undefined ? { slot } : {}),
    });
  }
  return out;
}
