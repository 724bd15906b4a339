import type { DateTime } from 'luxon';
import type { Range } from '../../calendar/period.js';
import { type BulletinIssue, bulletinIssuesIn } from '../../calendar/slots.js';
import { entriesForIssue, issueWindow } from '../../channels/bulletin/assemble.js';
import { bulletinEntries } from '../../channels/bulletin/entry-source.js';
import { bulletinDir, readIssue } from '../../channels/bulletin/files.js';
import { issueKey, parseIssueKey } from '../../channels/bulletin/model.js';
import type { PublishedRef } from '../../channels/types.js';
import type { BulletinChannel } from '../../model/channel.js';
import { hasCapability } from '../../model/channel-kinds.js';
import { toStored } from '../../model/instant.js';
import type { ContentItem } from '../../model/item.js';
import { type Actor, findItem, saveItemVersion } from '../../store/items.js';
import { LOCKS, lockFor } from '../../store/locks.js';
import {
  changeUnleasedPublication,
  findPublication,
  listPublications,
  recordAttempt,
  schedulePublication,
} from '../../store/publications.js';
import type { PublicationRow } from '../../store/schema.js';
import { settleItemStatus } from '../../store/settlement.js';
import type { Db, Store } from '../../store/types.js';
import type { IssueTopics } from '../dispatch/types.js';
import { type PlanningConfig, type PlanReport, planItems } from './items.js';
import { channelZone } from './planner.js';

/** How bulletin issues are planned. */
export interface BulletinPlanOptions {
  /** Where issues are written: the portal copy is read back from there. */
  dataDir: string;
  actor: string;
  /** Issues of this range get publications; default the month of `now` and the next. */
  range?: Range;
  /** Only this channel. */
  channel?: string;
}

/** What one bulletin planning run did. */
export interface BulletinPlanReport {
  /** Issue keys given a publication. */
  scheduled: string[];
  /** Issue keys whose day came with no item: reported missed, never sent. */
  missed: string[];
  /** Issue keys whose portal copy was queued on the portal channel. */
  portal: string[];
  unplannable: PlanReport['unplannable'];
}

/** The planner's name on issue publications (`planned_by`). */
export const BULLETIN_PLANNER = 'bulletin';

/** The item id of an issue's portal copy: the key of BuiltIssue.portal. */
export function portalItemId(key: string): string {
  return `${key}:portal`;
}

/** The bulletin channels of a configuration (or only one). */
export function bulletinChannels(config: PlanningConfig, only?: string): BulletinChannel[] {
  return [...config.channels.values()].filter(
    (c): c is BulletinChannel => hasCapability(c, 'issues') && (!only || c.id === only),
  );
}

/**
 * The record of an issue in the queue: an item with the issue key as id, offered to the
 * bulletin channel only. The dispatcher needs an item behind every publication; this one has
 * no body, since the adapter gathers the issue's articles at issue time.
 */
export function issueRecord(channel: BulletinChannel, issue: BulletinIssue): ContentItem {
  return {
    id: issueKey(channel.id, issue.year, issue.number),
    title: `${channel.title} – ${issue.label}`,
    body: '',
    topics: [],
    channels: [channel.id],
    unit: channel.unit,
    author: channel.title,
    priority: 3,
    media: [],
    repost: false,
    evergreen: false,
    status: 'approved',
  };
}

/**
 * Gives an issue its publication (key: channel + issue), with its record item; nothing when
 * it has one. Returns whether it scheduled.
 */
export async function scheduleIssue(
  tx: Db,
  channel: BulletinChannel,
  issue: BulletinIssue,
  by: Actor,
): Promise<boolean> {
  const record = issueRecord(channel, issue);
  if (await findItem(tx, record.id)) return false;
  const row = await saveItemVersion(
    tx,
    { item: record, source: 'bulletin', path: record.id, status: 'approved' },
    by,
  );
  if (!row) return false;
  await schedulePublication(tx, {
    key: record.id,
    item: row,
    channelId: channel.id,
    slot: toStored(issue.date),
    plannedBy: BULLETIN_PLANNER,
    now: by.at,
  });
  await settleItemStatus(tx, row.id, by);
  return true;
}

/** Reports a due issue that has no item as missed (the dispatcher then never sends it). */
async function missEmpty(tx: Db, pub: PublicationRow, by: Actor) {
  const detail = 'empty: no approved item for this issue';
  const changed = await changeUnleasedPublication(
    tx,
    pub.key,
    { status: 'missed', reason: detail, updated_at: by.at },
    'scheduled',
  );
  if (!changed) return false;
  await recordAttempt(tx, {
    publication_key: pub.key,
    attempt: pub.attempts,
    worker: by.actor,
    at: by.at,
    outcome: 'missed',
    detail,
  });
  await settleItemStatus(tx, pub.item_id, by);
  return true;
}

/**
 * Queues the portal copy of a published issue (BuiltIssue.portal, read back from the issue
 * files) as an approved item on the portal channel, due when the issue went out; the item
 * planner gives it its publication. Once per issue: the item id is the portal key.
 */
