import { appendEvidence, appendEvidenceBatch, type EvidenceInput } from '../evidence/log.js';
import type { Channel } from '../model/channel.js';
import { hasCapability } from '../model/channel-kinds.js';
import type { FollowUpHook, IssueTopics, OutcomeHook } from '../scheduler/dispatch/types.js';
import { lastEvidenceContaining } from '../store/evidence.js';
import {
  type PublicationForEvidence,
  publicationsForEvidence,
  setPublicationEvidenceIndices,
} from '../store/publication-evidence.js';
import type { Db } from '../store/types.js';

/** Outcomes that leave a publication entry in the log. */
const RECORDED = new Set(['published', 'reconciled']);

/**
 * The dispatcher's `onOutcome`: each publication that went out (published, or found again by
 * reconcile) appends a `publication` entry (`bulletin-issue` for an e-bulletin issue) in the transaction that records it, with the
 * channel, its kind and unit, the item, the publication key, the instant it went out, its URL
 * or external id, the content hash that was sent and the item's topics (for an issue, the
 * topics of the articles it carried, from `issueTopics`).
 *
 * NOTE: failed, missed and cancelled publications are NOT logged as evidence: nothing was
 * carried out, the audit would have to filter them out again, and their history already sits
 * in `publication_attempts`. The log holds what happened, not what did not.
 */
export function evidenceOnOutcome(
  channels: ReadonlyMap<string, Channel>,
  actor = 'dispatcher',
  issueTopics?: IssueTopics,
): OutcomeHook {
  return async (tx, events) => {
    const keys = events.filter((e) => RECORDED.has(e.event) && e.key).map((e) => e.key!);
    const entries = await publicationsEvidence(tx, keys, channels, actor, issueTopics);
    // One append for the batch: the head is read and written once, indices in event order.
    const appended = await appendEvidenceBatch(tx, entries);
    await setPublicationEvidenceIndices(
      tx,
      keys.map((key, i) => ({ key, index: appended[i]!.index })),
    );
  };
}

/**
 * The dispatcher's `onFollowUp`: an update or withdrawal of a publication that went out
 * appends a `correction` of the publication's entry, in the transaction that records it. An
 * update restates what now stands (content hash, URL, topics of the version sent); a
 * withdrawal voids the entry, so the audit no longer counts a post that was taken down. The
 * entry's `time` stays the publication's (what the audit counts it in); `note` says what
 * happened and when.
 */
export function evidenceOnFollowUp(
  channels: ReadonlyMap<string, Channel>,
  actor = 'dispatcher',
): FollowUpHook {
  return async (tx, { followUp, publication, at }) => {
    const corrects = publication.evidence_index ?? (await entryOfKey(tx, publication.key));
    if (corrects === undefined) return undefined;
    const stated = await publicationEvidence(tx, publication.key, channels, actor);
    const withdrawn = followUp.action === 'withdraw';
    const note = withdrawn
      ? `withdrawn at ${at}`
      : `updated to version ${followUp.item_version} at ${at}`;
    const { index } = await appendEvidence(tx, {
      ...stated,
      kind: 'correction',
      corrects: Number(corrects),
      ...(withdrawn ? { void: true } : {}),
      note,
    });
    return index;
  };
}

/**
 * The index of the entry that logged the publication `key`, for publications logged before
 * they kept it (migration 8). Looks for the key's exact JSON in the entries' text.
 */
async function entryOfKey(tx: Db, key: string): Promise<number | undefined> {
  const needle = `"key":${JSON.stringify(key.normalize('NFC'))}`;
  return lastEvidenceContaining(tx, ['publication', 'bulletin-issue'], needle);
}

/** The evidence of one settled publication, read inside the transaction that settled it. */
export async function publicationEvidence(
  tx: Db,
  key: string,
  channels: ReadonlyMap<string, Channel>,
  actor: string,
  issueTopics?: IssueTopics,
): Promise<EvidenceInput> {
  const [entry] = await publicationsEvidence(tx, [key], channels, actor, issueTopics);
  return entry!;
}

/**
 * The evidence of settled publications, in the order of `keys`, read inside the transaction
 * that settled them: the publications and their versions in one query for the batch.
 */
async function publicationsEvidence(
  tx: Db,
  keys: readonly string[],
  channels: ReadonlyMap<string, Channel>,
  actor: string,
  issueTopics?: IssueTopics,
): Promise<EvidenceInput[]> {
  if (keys.length === 0) return [];
  const found = await publicationsForEvidence(tx, keys);
  const entries: EvidenceInput[] = [];
  for (const key of keys) {
    const settled = found.get(key);
    if (!settled) throw new Error(`publication ${key} was settled but is not in the store`);
    entries.push(await evidenceOf(tx, settled, channels, actor, issueTopics));
  }
  return entries;
}

/** One publication's evidence entry, from the publication and its version as read. */
async function evidenceOf(
  tx: Db,
  { publication: row, version }: PublicationForEvidence,
  channels: ReadonlyMap<string, Channel>,
  actor: string,
  issueTopics?: IssueTopics,
): Promise<EvidenceInput> {
  const document = version?.document;
  const channel = channels.get(row.channel_id);
  // An issue's record item is loa's own, approved by nobody.
  const approval = hasCapability(channel, 'issues') ? undefined : version?.approval;
  // NOTE: an issue's own record item has no topics; the articles it carried have them, and a
  // task that counts issues on a topic must see them.
  const topics =
    hasCapability(channel, 'issues') && issueTopics
      ? await issueTopics(tx, row.key)
      : document !== undefined
        ? topicsOf(document)
        : [];
  return {
    // A bulletin channel's publication is one issue of the e-bulletin.
    kind: hasCapability(channel, 'issues') ? 'bulletin-issue' : 'publication',
    key: row.key,
    channel: row.channel_id,
    ...(channel ? { channelKind: channel.kind, unit: channel.unit } : {}),
    item: row.item_id,
    time: row.published_at ?? row.updated_at,
    ...(row.url ? { url: row.url } : {}),
    ...(row.external_id ? { externalId: row.external_id } : {}),
    contentHash: row.sent_hash ?? row.content_hash,
    ...(topics.length > 0 ? { topics } : {}),
    ...(approval
      ? {
          approvedBy: approval.actor,
          approvedVersion: approval.version,
          approvedHash: approval.contentHash,
        }
      : {}),
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
