import { DateTime } from 'luxon';
import { type BulletinIssue, bulletinIssuesIn } from '../../calendar/slots.js';
import { LoaError } from '../../errors/loa-error.js';
import type { BulletinChannel } from '../../model/channel.js';
import type { Clock } from '../../model/clock.js';
import { DEFAULT_ZONE } from '../../model/primitives.js';
import { nfc, slugify } from '../../text/vietnamese.js';
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
  | 'issueRecurrence'
  | 'except'
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

/**
 * Finds issue `number` of `year` and the issue before it (maybe in the year before): the
 * issues of the year (and of the year before it) are laid out from the channel's
 * issue calendar, whatever its recurrence.
 */
export function issueWindow(
  channel: IssueChannel,
  number: number,
  year: number,
  zone: string = DEFAULT_ZONE,
): IssueWindow {
  let issues: BulletinIssue[] = [];
  if (Number.isInteger(number) && number >= 1 && Number.isInteger(year)) {
    const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone });
    issues = bulletinIssuesIn(
      channel,
      { start: start.minus({ years: 1 }), end: start.plus({ years: 1 }) },
      zone,
    );
  }
  const at = issues.findIndex((i) => i.number === number && i.year === year);
  const issue = issues[at];
  const previous = issues[at - 1];
  if (at < 0 || !issue || !previous) {
    const count = issues.filter((i) => i.year === year).length;
    throw new LoaError('BULLETIN_ISSUE_UNKNOWN', {
      params: { channel: channel.id, number, year, count },
      failure: 'permanent',
      kind: 'not-found',
    });
  }
  return { issue, previous };
}

// NOTE: entry instants are absolute ISO 8601 strings; comparing them needs no calendar
// arithmetic, and Date.parse is what keeps a 200-item build within its time budget.
function instantMs(iso: string): number {
  return Date.parse(iso);
}

/** The entries that belong to an issue: for this channel, after the previous issue, up to the cut-off. */
export function entriesForIssue(
  channelId: string,
  window: { since: DateTime; until: DateTime },
  entries: readonly BulletinEntry[],
): BulletinEntry[] {
  const since = window.since.toMillis();
  const until = window.until.toMillis();
  return entries
    .filter((entry) => entry.item.channels.includes(channelId))
    .map((entry) => ({ entry, ms: instantMs(entry.at) }))
    .filter(({ ms }) => ms > since && ms <= until)
    .sort(
      (a, b) =>
        b.entry.item.priority - a.entry.item.priority ||
        a.ms - b.ms ||
        (a.entry.item.id < b.entry.item.id ? -1 : a.entry.item.id > b.entry.item.id ? 1 : 0),
    )
    .map(({ entry }) => entry);
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
    date: new Date(instantMs(entry.at)).toISOString(),
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
