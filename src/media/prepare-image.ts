import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LoaError } from '../errors/loa-error.js';
import { checkImage, IMAGE_LIMITS, type ImageLimits } from './image-check.js';
import {
  RENDER_VERSION,
  type RenditionFormat,
  type RenditionName,
  renderImage,
  renditionFileName,
} from './renditions.js';

/** One rendition on disk. */
export interface RenditionFile {
  name: RenditionName;
  format: RenditionFormat;
  /** Absolute path inside the media cache. */
  path: string;
  width: number;
  height: number;
  bytes: number;
}

/** An image checked and rendered, ready to upload. */
export interface PreparedImage {
  /** SHA-256 of the source bytes, hex. */
  sourceHash: string;
  /** The real format of the source, read from its bytes. */
  sourceFormat: string;
  renditions: RenditionFile[];
  /** True when every rendition came from the cache and nothing was rendered. */
  fromCache: boolean;
}

export interface PrepareImageOptions {
  /** The media cache, `$LOA_DATA_DIR/media-cache`. */
  cacheDir: string;
  limits?: ImageLimits;
}

interface Manifest {
  version: string;
  sourceHash: string;
  sourceFormat: string;
  renditions: Omit<RenditionFile, 'path'>[];
}

/** The media cache folder under a data directory. */
export function mediaCacheDir(dataDir: string): string {
  return join(dataDir, 'media-cache');
}

async function readManifest(dir: string): Promise<Manifest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    return manifest.version === RENDER_VERSION ? manifest : undefined;
  } catch {
    return undefined;
  }
}

function toPrepared(dir: string, manifest: Manifest, fromCache: boolean): PreparedImage {
  return {
    sourceHash: manifest.sourceHash,
    sourceFormat: manifest.sourceFormat,
    fromCache,
    renditions: manifest.renditions.map((r) => ({
      ...r,
      path: join(dir, renditionFileName(r.name, r.format)),
    })),
  };
}

/**
 * Checks an image and renders its featured image, thumbnail and social card in JPEG and
 * WebP, cached by the hash of its bytes: a second call with the same bytes reads the cache
 * and renders nothing. `label` names the file in errors.
 */
export async function prepareImage(
  path: string,
  label: string,
  options: PrepareImageOptions,
): Promise<PreparedImage> {
  const limits = options.limits ?? IMAGE_LIMITS;
  const checked = await checkImage(path, label, limits);
  const sourceHash = createHash('sha256').update(checked.bytes).digest('hex');
  const key = createHash('sha256').update(`${RENDER_VERSION}\n${sourceHash}`).digest('hex');
  const dir = join(options.cacheDir, key.slice(0, 2), key);
  const cached = await readManifest(dir);
  if (cached) return toPrepared(dir, cached, true);

  let rendered: Awaited<ReturnType<typeof renderImage>>;
  try {
    rendered = await renderImage(checked.bytes, limits.maxPixels);
  } catch (cause) {
    throw new LoaError('MEDIA_NOT_IMAGE', {
      params: { file: label, reason: cause instanceof Error ? cause.message : String(cause) },
      cause,
      failure: 'permanent',
    });
  }
  const manifest: Manifest = {
    version: RENDER_VERSION,
    sourceHash,
    sourceFormat: checked.format,
    renditions: rendered.map(({ name, format, width, height, bytes }) => ({
      name,
      format,
      width,
      height,
      bytes: bytes.length,
    })),
  };
  // NOTE: render into a private folder and rename it into place, so that a crash or a
  // concurrent render never leaves a half-written entry that looks complete.
  const staging = `${dir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  await mkdir(staging, { recursive: true });
  try {
    await Promise.all(
      rendered.map((r) => writeFile(join(staging, renditionFileName(r.name, r.format)), r.bytes)),
    );
    await writeFile(join(staging, 'manifest.json'), JSON.stringify(manifest));
    await rm(dir, { recursive: true, force: true });
    await rename(staging, dir);
  } catch (cause) {
    await rm(staging, { recursive: true, force: true });
    // Another process may have put the same entry in place first; use it.
    const theirs = await readManifest(dir);
    if (theirs) return toPrepared(dir, theirs, true);
    throw cause;
  }
  return toPrepared(dir, manifest, false);
}
