import type { ContentItem } from '../../model/item.js';

/**
 * An approved item offered to a bulletin: the item as approved, when it became ready for the
 * bulletin, and where it lives if it was also published elsewhere (a portal post).
 */
export interface BulletinEntry {
  item: ContentItem;
  /** When the item was approved (or its publishAt), UTC ISO 8601; picks its issue. */
  at: string;
  /** The item's own public page (e.g. its portal post); else the issue page anchor. */
  url?: string;
}

/** Bài trong bản tin: one article as it stands in an issue. */
export interface IssueArticle {
  /** The item id; stable across rebuilds. */
  id: string;
  /** Stable feed id (Atom id, RSS guid, JSON Feed id): a tag URI of channel and item. */
  guid: string;
  /** Anchor of the article on the issue page. */
  anchor: string;
  /** Where a reader goes: the item's portal URL, else the issue page anchor. */
  link: string;
  title: string;
  summary?: string;
  /** The Markdown body rendered to sanitised HTML. */
  html: string;
  author: string;
  /** Topic ids, used as categories. */
  topics: string[];
  /** When it became ready for the bulletin, UTC ISO 8601. */
  date: string;
}

/** What the dispatcher can post to the portal channel for an issue (the WordPress adapter does it). */
export interface PortalPost {
  /** The portal channel id named by the bulletin channel. */
  channel: string;
  /** Publication key for the portal copy: the issue key with `:portal`. */
  key: string;
  slug: string;
  title: string;
  /** Sanitised HTML: the issue's articles. */
  html: string;
  /** The issue's local date and time, ISO 8601 with offset. */
  publishAt: string;
}

/** Số bản tin: one built e-bulletin issue, everything its files are rendered from. */
export interface BuiltIssue {
  /** The bulletin channel id. */
  channel: string;
  /** Publication key: `bulletin:<channel>:<year>-<number>`. */
  key: string;
  number: number;
  year: number;
  /** `Số 12/2024`. */
  label: string;
  /** The bulletin's title, e.g. `Bản tin Cải cách hành chính`. */
  bulletinTitle: string;
  description?: string;
  /** The issue's local date and time, ISO 8601 with offset. */
  date: string;
  /** The previous issue's instant (exclusive start of the gathering window), ISO with offset. */
  since: string;
  /** The address the files are served from, ending in `/`. */
  siteUrl: string;
  /** File stem of the issue's files: `<number>-<year>`. */
  stem: string;
  articles: IssueArticle[];
  portal?: PortalPost;
  /** The evidence log's checkpoint when the issue was published (shown on its page and feeds). */
  checkpoint?: IssueCheckpoint;
}

/**
 * Mốc kiểm chứng: the evidence log's signed checkpoint at the time of an issue, so that its
 * root is published where subscribers keep it and the agency cannot take it back.
 */
export interface IssueCheckpoint {
  size: number;
  rootHashHex: string;
  /** The C2SP signed note, whole. */
  note: string;
}

/** A short record of an issue already written, as `listIssues` reads it back. */
export interface IssueSummary {
  key: string;
  number: number;
  year: number;
  label: string;
  date: string;
  stem: string;
  articles: number;
  portal?: PortalPost;
}

/** The publication key of a bulletin issue. */
export function issueKey(channel: string, year: number, number: number): string {
  return `bulletin:${channel}:${year}-${number}`;
}

/** Reads a bulletin issue key back, or undefined when it is not one. */
export function parseIssueKey(
  key: string,
): { channel: string; year: number; number: number } | undefined {
  const match = /^bulletin:([^:]+):(\d{4})-(\d{1,3})$/.exec(key);
  if (!match) return undefined;
  return { channel: match[1] ?? '', year: Number(match[2]), number: Number(match[3]) };
}

/** The file stem of an issue: `12-2024`. */
export function issueStem(number: number, year: number): string {
  return `${number}-${year}`;
}
