import { createHash, randomUUID } from 'node:crypto';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolveInside } from '../../config/contained.js';
import { LoaError } from '../../errors/loa-error.js';
import type { AdapterFactory, ChannelAdapter, PublicationRequest, PublishedRef } from '../types.js';

/** What the files adapter writes for one publication. */
export interface FileDelivery {
  key: string;
  channel: string;
  itemId: string;
  title: string;
  contentHash: string;
  slot: string;
  attempt: number;
  /** Unique per delivery: the adapter's external id. */
  deliveryId: string;
  publishedAt: string;
  item: PublicationRequest['item'];
}

/** The file name of a publication key: readable part plus a hash, safe on every file system. */
export function deliveryFileName(key: string): string {
  const readable = key.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120);
  const digest = createHash('sha256').update(key).digest('hex').slice(0, 16);
  return `${readable}-${digest}.json`;
}

/**
 * The folder a channel's deliveries go to: `<dataDir>/out/<channel>` unless it names one,
 * which must stay inside the data directory by name and by real path (a symbolic link in the
 * data directory, or on the way to it, leading out is refused). The channel check refuses
 * both at validate; this refuses them again before every write, for a link made since.
 */
export function deliveryFolder(dataDir: string, channel: { id: string; folder?: string }): string {
  const root = resolve(dataDir);
  const named = channel.folder ?? join('out', channel.id);
  const folder = resolve(root, named);
  const rel = relative(root, folder);
  if (rel === '' || isAbsolute(rel) || rel === '..' || rel.startsWith(`..${sep}`)) {
    throw outside(channel.folder);
  }
  if (resolveInside(root, named) === undefined) throw outside(named);
  return folder;
}

function outside(value: string | undefined): LoaError {
  return new LoaError('FOLDER_OUTSIDE_DATA', {
    params: { value: value ?? '' },
    failure: 'permanent',
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((done, fail) => {
    if (signal.aborted) return fail(signal.reason);
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      fail(signal.reason);
    });
  });
}

async function readDelivery(path: string): Promise<PublishedRef | undefined> {
  try {
    const delivery = JSON.parse(await readFile(path, 'utf8')) as FileDelivery;
    return {
      externalId: delivery.deliveryId,
      url: pathToFileURL(path).href,
      publishedAt: delivery.publishedAt,
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new LoaError('FILES_WRITE_FAILED', {
      params: { path, reason: (error as Error).message },
      cause: error,
      failure: 'transient',
    });
  }
}

function writeFailed(path: string, error: unknown): LoaError {
  return new LoaError('FILES_WRITE_FAILED', {
    params: { path, reason: (error as Error).message },
    cause: error,
    failure: 'transient',
  });
}

/**
 * The files adapter: one JSON file per publication in a folder. Idempotent per key: the file
 * is written to a temporary name and linked into place only if absent (`link` never
 * overwrites), so two attempts never make two deliveries, and `find` reads it back.
 * `LOA_FILES_DELAY_MS` (tests only) makes each publish take that long, so that a killed
 * process is caught mid-flight.
 */
export const filesAdapter: AdapterFactory = (options): ChannelAdapter => {
  const channel = options.channel as { id: string; folder?: string };
  const folder = deliveryFolder(options.dataDir, channel);
  /** Checked again before each write: a link may have been made since the adapter was. */
  const contain = () => deliveryFolder(options.dataDir, channel);
  const delayMs = Number(options.env.LOA_FILES_DELAY_MS ?? 0) || 0;
  const pathOf = (key: string) => join(folder, deliveryFileName(key));
  return {
    kind: 'files',
    async find(key) {
      return readDelivery(pathOf(key));
    },
    async publish(request, signal) {
      if (delayMs > 0) await sleep(delayMs, signal);
      const path = pathOf(request.key);
      const existing = await readDelivery(path);
      if (existing) return existing;
      const delivery: FileDelivery = {
        key: request.key,
        channel: request.channel.id,
        itemId: request.item.id,
        title: request.item.title,
        contentHash: request.contentHash,
        slot: request.slot,
        attempt: request.attempt,
        deliveryId: randomUUID(),
        publishedAt: options.clock.now().toUTC().toISO() as string,
        item: request.item,
      };
      const temp = `${path}.${process.pid}.${delivery.deliveryId}.tmp`;
      contain();
      try {
        await mkdir(folder, { recursive: true });
        await writeFile(temp, `${JSON.stringify(delivery, null, 2)}\n`, { flush: true });
        await link(temp, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw new LoaError('FILES_WRITE_FAILED', {
            params: { path, reason: (error as Error).message },
            cause: error,
            failure: 'transient',
          });
        }
      } finally {
        await unlink(temp).catch(() => undefined);
      }
      const written = await readDelivery(path);
      if (!written) {
        throw new LoaError('FILES_WRITE_FAILED', {
          params: { path, reason: 'missing after write' },
          failure: 'unknown',
        });
      }
      return written;
    },
    /** Rewrites the delivery with the item's new version (same delivery id), atomically. */
    async update(ref, request) {
      const path = pathOf(request.key);
      let delivery: FileDelivery;
      try {
        delivery = JSON.parse(await readFile(path, 'utf8')) as FileDelivery;
      } catch (error) {
        throw new LoaError('FILES_WRITE_FAILED', {
          params: { path, reason: (error as Error).message },
          cause: error,
          failure: 'permanent',
        });
      }
      const next: FileDelivery = {
        ...delivery,
        title: request.item.title,
        contentHash: request.contentHash,
        item: request.item,
      };
      const temp = `${path}.${process.pid}.${randomUUID()}.tmp`;
      contain();
      try {
        await writeFile(temp, `${JSON.stringify(next, null, 2)}\n`, { flush: true });
        await rename(temp, path);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw writeFailed(path, error);
      }
      return { ...ref, url: pathToFileURL(path).href };
    },
    /**
     * Moves the delivery into `withdrawn/` beside it, where it is kept as it was; one already
     * moved (a retry) counts as done.
     */
    async withdraw(ref) {
      if (!ref.url) {
        throw new LoaError('FILES_WRITE_FAILED', {
          params: { path: ref.externalId, reason: 'no file address recorded' },
          failure: 'permanent',
        });
      }
      const path = fileURLToPath(ref.url);
      const target = join(folder, 'withdrawn', basename(path));
      contain();
      try {
        await mkdir(dirname(target), { recursive: true });
        await rename(path, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw writeFailed(path, error);
      }
    },
  };
};
