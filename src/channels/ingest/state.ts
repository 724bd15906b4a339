import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { LoaError } from '../../errors/loa-error.js';
import { writeFileAtomic } from '../bulletin/files.js';

/** What loa remembers about one feed between reads. */
export interface FeedState {
  etag?: string;
  lastModified?: string;
  /** Keys (guid, id or link) of the entries already taken in, oldest first. */
  seenIds: string[];
  /** When the feed was last asked for, UTC ISO 8601 (for the polite interval). */
  lastCheckedAt?: string;
}

/**
 * Where ingest keeps its per-feed state. The JSON file below is the default; the store can
 * implement the same two calls later.
 */
export interface IngestState {
  getFeedState(url: string): Promise<FeedState | undefined>;
  saveFeedState(url: string, state: FeedState): Promise<void>;
}

/** How many entry keys are kept per feed; older ones are still found on disk (drafts, records). */
export const MAX_SEEN_IDS = 5000;

interface StateFile {
  version: 1;
  feeds: Record<string, FeedState>;
}

/** The state file of an ingest channel: `<dataDir>/ingest/<channel>.json`. */
export function ingestStatePath(dataDir: string, channel: string): string {
  return join(dataDir, 'ingest', `${channel}.json`);
}

/**
 * The per-feed state of one ingest channel in a JSON file, replaced atomically (temporary
 * file, then rename) on each save, so a crash leaves the old or the new state, never half.
 */
export class JsonFileIngestState implements IngestState {
  constructor(readonly path: string) {}

  private async read(): Promise<StateFile> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, feeds: {} };
      throw this.unreadable(error);
    }
    try {
      const parsed = JSON.parse(text) as StateFile;
      if (typeof parsed !== 'object' || parsed === null || typeof parsed.feeds !== 'object') {
        throw new Error('no "feeds" object');
      }
      return parsed;
    } catch (error) {
      throw this.unreadable(error);
    }
  }

  private unreadable(error: unknown): LoaError {
    return new LoaError('INGEST_STATE_UNREADABLE', {
      params: { path: this.path, reason: (error as Error).message },
      cause: error,
      failure: 'permanent',
    });
  }

  async getFeedState(url: string): Promise<FeedState | undefined> {
    return (await this.read()).feeds[url];
  }

  async saveFeedState(url: string, state: FeedState): Promise<void> {
    const file = await this.read();
    const seenIds = state.seenIds.slice(-MAX_SEEN_IDS);
    file.feeds[url] = { ...state, seenIds };
    await mkdir(dirname(this.path), { recursive: true });
    await writeFileAtomic(this.path, `${JSON.stringify(file, null, 2)}\n`);
  }
}
