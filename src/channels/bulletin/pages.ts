import { DateTime } from 'luxon';
import { type MessageCode, type ParamsArg, renderMessage } from '../../i18n/catalogue.js';
import { escapeHtml } from '../../text/html.js';
import type { BuiltIssue } from './model.js';

/** Bulletin pages are always Vietnamese, whatever LOA_LANG says. */
function vi<C extends MessageCode>(code: C, ...[params]: ParamsArg<C>): string {
  return renderMessage(code, params ?? {}, 'vi');
}

function localDate(iso: string): string {
  return DateTime.fromISO(iso, { setZone: true }).toFormat('dd/MM/yyyy');
}

// NOTE: pages load nothing: inline style only, and a policy that forbids any other source.
const HEAD_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'";
const STYLE = [
  'body{font-family:system-ui,"Segoe UI",Arial,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.55;color:#1a1a1a}',
  'header{border-bottom:2px solid #a50000;margin-bottom:1.5rem}',
  'h1{font-size:1.6rem;margin:.2rem 0}',
  'article{border-top:1px solid #ddd;padding-top:1rem;margin-top:1.5rem}',
  '.meta{color:#555;font-size:.9rem}',
  'nav a{margin-right:1rem}',
].join('');

function page(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="vi">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(HEAD_POLICY)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function feedLinks(rss: string, atom: string, json: string): string {
  const links = [
    [rss, 'RSS 2.0'],
    [atom, 'Atom 1.0'],
    [json, 'JSON Feed'],
  ]
    .map(([href, label]) => `<a href="${escapeHtml(href ?? '')}">${escapeHtml(label ?? '')}</a>`)
    .join(' ');
  return `<p class="meta">${escapeHtml(vi('BULLETIN_PAGE_FEEDS'))} ${links}</p>`;
}

/** The issue's table of contents and articles as an HTML fragment (page body, portal post). */
export function renderIssueBody(issue: BuiltIssue): string {
  if (issue.articles.length === 0) return `<p>${escapeHtml(vi('BULLETIN_PAGE_EMPTY'))}</p>`;
  const toc = issue.articles
    .map((a) => `<li><a href="#${escapeHtml(a.anchor)}">${escapeHtml(a.title)}</a></li>`)
    .join('\n');
  const articles = issue.articles.map((a) => {
    const meta = [vi('BULLETIN_PAGE_AUTHOR', { author: a.author })];
    if (a.topics.length > 0) meta.push(vi('BULLETIN_PAGE_TOPICS', { topics: a.topics.join(', ') }));
    return [
      `<article id="${escapeHtml(a.anchor)}">`,
      `<h2>${escapeHtml(a.title)}</h2>`,
      `<p class="meta">${escapeHtml(meta.join(' · '))}</p>`,
      a.summary === undefined ? '' : `<p><strong>${escapeHtml(a.summary)}</strong></p>`,
      a.html,
      '</article>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  return [
    `<h2>${escapeHtml(vi('BULLETIN_PAGE_CONTENTS'))}</h2>`,
    `<ol>\n${toc}\n</ol>`,
    ...articles,
  ].join('\n');
}

/** The evidence log's checkpoint at the issue's time, the signed note whole (or nothing). */
function checkpointSection(issue: BuiltIssue): string {
  const cp = issue.checkpoint;
  if (!cp) return '';
  return [
    '<footer class="checkpoint">',
    `<p class="meta">${escapeHtml(vi('BULLETIN_PAGE_CHECKPOINT', { size: cp.size, root: cp.rootHashHex }))}</p>`,
    `<pre>${escapeHtml(cp.note)}</pre>`,
    '</footer>',
  ].join('\n');
}

/** The HTML page of one issue, in Vietnamese, everything escaped, nothing loaded from outside. */
export function renderIssuePage(issue: BuiltIssue): string {
  const title = `${issue.bulletinTitle} – ${issue.label}`;
  const header = [
    '<header>',
    `<p class="meta"><a href="index.html">${escapeHtml(vi('BULLETIN_PAGE_BACK'))}</a></p>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">${escapeHtml(vi('BULLETIN_PAGE_ISSUE_DATE', { date: localDate(issue.date) }))}</p>`,
    issue.description === undefined ? '' : `<p>${escapeHtml(issue.description)}</p>`,
    feedLinks(`${issue.stem}.xml`, `${issue.stem}.atom`, `${issue.stem}.json`),
    '</header>',
  ]
    .filter(Boolean)
    .join('\n');
  const checkpoint = checkpointSection(issue);
  return page(
    title,
    `${header}\n<main>\n${renderIssueBody(issue)}\n</main>${checkpoint ? `\n${checkpoint}` : ''}`,
  );
}

/** The archive index: every issue written, newest first, with links to its page and feeds. */
export function renderArchivePage(issues: readonly BuiltIssue[]): string {
  const newest = issues[0];
  const title = newest?.bulletinTitle ?? vi('BULLETIN_PAGE_ARCHIVE');
  const rows = issues.map((issue) => {
    const count = vi('BULLETIN_PAGE_ARTICLES', { count: issue.articles.length });
    return `<li><a href="${escapeHtml(issue.stem)}.html">${escapeHtml(issue.label)}</a> <span class="meta">${escapeHtml(`${localDate(issue.date)} · ${count}`)}</span></li>`;
  });
  const body = [
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    newest?.description === undefined ? '' : `<p>${escapeHtml(newest.description)}</p>`,
    feedLinks('feed.xml', 'atom.xml', 'feed.json'),
    '</header>',
    '<main>',
    `<h2>${escapeHtml(vi('BULLETIN_PAGE_ARCHIVE'))}</h2>`,
    rows.length === 0 ? '' : `<ul>\n${rows.join('\n')}\n</ul>`,
    '</main>',
  ]
    .filter(Boolean)
    .join('\n');
  return page(title, body);
}
