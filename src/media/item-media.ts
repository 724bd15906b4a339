import { basename, extname, isAbsolute, relative, resolve } from 'node:path';
import type { ContentItem } from '../content/schema.js';
import { LoaError } from '../errors/loa-error.js';
import { nfc, slugify } from '../text/vietnamese.js';
import { type PreparedImage, type PrepareImageOptions, prepareImage } from './prepare-image.js';

/** One media entry of an item, checked and rendered, with its texts. */
export interface ItemImage {
  /** The path as the item wrote it. */
  file: string;
  /** Alt text, NFC, never blank. */
  alt: string;
  caption?: string;
  /** An ASCII file name for uploads, from the Vietnamese one: `Hội nghị.jpg` → `hoi-nghi.jpg`. */
  uploadName: string;
  image: PreparedImage;
}

/**
 * A safe ASCII file name for an upload: the original name slugified, with the given
 * extension. `Ảnh Hội nghị CCHC.JPG` → `anh-hoi-nghi-cchc.jpg`.
 */
export function uploadFileName(file: string, extension: string): string {
  const stem = slugify(nfc(basename(file, extname(file))), 60) || 'anh';
  return `${stem}.${extension}`;
}

/** Resolves a media path against the item's folder; refuses one that leaves it. */
export function resolveMediaPath(itemDir: string, file: string): string {
  const full = resolve(itemDir, file);
  const rel = relative(resolve(itemDir), full);
  if (isAbsolute(file) || rel.startsWith('..') || isAbsolute(rel)) {
    throw new LoaError('MEDIA_OUTSIDE_ITEM', { params: { file }, failure: 'permanent' });
  }
  return full;
}

/**
 * Checks and renders every image of an item. The first failure is raised as a LoaError for
 * this item only (failure `permanent`): other items are not affected.
 */
export async function prepareItemMedia(
  item: ContentItem,
  itemDir: string | undefined,
  options: PrepareImageOptions,
): Promise<ItemImage[]> {
  if (item.media.length === 0) return [];
  if (itemDir === undefined) {
    throw new LoaError('MEDIA_NO_ITEM_DIR', { params: { item: item.id }, failure: 'permanent' });
  }
  const images: ItemImage[] = [];
  for (const media of item.media) {
    const alt = nfc(media.alt ?? '').trim();
    if (alt === '') {
      throw new LoaError('MEDIA_ALT_MISSING', {
        params: { file: media.file },
        failure: 'permanent',
      });
    }
    const image = await prepareImage(resolveMediaPath(itemDir, media.file), media.file, options);
    images.push({
      file: media.file,
      alt,
      caption: media.caption === undefined ? undefined : nfc(media.caption).trim() || undefined,
      uploadName: uploadFileName(media.file, 'jpg'),
      image,
    });
  }
  return images;
}
