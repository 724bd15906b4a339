import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { IngestChannel } from '../../model/channel.js';
import { slugify } from '../../text/vietnamese.js';
import { writeFileAtomic } from '../bulletin/files.js';
import type { FeedEntry } from './entries.js';

/** The feed an entry came from. */
export interface FeedSource {
  url: string;
  name?: string;
}

/** Tin báo chí: a press-coverage record as the old `.jsonl` file kept it (before migration 10). */
export interface PressRecord {
  /** `<feed url> <entry key>`: what makes it unique. */
  id: string;
  channel: string;
  unit: string;
  feed: string;
  feedName?: string;
  key: string;
  title: string;
  link?: string;
  /** When the source published it, UTC ISO 8601. */
  publishedAt?: string;
  author?: string;
  summary?: string;
  /** When loa read it, UTC ISO 8601. */
  ingestedAt: string;
}

/** A short, stable digest of an entry's identity (feed and key), used in file names. */
export function entryDigest(feed: string, key: string): string {
  return createHash('sha256').update(`${feed}\n${key}`).digest('hex').slice(0, 12);
}

/** The folder of an ingest channel's drafts: `<dataDir>/ingest/drafts/<channel>`. */
export function draftsDir(dataDir: string, channel: string): string {
  return join(dataDir, 'ingest', 'drafts', channel);
}

/**
 * The old press-record file of an ingest channel, `<dataDir>/ingest/press/<channel>.jsonl`:
 * read once by the import, no longer written.
 */
export function pressFile(dataDir: string, channel: string): string {
  return join(dataDir, 'ingest', 'press', `${channel}.jsonl`);
}

/** The file name of an entry's draft: readable slug plus the digest that makes it unique. */
export function draftFileName(feed: string, entry: FeedEntry): string {
  const slug = slugify(entry.title, 60) || 'tin';
  return `${slug}-${entryDigest(feed, entry.key)}.md`;
}

/**
 * The draft item for an entry: front matter a content item accepts (status draft, the ingest
 * channel's target channels and unit), the source in YAML comments, and a plain-text body
 * with a link back. Pure.
 */
export function renderDraft(
  channel: Pick<IngestChannel, 'id' | 'unit' | 'channels'>,
  source: FeedSource,
  entry: FeedEntry,
): string {
  const front: Record<string, unknown> = { title: entry.title };
  if (entry.summary) front.summary = entry.summary.slice(0, 500);
  Object.assign(front, {
    topics: [],
    channels: [...channel.channels],
    unit: channel.unit,
    author: entry.author ?? source.name ?? channel.id,
    status: 'draft',
  });
  const comments = [
    `# ingest: ${channel.id}`,
    `# feed: ${source.url}`,
    `# guid: ${entry.key}`,
    entry.link ? `# link: ${entry.link}` : '',
    entry.date ? `# published: ${entry.date}` : '',
  ].filter(Boolean);
  const body = [entry.summary ?? entry.title];
  if (entry.link) body.push(`Nguồn: [${source.name ?? entry.link}](${entry.link})`);
  const yaml = stringify(front, { lineWidth: 0 }).trimEnd();
  return `---\n${comments.map((c) => c.replace(/\n/g, ' ')).join('\n')}\n${yaml}\n---\n\n${body.join('\n\n')}\n`;
}

/** Digests of the drafts already in a folder (whatever their slug became). */
export async function draftDigests(dir: string): Promise<Set<string>> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const digests = new Set<string>();
  for (const name of names) {
    const match = /-([0-9a-f]{12})\.md$/.exec(name);
    if (match?.[1]) digests.add(match[1]);
  }
  return digests;
}

/**
 * The press records of a channel's old `.jsonl` file (written before migration 10; loa now
 * keeps press articles in the store and the evidence log). A torn last line is ignored.
 */
export async function readPressRecords(path: string): Promise<PressRecord[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  const records: PressRecord[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const record = JSON.parse(line) as PressRecord;
      if (typeof record.key === 'string' && typeof record.title === 'string') records.push(record);
    } catch {
      // NOTE: only an interrupted append leaves a broken line; that entry was never saved.
    }
  }
  return records;
}

/** Writes one draft, atomically. */
export async function writeDraft(dir: string, name: string, text: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, name);
  await writeFileAtomic(path, text);
  return path;
}
