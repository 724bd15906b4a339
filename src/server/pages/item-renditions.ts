import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { LoaError } from '../../errors/loa-error.js';
import { message } from '../../i18n/catalogue.js';
import { mediaCacheDir, type PreparedImage, prepareImage } from '../../media/prepare-image.js';
import type { RenditionName } from '../../media/renditions.js';
import { requires } from '../auth.js';
import type { ServerContext, ServerEnv } from '../context.js';
import { type Html, html } from './html.js';

/** The sizes shown, as the portal gets them: the featured image, the thumbnail, the social card. */
const SHOWN: readonly RenditionName[] = ['featured', 'thumbnail', 'social'];

const WORDS: Record<
  RenditionName,
  'PAGE_REND_FEATURED' | 'PAGE_REND_THUMBNAIL' | 'PAGE_REND_SOCIAL'
> = {
  featured: 'PAGE_REND_FEATURED',
  thumbnail: 'PAGE_REND_THUMBNAIL',
  social: 'PAGE_REND_SOCIAL',
};

/** An uploaded file's name as the form stores it: one plain file name, nothing else. */
function uploaded(ctx: ServerContext, file: string): string {
  if (!/^[a-z0-9][a-z0-9.-]*\.(jpe?g|png)$/.test(file) || file.includes('..')) {
    throw new LoaError('ITEM_NOT_FOUND', { params: { id: file }, kind: 'not-found' });
  }
  return join(ctx.session.dataDir, 'api-items', file);
}

/** The renditions of an uploaded image, rendered once and then read from the media cache. */
function renditionsOf(ctx: ServerContext, file: string): Promise<PreparedImage> {
  return prepareImage(uploaded(ctx, file), file, {
    cacheDir: mediaCacheDir(ctx.session.dataDir),
  });
}

/**
 * The preview of one image of an item: each rendition the portal gets (JPEG), at its size,
 * with the image's description as its text alternative.
 */
export async function renditionPreview(
  ctx: ServerContext,
  media: { file: string; alt: string },
): Promise<Html> {
  const prepared = await renditionsOf(ctx, media.file).catch(() => undefined);
  if (!prepared) return html``;
  const figures = SHOWN.map((name) => {
    const r = prepared.renditions.find((x) => x.name === name && x.format === 'jpeg');
    if (!r) return '';
    const caption = message('PAGE_REND_SIZE', {
      name: message(WORDS[name]),
      width: r.width,
      height: r.height,
    });
    return html`<figure class="rendition ${name}"><img src="/items/media/${media.file}/${name}" alt="${media.alt}" width="${r.width}" height="${r.height}" loading="lazy"><figcaption>${caption}</figcaption></figure>`;
  });
  return html`<div class="renditions" aria-label="${message('PAGE_REND_OF', { file: media.file })}" role="group">${figures}</div>`;
}

/** `/items/media/<file>/<rendition>`: an uploaded image's rendition, as the portal gets it. */
export function renditionRoutes(app: Hono<ServerEnv>, ctx: ServerContext): void {
  app.get('/items/media/:file/:name', requires('queue:read'), async (c) => {
    const file = c.req.param('file');
    const name = c.req.param('name') as RenditionName;
    const prepared = await renditionsOf(ctx, file);
    const r = prepared.renditions.find((x) => x.name === name && x.format === 'jpeg');
    if (!r) throw new LoaError('ITEM_NOT_FOUND', { params: { id: file }, kind: 'not-found' });
    c.header('content-type', 'image/jpeg');
    c.header('cache-control', 'private, max-age=300');
    return c.body(new Uint8Array(await readFile(r.path)));
  });
}
