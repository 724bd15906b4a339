import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Diagnostic, fieldPath } from '../config/diagnostic.js';
import type { Project } from '../config/project-types.js';
import { LoaError } from '../errors/loa-error.js';
import { hasCapability } from '../model/channel-kinds.js';
import { checkImage } from './image-check.js';
import { resolveMediaPath } from './item-media.js';

/**
 * What `loa validate` finds in the media of items, before anything is dispatched: a path that
 * leaves the item's folder, also through a symbolic link (real path), and, for items that
 * go to a portal, a file that is not a real image of an accepted type (an SVG, a 0-byte
 * file, a renamed PDF), too large on disk or in pixels (an image bomb). Each finding is an
 * error at the item's `media[i].file` line. A file that does not exist is reported by the
 * cross-check (UNKNOWN_MEDIA), not here.
 */
export async function mediaDiagnostics(project: Project): Promise<Diagnostic[]> {
  const channels = new Map(project.channels.map((c) => [c.value.id, c.value]));
  const out: Diagnostic[] = [];
  await Promise.all(
    project.items.map(async (located) => {
      const item = located.value;
      // A portal uploads each medium as an image.
      const asImages = item.channels.some((id) => hasCapability(channels.get(id), 'showsImages'));
      for (const [i, media] of item.media.entries()) {
        const path = ['media', i, 'file'];
        const report = (error: LoaError) =>
          out.push({
            severity: 'error',
            code: error.code,
            params: error.params,
            file: located.file,
            field: fieldPath(path),
            ...located.source.locate(path),
          });
        try {
          const full = resolveMediaPath(dirname(located.file), media.file);
          if (!existsSync(full)) continue;
          if (asImages) await checkImage(full, media.file);
        } catch (error) {
          if (!(error instanceof LoaError)) throw error;
          report(error);
        }
      }
    }),
  );
  return out;
}
