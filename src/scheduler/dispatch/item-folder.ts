import { dirname, resolve } from 'node:path';
import type { ItemRow } from '../../store/schema.js';

/** The folder an item was read from, where its media files sit. */
export function itemFolder(item: ItemRow, contentDir: string | undefined): string | undefined {
  if (item.source === 'cli') return dirname(item.path);
  return contentDir === undefined ? undefined : dirname(resolve(contentDir, item.path));
}
