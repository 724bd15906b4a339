import type Parser from 'rss-parser';
import { LoaError } from '../../errors/loa-error.js';
import { redact } from '../../text/redact.js';
import { detectLegacyEncoding, type LegacyEncodingMatch, nfc } from '../../text/vietnamese.js';
import { htmlToText, sanitizeBulletinHtml } from '../bulletin/markdown.js';

/** One entry of a partner feed, normalised to NFC. */
export interface FeedEntry {
  /** What identifies it across reads: the guid (RSS) or id (Atom), else the link. */
  key: string;
  title: string;
  link?: string;
  /** When the source says it was published, UTC ISO 8601. */
  date?: string;
  /** Plain-text summary. */
  summary?: string;
  /** Sanitised HTML content, if the feed carries any. */
  html?: string;
  author?: string;
  categories: string[];
  /** Set when the entry's text is in a legacy Vietnamese encoding (it is then refused). */
  legacy?: LegacyEncodingMatch;
}

/** A feed read: its title and entries, plus the entries that had no usable id. */
export interface ParsedFeed {
  title?: string;
  entries: FeedEntry[];
  /** Entries with neither guid, id nor link. */
  unidentified: number;
}

type RawItem = Parser.Item & {
  id?: unknown;
  guid?: unknown;
  author?: unknown;
  summary?: unknown;
  'content:encoded'?: unknown;
};

type FeedParser = Parser<Record<string, unknown>, RawItem>;

let parser: FeedParser | undefined;

/** rss-parser, loaded when the first feed is read rather than by every start of the CLI. */
async function feedParser(): Promise<FeedParser> {
  if (!parser) {
    const { default: RssParser } = await import('rss-parser');
    parser = new RssParser<Record<string, unknown>, RawItem>({
      customFields: { item: ['content:encoded', 'summary', 'author'] },
    });
  }
  return parser;
}

/** rss-parser gives text, or an xml2js node `{ _: text, $: attributes }`, or arrays of them. */
function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === 'object') {
    const node = value as { _?: unknown; name?: unknown };
    return text(node._ ?? node.name);
  }
  const out = nfc(String(value)).trim();
  return out === '' ? undefined : out;
}

function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function toEntry(raw: RawItem): FeedEntry | undefined {
  const link = text(raw.link);
  const key = text(raw.guid) ?? text(raw.id) ?? link;
  if (!key) return undefined;
  const rawHtml = text(raw['content:encoded']) ?? text(raw.content) ?? text(raw.summary);
  const html = rawHtml === undefined ? undefined : sanitizeBulletinHtml(rawHtml);
  const snippet = text(raw.contentSnippet) ?? text(raw.summary);
  const summary = snippet === undefined ? undefined : htmlToText(snippet);
  const entry: FeedEntry = {
    key,
    title: text(raw.title) ?? summary?.slice(0, 120) ?? key,
    categories: (raw.categories ?? []).map((c) => text(c)).filter((c): c is string => !!c),
  };
  if (link) entry.link = link;
  const date = isoDate(raw.isoDate ?? raw.pubDate);
  if (date) entry.date = date;
  if (summary) entry.summary = summary;
  if (html) entry.html = html;
  const author = text(raw.creator) ?? text(raw.author);
  if (author) entry.author = author;
  const legacy = detectLegacyEncoding(
    [entry.title, summary ?? '', html ? htmlToText(html) : ''].join('\n'),
  );
  if (legacy) entry.legacy = legacy;
  return entry;
}

/**
 * Parses the text of an RSS or Atom feed with rss-parser and normalises its entries (NFC,
 * sanitised HTML, UTC dates). A text that is not a feed raises INGEST_MALFORMED.
 */
export async function parseFeed(xml: string, url: string): Promise<ParsedFeed> {
  const rss = await feedParser();
  let feed: Awaited<ReturnType<FeedParser['parseString']>>;
  try {
    feed = await rss.parseString(xml);
  } catch (error) {
    throw new LoaError('INGEST_MALFORMED', {
      params: {
        url: redact(url),
        reason: redact((error as Error)?.message?.split('\n')[0] ?? String(error)),
      },
      cause: error,
      failure: 'permanent',
    });
  }
  const entries: FeedEntry[] = [];
  let unidentified = 0;
  for (const raw of feed.items ?? []) {
    const entry = toEntry(raw);
    if (entry) entries.push(entry);
    else unidentified += 1;
  }
  const parsed: ParsedFeed = { entries, unidentified };
  const title = text(feed.title);
  if (title) parsed.title = title;
  return parsed;
}
