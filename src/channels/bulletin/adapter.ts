import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DateTime } from 'luxon';
import { LoaError } from '../../errors/loa-error.js';
import type { BulletinChannel } from '../../model/channel.js';
import { DEFAULT_ZONE } from '../../model/primitives.js';
import type { AdapterFactory, ChannelAdapter, PublishedRef } from '../types.js';
import { buildIssue, issueWindow } from './assemble.js';
import { bulletinDir, writeFileAtomic, writeIssue } from './files.js';
import { type BulletinEntry, issueStem, parseIssueKey } from './model.js';

/**
 * Where the bulletin adapter gets the approved items offered to a channel in an issue's
 * window (the store implements it; tests pass a list).
 */
export interface BulletinEntrySource {
  entriesFor(
    channel: string,
    window: { since: DateTime; until: DateTime },
    signal: AbortSignal,
  ): Promise<BulletinEntry[]>;
}

/** A source over a fixed list of entries. */
export function listEntrySource(entries: readonly BulletinEntry[]): BulletinEntrySource {
  return { entriesFor: async () => [...entries] };
}

export interface BulletinAdapterDeps {
  entries: BulletinEntrySource;
  /** The zone issue days are read in (default Asia/Ho_Chi_Minh). */
  zone?: string;
}

/** The folder, under a bulletin's folder, of the records of issues published. */
export const PUBLISHED_FOLDER = 'published';

function keyParts(key: string, channelId: string) {
  const parts = parseIssueKey(key);
  if (!parts || parts.channel !== channelId) {
    throw new LoaError('BULLETIN_KEY_INVALID', {
      params: { key, channel: channelId },
      failure: 'permanent',
    });
  }
  return parts;
}

async function readRef(path: string): Promise<PublishedRef | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as PublishedRef;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new LoaError('BULLETIN_ISSUE_UNREADABLE', {
      params: { path, reason: (error as Error).message },
      cause: error,
      failure: 'transient',
    });
  }
}

/**
 * Makes the bulletin adapter factory. A publication key `bulletin:<channel>:<year>-<number>`
 * builds that issue from the entries the source gives for its window, writes its files under
 * `<dataDir>/public/bulletins/<channel>/`, then records the publication in
 * `published/<n>-<year>.json`. Idempotent per key: `publish` of a key already recorded returns
 * the record, and rewriting the files gives the same bytes. When the channel names a portal,
 * the issue's `portal` post is kept with the issue (`listIssues`) for the dispatcher to queue.
 */
export function createBulletinAdapter(deps: BulletinAdapterDeps): AdapterFactory {
  const zone = deps.zone ?? DEFAULT_ZONE;
  return (options): ChannelAdapter => {
    const channel = options.channel as BulletinChannel;
    const dir = bulletinDir(options.dataDir, channel.id);
    const recordPath = (key: string) => {
      const { year, number } = keyParts(key, channel.id);
      return join(dir, PUBLISHED_FOLDER, `${issueStem(number, year)}.json`);
    };
    return {
      kind: 'bulletin',
      async find(key) {
        return readRef(recordPath(key));
      },
      async publish(request, signal) {
        const path = recordPath(request.key);
        const existing = await readRef(path);
        if (existing) return existing;
        const { year, number } = keyParts(request.key, channel.id);
        const { issue, previous } = issueWindow(channel, number, year, zone);
        const entries = await deps.entries.entriesFor(
          channel.id,
          { since: previous.date, until: issue.date },
          signal,
        );
        signal.throwIfAborted();
        const built = buildIssue(channel, number, year, entries, options.clock, { zone });
        if (options.checkpoint) {
          const { size, rootHashHex, note } = await options.checkpoint();
          built.checkpoint = { size, rootHashHex, note };
        }
        await writeIssue(dir, built);
        const ref: PublishedRef = {
          externalId: built.key,
          url: `${built.siteUrl}${built.stem}.html`,
          publishedAt: options.clock.now().toUTC().toISO() ?? '',
        };
        await mkdir(join(dir, PUBLISHED_FOLDER), { recursive: true });
        await writeFileAtomic(path, `${JSON.stringify(ref, null, 2)}\n`);
        return ref;
      },
    };
  };
}
