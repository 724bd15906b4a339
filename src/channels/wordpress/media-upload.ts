import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ItemImage } from '../../media/item-media.js';
import { wpText } from './post-content.js';
import type { WpRestClient } from './rest-client.js';
import type { WP_REST_API_Attachment } from './wp-rest-types.js';

/** An image on the portal: the attachment's id and public address. */
export interface UploadedImage {
  id: number;
  url: string;
}

type AttachmentRef = Pick<WP_REST_API_Attachment, 'id' | 'source_url'>;

/**
 * The attachment slug of an image: a hash of its bytes and texts. The same image with the
 * same texts is uploaded once and found again by this slug, also after a lost response.
 */
export function mediaSlug(image: ItemImage, title: string): string {
  const hash = createHash('sha256')
    .update(`${image.image.sourceHash}\n${image.alt}\n${image.caption ?? ''}\n${title}`)
    .digest('hex');
  return `loa-m-${hash.slice(0, 24)}`;
}

/**
 * Uploads the 1200 px JPEG rendition of an image, unless an attachment with its slug is
 * already there. The file name sent is ASCII (`hoi-nghi.jpg`); the Vietnamese title, alt
 * text and caption travel as UTF-8 fields, escaped as plain text (`wpText`).
 */
export async function uploadImage(
  client: WpRestClient,
  image: ItemImage,
  title: string,
  signal: AbortSignal,
): Promise<UploadedImage> {
  const slug = mediaSlug(image, title);
  const found = await client.call<AttachmentRef[]>(
    { method: 'GET', route: '/wp/v2/media', query: { slug, _fields: 'id,source_url' } },
    signal,
  );
  if (found[0]) return { id: found[0].id, url: found[0].source_url };
  const featured = image.image.renditions.find((r) => r.name === 'featured' && r.format === 'jpeg');
  if (!featured) throw new Error(`no featured JPEG rendition for ${image.file}`);
  const bytes = await readFile(featured.path);
  const created = await client.call<AttachmentRef>(
    {
      method: 'POST',
      route: '/wp/v2/media',
      // NOTE: WordPress reads these fields from the query string of a raw upload, which saves
      // a second request; UTF-8 is percent-encoded by URLSearchParams.
      query: {
        slug,
        title: wpText(title),
        alt_text: wpText(image.alt),
        caption: image.caption === undefined ? undefined : wpText(image.caption),
        _fields: 'id,source_url',
      },
      body: bytes,
      headers: {
        'Content-Type': 'image/jpeg',
        'Content-Disposition': `attachment; filename="${image.uploadName}"`,
      },
    },
    signal,
  );
  return { id: created.id, url: created.source_url };
}
