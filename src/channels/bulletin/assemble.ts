import { DateTime } from 'luxon';
import type { Clock } from '../../calendar/clock.js';
import type { Range } from '../../calendar/period.js';
import { type BulletinIssue, bulletinIssuesIn } from '../../calendar/slots.js';
import { DEFAULT_ZONE } from '../../config/primitives.js';
import { LoaError } from '../../errors/loa-error.js';
import { nfc, slugify } from '../../text/vietnamese.js';
import type { BulletinChannel } from '../schema.js';
import { renderMarkdown } from './markdown.js';
import {
  type BuiltIssue,
  type BulletinEntry,
  type IssueArticle,
  issueKey,
  issueStem,
  type PortalPost,
} from './model.js';
import { renderIssueBody } from './pages.js';

/** The bulletin fields an issue is built from. */
export type IssueChannel = Pick<
  BulletinChannel,
  | 'id'
  | 'title'
  | 'description'
  | 'issueDays'
  | 'issuesPerMonth'
  | 'issueTime'
  | 'siteUrl'
  | 'portal'
>;

export interface BuildIssueOptions {
  /** The zone the issue days and time are read in (default Asia/Ho_Chi_Minh). */
  zone?: string;
}

/** An issue and the one before it, whose instant opens its gathering window. */
export interface IssueWindow {
  issue: BulletinIssue;
  previous: BulletinIssue;
}

function yearRange(year: number, zone: string): Range {
  return {
    start: DateTime.fromObject({ year, month: 1, day: 1 }, { zone }),
    end: DateTime.fromObject({ year: year + 1, month: 1, day: 1 }, { zone }),
  };
}

/** Finds issue `number` of `year` and the issue before it (maybe in the year before). */
export function issueWindow(
  channel: IssueChannel,
  number: number,
  year: number,
  zone: string = DEFAULT_ZONE,
): IssueWindow {
  const span = { start: yearRange(year - 1, zone).start, end: yearRange(year, zone).end };
  const issues = bulletinIssuesIn(channel, span, zone);
  const at = issues.findIndex((i) => i.number === number && i.year === year);
  const issue = issues[at];
  const previous = issues[at - 1];
  if (at < 0 || !issue || !previous) {
    const perYear = issues.filter((i) => i.year === year).length;
    throw new LoaError('BULLETIN_ISSUE_UNKNOWN', {
      params: { channel: channel.id, number, year, count: perYear },
      failure: 'permanent',
    });
  }
  return { issue, previous };
}

/** The entries that belong to an issue: for this channel, after the previous issue, up to the cut-off. */
export function entriesForIssue(
  channelId: string,
  window: { since: DateTime; until: DateTime },
  entries: readonly BulletinEntry[],
): BulletinEntry[] {
  return entries
    .filter((entry) => entry.item.channels.includes(channelId))
    .filter((entry) => {
      const at = DateTime.fromISO(entry.at, { setZone: true });
      return at.isValid && at > window.since && at <= window.until;
    })
    .sort(
      (a, b) =>
        b.item.priority - a.item.priority ||
        DateTime.fromISO(a.at).toMillis() - DateTime.fromISO(b.at).toMillis() ||
        (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0),
    );
}

/** The address the bulletin's files are served from, ending in `/`. */
export function bulletinSiteUrl(channel: Pick<BulletinChannel, 'id' | 'siteUrl'>): string {
  if (!channel.siteUrl) {
    throw new LoaError('BULLETIN_SITE_URL_MISSING', {
      params: { channel: channel.id },
      failure: 'permanent',
    });
  }
  return channel.siteUrl.endsWith('/') ? channel.siteUrl : `${channel.siteUrl}/`;
}

function toArticle(channelId: string, pageUrl: string, entry: BulletinEntry): IssueArticle {
  const { item } = entry;
  const anchor = slugify(item.id) || 'bai';
  const article: IssueArticle = {
    id: item.id,
    guid: `urn:loa:bulletin:${channelId}:${item.id}`,
    anchor,
    link: entry.url ?? `${pageUrl}#${anchor}`,
    title: nfc(item.title),
    html: renderMarkdown(item.body),
    author: nfc(item.author),
    topics: [...item.topics],
    date: DateTime.fromISO(entry.at, { setZone: true }).toUTC().toISO() ?? entry.at,
  };
  if (item.summary !== undefined) article.summary = nfc(item.summary);
  return article;
}

/**
 * Builds issue `issueNumber` of `year`: the approved entries for this channel from just after
 * the previous issue up to this issue's time (or now, if earlier), ordered by priority then
 * date, rendered to sanitised HTML. Pure: the same inputs give the same issue.
 */
export function buildIssue(
  channel: IssueChannel,
  issueNumber: number,
  year: number,
  items: readonly BulletinEntry[],
  clock: Clock,
  options: BuildIssueOptions = {},
): BuiltIssue {
  const zone = options.zone ?? DEFAULT_ZONE;
  const { issue, previous } = issueWindow(channel, issueNumber, year, zone);
  const siteUrl = bulletinSiteUrl(channel);
  const stem = issueStem(issue.number, issue.year);
  const until = DateTime.min(issue.date, clock.now());
  const chosen = entriesForIssue(channel.id, { since: previous.date, until }, items);
  const pageUrl = `${siteUrl}${stem}.html`;
  const built: BuiltIssue = {
    channel: channel.id,
    key: issueKey(channel.id, issue.year, issue.number),
    number: issue.number,
    year: issue.year,
    label: issue.label,
    bulletinTitle: nfc(channel.title),
    date: issue.date.toISO() ?? '',
    since: previous.date.toISO() ?? '',
    siteUrl,
    stem,
    articles: chosen.map((entry) => toArticle(channel.id, pageUrl, entry)),
  };
  if (channel.description !== undefined) built.description = nfc(channel.description);
  if (channel.portal !== undefined) built.portal = portalPost(channel.portal, built);
  return built;
}

/** The copy of an issue the dispatcher posts to the portal channel the bulletin names. */
export function portalPost(portal: string, issue: BuiltIssue): PortalPost {
  return {
    channel: portal,
    key: `${issue.key}:portal`,
    slug: slugify(`${issue.bulletinTitle} so ${issue.number} ${issue.year}`),
    title: `${issue.bulletinTitle} – ${issue.label}`,
    html: renderIssueBody(issue),
    publishAt: issue.date,
  };
}
