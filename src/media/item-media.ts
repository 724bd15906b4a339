import { realpathSync } from 'node:fs';
import { basename, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { LoaError } from '../errors/loa-error.js';
import type { ContentItem } from '../model/item.js';
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

/** Whether `path` is `root` or inside it (`..anh.jpg` is inside; `../anh.jpg` is not). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

/**
 * Resolves a media path against the item's folder and refuses one that leaves it: by its
 * name (`../x.jpg`, `/etc/x`), and by its real path, so that a symbolic link (of the file or
 * of a folder on the way) to anything outside the item's folder is refused too. A path that
 * does not exist is returned as is (the image check then says it cannot be read).
 */
export function resolveMediaPath(itemDir: string, file: string): string {
  const root = resolve(itemDir);
  const full = resolve(root, file);
  const outside = () =>
    new LoaError('MEDIA_OUTSIDE_ITEM', { params: { file }, failure: 'permanent' });
  if (isAbsolute(file) || !isInside(root, full)) throw outside();
  let real: string;
  try {
    real = realpathSync(full);
  } catch {
    return full;
  }
  if (!isInside(realpathSync(root), real)) throw outside();
  return real;
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
    const path = resolveMediaPath(itemDir, media.file);
    const image = await prepareImage(path, media.file, options);
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
