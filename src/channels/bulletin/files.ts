import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LoaError } from '../../errors/loa-error.js';
import { renderIssueFeeds, renderLatestFeeds } from './feeds.js';
import type { BuiltIssue, IssueSummary } from './model.js';
import { renderArchivePage, renderIssuePage } from './pages.js';

/** Where a bulletin channel's public files go: `<dataDir>/public/bulletins/<channel>`. */
export function bulletinDir(dataDir: string, channel: string): string {
  return join(dataDir, 'public', 'bulletins', channel);
}

/** The folder, under a bulletin's folder, that keeps each issue as built (the source of truth). */
export const ISSUES_FOLDER = 'issues';

/** What `writeIssue` did. */
export interface WrittenIssue {
  /** Every file of the issue and of the channel-wide feeds, relative to the folder. */
  files: string[];
  /** Files whose bytes changed (empty when the same issue was written again). */
  changed: string[];
}

/**
 * Writes a file atomically (temporary file, then rename) unless it already holds exactly
 * these bytes. Returns whether it wrote.
 */
export async function writeFileAtomic(path: string, text: string): Promise<boolean> {
  const current = await readFile(path, 'utf8').catch(() => undefined);
  if (current === text) return false;
  const temp = `${path}.${process.pid}.${randomUUID()}.tmp`;
  try {
    await writeFile(temp, text, { flush: true });
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new LoaError('FILES_WRITE_FAILED', {
      params: { path, reason: (error as Error).message },
      cause: error,
      failure: 'transient',
    });
  }
  return true;
}

function byDateDescending(a: BuiltIssue, b: BuiltIssue): number {
  return b.year - a.year || b.number - a.number;
}

/** Every issue written to a bulletin folder, as built, newest first. */
export async function readIssues(dir: string): Promise<BuiltIssue[]> {
  const folder = join(dir, ISSUES_FOLDER);
  const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const issues: BuiltIssue[] = [];
  for (const name of names.filter((n) => /^\d+-\d{4}\.json$/.test(n))) {
    const path = join(folder, name);
    try {
      issues.push(JSON.parse(await readFile(path, 'utf8')) as BuiltIssue);
    } catch (error) {
      throw new LoaError('BULLETIN_ISSUE_UNREADABLE', {
        params: { path, reason: (error as Error).message },
        cause: error,
        failure: 'permanent',
      });
    }
  }
  return issues.sort(byDateDescending);
}

/** The issues written to a bulletin folder, oldest first, for `loa bulletin list`. */
export async function listIssues(dir: string): Promise<IssueSummary[]> {
  const issues = await readIssues(dir);
  return issues.reverse().map((issue) => {
    const summary: IssueSummary = {
      key: issue.key,
      number: issue.number,
      year: issue.year,
      label: issue.label,
      date: issue.date,
      stem: issue.stem,
      articles: issue.articles.length,
    };
    if (issue.portal) summary.portal = issue.portal;
    return summary;
  });
}

/** One issue as written, or undefined when it has not been. */
export async function readIssue(
  dir: string,
  number: number,
  year: number,
): Promise<BuiltIssue | undefined> {
  return (await readIssues(dir)).find((i) => i.number === number && i.year === year);
}

/**
 * Writes an issue into its bulletin folder: the issue as built (`issues/<n>-<year>.json`),
 * its RSS (`<n>-<year>.xml`), Atom (`.atom`), JSON Feed (`.json`) and page (`.html`), then the
 * channel-wide `feed.xml`, `atom.xml`, `feed.json` and `index.html` from every issue written.
 * Each file is replaced atomically; writing the same issue again changes no byte.
 */
export async function writeIssue(dir: string, issue: BuiltIssue): Promise<WrittenIssue> {
  await mkdir(join(dir, ISSUES_FOLDER), { recursive: true }).catch((error: Error) => {
    throw new LoaError('FILES_WRITE_FAILED', {
      params: { path: dir, reason: error.message },
      cause: error,
      failure: 'transient',
    });
  });
  const feeds = renderIssueFeeds(issue);
  const own: Array<[string, string]> = [
    [`${ISSUES_FOLDER}/${issue.stem}.json`, `${JSON.stringify(issue, null, 2)}\n`],
    [`${issue.stem}.xml`, feeds.rss],
    [`${issue.stem}.atom`, feeds.atom],
    [`${issue.stem}.json`, feeds.json],
    [`${issue.stem}.html`, renderIssuePage(issue)],
  ];
  const changed: string[] = [];
  for (const [name, text] of own)
    if (await writeFileAtomic(join(dir, name), text)) changed.push(name);
  // NOTE: the channel-wide files are rebuilt from every issue on disk, so a lost write of them
  // is repaired by the next issue; two issues written at once may leave them one issue behind.
  const all = await readIssues(dir);
  const latest = renderLatestFeeds(all);
  const shared: Array<[string, string]> = [
    ['feed.xml', latest.rss],
    ['atom.xml', latest.atom],
    ['feed.json', latest.json],
    ['index.html', renderArchivePage(all)],
  ];
  for (const [name, text] of shared) {
    if (await writeFileAtomic(join(dir, name), text)) changed.push(name);
  }
  return { files: [...own, ...shared].map(([name]) => name), changed };
}
