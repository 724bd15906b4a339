import type { Channel } from '../../model/channel.js';
import { hasCapability } from '../../model/channel-kinds.js';
import { addFollowUp, followUpsOf, supersedeFollowUps } from '../../store/followups.js';
import { type ItemRow, type PublicationRow, UNAPPROVED } from '../../store/schema.js';
import type { Db } from '../../store/types.js';

/** What follow-up planning looks at: an item as it now stands and its publications. */
export interface FollowUpPlanning {
  item: ItemRow;
  /** The item's publications, as planning read them. */
  publications: readonly PublicationRow[];
  channels: ReadonlyMap<string, Channel>;
  /** UTC ISO. */
  now: string;
}

/**
 * Plans what must follow an item's publications that already went out, inside the caller's
 * transaction (planning runs on every edit, withdrawal and sync):
 * - the item is withdrawn: each live publication gets a `withdraw` (pending edits of it are
 *   superseded: nothing is updated that is about to be taken down);
 * - the item's current version differs from what a live publication carries: an `update` to
 *   that version (an earlier pending update is superseded by it);
 * - the item is back (its file restored) before a pending withdrawal ran: the withdrawal is
 *   superseded.
 * Only item-planned channels (portal, files) follow their items: a bulletin issue or an aired
 * programme is not rewritten after the fact. `publications` are the item's, as planning read
 * them. Returns how many follow-ups were added.
 */
export async function planFollowUps(
  tx: Db,
  { item: row, publications, channels, now }: FollowUpPlanning,
): Promise<number> {
  const live = publications.filter((p) => {
    return p.status === 'published' && hasCapability(channels.get(p.channel_id), 'plannedPerItem');
  });
  if (live.length === 0) return 0;
  const existing = await followUpsOf(
    tx,
    live.map((p) => p.key),
  );
  let added = 0;
  for (const publication of live) {
    const pending = existing.filter(
      (f) => f.publication_key === publication.key && f.status === 'pending',
    );
    const want = wanted(row, publication);
    const keep = pending.filter(
      (f) => want && f.action === want.action && f.content_hash === want.contentHash,
    );
    await supersedeFollowUps(
      tx,
      pending.filter((f) => !keep.includes(f)).map((f) => f.id),
      now,
    );
    if (!want || keep.length > 0) continue;
    await addFollowUp(tx, { publicationKey: publication.key, ...want, now });
    added += 1;
  }
  return added;
}

function wanted(
  row: ItemRow,
  publication: PublicationRow,
): { action: 'update' | 'withdraw'; itemVersion: number; contentHash: string } | undefined {
  if (row.status === 'withdrawn') {
    return {
      action: 'withdraw',
      itemVersion: publication.item_version,
      contentHash: publication.content_hash,
    };
  }
  if (UNAPPROVED.has(row.status) || row.content_hash === publication.content_hash) return undefined;
  return { action: 'update', itemVersion: row.version, contentHash: row.content_hash };
}
