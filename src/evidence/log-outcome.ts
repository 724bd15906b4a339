import type { Kysely } from 'kysely';
import type { Channel } from '../channels/schema.js';
import type { OutcomeHook } from '../scheduler/dispatch-types.js';
import type { Engine } from '../store/migrations.js';
import type { Database } from '../store/schema.js';
import { appendEvidence, type EvidenceInput } from './log.js';

/** Outcomes that leave a publication entry in the log. */
const RECORDED = new Set(['published', 'reconciled']);

/**
 * The dispatcher's `onOutcome`: a publication that went out (published, or found again by
 * reconcile) appends a `publication` entry (`bulletin-issue` for an e-bulletin issue) in the transaction that records it, with the
 * channel, its kind and unit, the item, the publication key, the instant it went out, its URL
 * or external id, the content hash that was sent and the item's topics.
 *
 * NOTE: failed, missed and cancelled publications are NOT logged as evidence: nothing was
 * carried out, the audit would have to filter them out again, and their history already sits
 * in `publication_attempts`. The log holds what happened, not what did not.
 */
export function evidenceOnOutcome(
  engine: Engine,
  channels: ReadonlyMap<string, Channel>,
  actor = 'dispatcher',
): OutcomeHook {
  return async (tx, event) => {
    if (!RECORDED.has(event.event) || !event.key) return;
    await appendEvidence(tx, engine, await publicationEvidence(tx, event.key, channels, actor));
  };
}

/** The evidence of one settled publication, read inside the transaction that settled it. */
export async function publicationEvidence(
  tx: Kysely<Database>,
  key: string,
  channels: ReadonlyMap<string, Channel>,
  actor: string,
): Promise<EvidenceInput> {
  const row = await tx
    .selectFrom('publications')
    .selectAll()
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  const version = await tx
    .selectFrom('item_versions')
    .select('document')
    .where('item_id', '=', row.item_id)
    .where('version', '=', row.item_version)
    .executeTakeFirst();
  const topics = version ? topicsOf(version.document) : [];
  const channel = channels.get(row.channel_id);
  return {
    // A bulletin channel's publication is one issue of the e-bulletin.
    kind: channel?.kind === 'bulletin' ? 'bulletin-issue' : 'publication',
    key: row.key,
    channel: row.channel_id,
    ...(channel ? { channelKind: channel.kind, unit: channel.unit } : {}),
    item: row.item_id,
    time: row.published_at ?? row.updated_at,
    ...(row.url ? { url: row.url } : {}),
    ...(row.external_id ? { externalId: row.external_id } : {}),
    contentHash: row.sent_hash ?? row.content_hash,
    ...(topics.length > 0 ? { topics } : {}),
    actor,
  };
}

function topicsOf(document: string): string[] {
  try {
    const topics = (JSON.parse(document) as { topics?: unknown }).topics;
    return Array.isArray(topics) ? topics.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}
