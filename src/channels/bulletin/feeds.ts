import { Feed, type Item } from 'feed';
import { message } from '../../i18n/catalogue.js';
import { escapeHtml } from '../../text/html.js';
import type { BuiltIssue, IssueArticle } from './model.js';
import { renderIssueBody } from './pages.js';

/** One feed in the three formats loa writes. */
export interface FeedSet {
  /** RSS 2.0. */
  rss: string;
  /** Atom 1.0. */
  atom: string;
  /** JSON Feed 1.1. */
  json: string;
}

/** How many issues the channel-wide feeds (`feed.xml`, `atom.xml`, `feed.json`) carry. */
export const LATEST_ISSUES = 12;

const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

// NOTE: `]]>` cannot sit inside the CDATA sections the feed package writes titles into, and
// it escapes only the first one; a title is plain text, so a space keeps it readable.
function cdataSafe(text: string): string {
  return text.replace(/]]>/g, ']] >');
}

function issueTitle(issue: BuiltIssue): string {
  return cdataSafe(`${issue.bulletinTitle} – ${issue.label}`);
}

function issueId(issue: BuiltIssue): string {
  return `urn:loa:bulletin:${issue.channel}:${issue.year}-${issue.number}`;
}

function articleItem(article: IssueArticle): Item {
  const date = new Date(article.date);
  const item: Item = {
    title: cdataSafe(article.title),
    id: article.guid,
    link: article.link,
    date,
    published: date,
    content: article.html,
    author: [{ name: article.author }],
    category: article.topics.map((topic) => ({ name: topic, term: topic })),
  };
  // NOTE: RSS descriptions and Atom summaries (type html) are HTML; the summary is text.
  if (article.summary !== undefined) item.description = escapeHtml(article.summary);
  return item;
}

/**
 * JSON Feed 1.1 from the feed package's 1.0 output: the 1.1 version URL, the language, and
 * `authors` (1.1) beside the deprecated `author`, as the spec asks for compatibility.
 */
function jsonFeed11(feed: Feed, summaries: ReadonlyArray<string | undefined> = []): string {
  const doc = JSON.parse(feed.json1()) as Record<string, unknown> & {
    items: Array<Record<string, unknown>>;
  };
  const out: Record<string, unknown> = { version: JSON_FEED_VERSION };
  for (const [key, value] of Object.entries(doc)) if (key !== 'version') out[key] = value;
  out.language = 'vi';
  if (doc.author !== undefined) out.authors = [doc.author];
  out.items = doc.items.map((item, index) => {
    const fixed: Record<string, unknown> = { ...item };
    if (item.author !== undefined) fixed.authors = [item.author];
    // JSON Feed summaries are plain text: the summary as written, not its HTML escape.
    const summary = summaries[index];
    if (summary !== undefined) fixed.summary = summary;
    return fixed;
  });
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** Escapes text for XML character data. */
function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Atom titles as plain text: the feed package declares every entry title `type="html"` in a
 * CDATA section, so a reader would render a title `<script>…` as markup. Titles are plain
 * text (an item's title, the bulletin's name), so they are written `type="text"`, escaped.
 */
function atomTextTitles(atom: string): string {
  return atom.replace(
    /<title type="html"><!\[CDATA\[([\s\S]*?)\]\]><\/title>/g,
    (_whole, text: string) => `<title type="text">${xmlText(text)}</title>`,
  );
}

function render(feed: Feed, summaries?: ReadonlyArray<string | undefined>): FeedSet {
  return {
    rss: `${feed.rss2()}\n`,
    atom: `${atomTextTitles(feed.atom1())}\n`,
    json: jsonFeed11(feed, summaries),
  };
}

/** The feeds of one issue: one entry per article. Pure: the same issue gives the same bytes. */
export function renderIssueFeeds(issue: BuiltIssue): FeedSet {
  const base = `${issue.siteUrl}${issue.stem}`;
  const cp = issue.checkpoint;
  const description = issue.description ?? issueTitle(issue);
  const feed = new Feed({
    id: issueId(issue),
    title: issueTitle(issue),
    // The checkpoint's root goes where every reader's copy of the feed keeps it.
    description: cp
      ? `${description} — ${message('BULLETIN_PAGE_CHECKPOINT', { size: cp.size, root: cp.rootHashHex }, 'vi')}`
      : description,
    link: `${base}.html`,
    language: 'vi',
    updated: new Date(issue.date),
    generator: 'loa',
    feedLinks: { rss: `${base}.xml`, atom: `${base}.atom`, json: `${base}.json` },
    author: { name: issue.bulletinTitle },
  });
  for (const article of issue.articles) feed.addItem(articleItem(article));
  const set = render(
    feed,
    issue.articles.map((a) => a.summary),
  );
  if (!cp) return set;
  // JSON Feed extension (a key starting with `_`): the signed note whole.
  const json = JSON.parse(set.json) as Record<string, unknown>;
  json._loa_checkpoint = { size: cp.size, root_hash: cp.rootHashHex, note: cp.note };
  return { ...set, json: `${JSON.stringify(json, null, 2)}\n` };
}

/**
 * The channel-wide feeds: one entry per issue, newest first, at most LATEST_ISSUES. `issues`
 * must be newest first and not empty.
 */
export function renderLatestFeeds(issues: readonly BuiltIssue[]): FeedSet {
  const newest = issues[0];
  if (!newest) throw new Error('renderLatestFeeds needs at least one issue');
  const site = newest.siteUrl;
  const feed = new Feed({
    id: `urn:loa:bulletin:${newest.channel}`,
    title: cdataSafe(newest.bulletinTitle),
    description: newest.description ?? newest.bulletinTitle,
    link: `${site}index.html`,
    language: 'vi',
    updated: new Date(newest.date),
    generator: 'loa',
    feedLinks: { rss: `${site}feed.xml`, atom: `${site}atom.xml`, json: `${site}feed.json` },
    author: { name: newest.bulletinTitle },
  });
  for (const issue of issues.slice(0, LATEST_ISSUES)) {
    const date = new Date(issue.date);
    feed.addItem({
      title: issueTitle(issue),
      id: issueId(issue),
      link: `${issue.siteUrl}${issue.stem}.html`,
      date,
      published: date,
      description: message('BULLETIN_PAGE_ARTICLES', { count: issue.articles.length }, 'vi'),
      content: renderIssueBody(issue),
      author: [{ name: issue.bulletinTitle }],
    });
  }
  return render(feed);
}