async function queuePortalCopy(
  tx: Db,
  channel: BulletinChannel,
  pub: PublicationRow,
  context: { config: PlanningConfig; dataDir: string; now: DateTime; by: Actor },
): Promise<PlanReport | undefined> {
  const parts = parseIssueKey(pub.key);
  if (!channel.portal || !parts || (await findItem(tx, portalItemId(pub.key)))) return undefined;
  // NOTE: on several machines the issue files are where it was published; that one queues it.
  const issue = await readIssue(bulletinDir(context.dataDir, channel.id), parts.number, parts.year);
  if (!issue?.portal) return undefined;
  const copy: ContentItem = {
    id: issue.portal.key,
    title: issue.portal.title,
    body: issue.portal.html,
    topics: [],
    channels: [issue.portal.channel],
    unit: channel.unit,
    author: issue.bulletinTitle,
    publishAt: pub.published_at ?? pub.slot,
    priority: 3,
    media: [],
    repost: false,
    evergreen: false,
    status: 'approved',
  };
  const path = `public/bulletins/${channel.id}/issues/${issue.stem}.json`;
  await saveItemVersion(
    tx,
    { item: copy, source: 'bulletin', path, status: 'approved' },
    context.by,
  );
  return planItems(tx, {
    ids: [copy.id],
    config: context.config,
    now: context.now,
    by: context.by,
  });
}

/** The default planning horizon: the month of `now` and the next, in the channel's zone. */
function horizon(now: DateTime, zone: string): Range {
  const start = now.setZone(zone).startOf('month');
  return { start, end: start.plus({ months: 2 }) };
}

/**
 * Plans the e-bulletins in one transaction: every issue day of the horizon gets one
 * publication (key `bulletin:<channel>:<year>-<number>`, slot the issue instant) unless it is
 * already past its lateness; a due issue with no approved item is reported missed; a published
 * issue of a bulletin that names a portal gets its portal copy queued. Idempotent: running it
 * again, or from several processes, changes nothing.
 */
export async function planBulletins(
  store: Store,
  config: PlanningConfig,
  now: DateTime,
  options: BulletinPlanOptions,
): Promise<BulletinPlanReport> {
  const report: BulletinPlanReport = { scheduled: [], missed: [], portal: [], unplannable: [] };
  const channels = bulletinChannels(config, options.channel);
  if (channels.length === 0) return report;
  const by: Actor = { actor: options.actor, at: toStored(now) };
  return store.transaction(async (tx) => {
    await lockFor(tx, LOCKS.planning);
    for (const channel of channels) {
      const zone = channelZone(channel, config.planZones);
      const earliest = now.minus({ minutes: channel.maxLatenessMinutes });
      for (const issue of bulletinIssuesIn(channel, options.range ?? horizon(now, zone), zone)) {
        if (issue.date < earliest) continue;
        if (await scheduleIssue(tx, channel, issue, by))
          report.scheduled.push(issueKey(channel.id, issue.year, issue.number));
      }
      const pubs = await listPublications(tx, { channel: channel.id });
      const due = pubs.filter(
        (p) => p.status === 'scheduled' && p.slot <= by.at && p.lease_owner === null,
      );
      if (due.length > 0) {
        const entries = await bulletinEntries(tx, channel.id, { zone });
        for (const pub of due) {
          const parts = parseIssueKey(pub.key);
          if (!parts) continue;
          const { issue, previous } = issueWindow(channel, parts.number, parts.year, zone);
          const window = { since: previous.date, until: issue.date };
          if (entriesForIssue(channel.id, window, entries).length > 0) continue;
          if (await missEmpty(tx, pub, by)) report.missed.push(pub.key);
        }
      }
      for (const pub of pubs.filter((p) => p.status === 'published')) {
        const context = { config, dataDir: options.dataDir, now, by };
        const planned = await queuePortalCopy(tx, channel, pub, context);
        if (!planned) continue;
        report.portal.push(pub.key);
        report.unplannable.push(...planned.unplannable);
      }
    }
    return report;
  });
}

/**
 * Records an issue built by hand (`loa bulletin build`) as published: its record item and
 * publication are made when missing, and a publication no worker holds is settled with the
 * adapter's ref. An issue already published is left as it is. Returns whether it changed.
 */
export async function recordIssueBuilt(
  store: Store,
  built: { channel: BulletinChannel; issue: BulletinIssue; ref: PublishedRef; by: Actor },
): Promise<boolean> {
  const { channel, issue, ref, by } = built;
  const key = issueKey(channel.id, issue.year, issue.number);
  return store.transaction(async (tx) => {
    await lockFor(tx, LOCKS.planning);
    await scheduleIssue(tx, channel, issue, by);
    const pub = await findPublication(tx, key);
    if (!pub || pub.status === 'published' || pub.lease_owner !== null) return false;
    await changeUnleasedPublication(tx, key, {
      status: 'published',
      attempts: pub.attempts + 1,
      needs_reconcile: 0,
      external_id: ref.externalId,
      url: ref.url ?? null,
      published_at: ref.publishedAt,
      sent_hash: pub.content_hash,
      reason: 'built by loa bulletin build',
      updated_at: by.at,
    });
    await recordAttempt(tx, {
      publication_key: key,
      attempt: pub.attempts + 1,
      worker: by.actor,
      at: by.at,
      outcome: 'published',
      detail: ref.url ?? ref.externalId,
    });
    await settleItemStatus(tx, pub.item_id, by);
    return true;
  });
}

/**
 * The topics of the articles a bulletin issue carried (the approved entries of its window),
 * by the issue's publication key, sorted; none for a key that is not a known issue.
 */
export function issueTopicsOf(config: PlanningConfig): IssueTopics {
  return async (tx, key) => {
    const parts = parseIssueKey(key);
    const channel = parts ? config.channels.get(parts.channel) : undefined;
    if (!parts || !hasCapability(channel, 'issues')) return [];
    const zone = channelZone(channel, config.planZones);
    const { issue, previous } = issueWindow(channel, parts.number, parts.year, zone);
    const entries = await bulletinEntries(tx, channel.id, { zone });
    const window = { since: previous.date, until: issue.date };
    return [
      ...new Set(entriesForIssue(channel.id, window, entries).flatMap((e) => e.item.topics ?? [])),
    ].sort();
  };
}
