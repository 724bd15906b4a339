/** The sizes loa renders from every image. */
export type RenditionName = 'featured' | 'thumbnail' | 'social';
/** The encodings each size is written in. */
export type RenditionFormat = 'jpeg' | 'webp';

/** How one size is cut: a width, or a box filled by cropping on the centre of attention. */
export interface RenditionSpec {
  name: RenditionName;
  width: number;
  /** When set, the image is cropped to exactly width × height. */
  height?: number;
}

/** Featured image 1200 px wide, thumbnail 400 px, social card 1200×630. */
export const RENDITIONS: readonly RenditionSpec[] = [
  { name: 'featured', width: 1200 },
  { name: 'thumbnail', width: 400 },
  { name: 'social', width: 1200, height: 630 },
];

export const RENDITION_FORMATS: readonly RenditionFormat[] = ['jpeg', 'webp'];

const EXTENSIONS: Record<RenditionFormat, string> = { jpeg: 'jpg', webp: 'webp' };

/** The file name of a rendition inside its cache folder, e.g. `featured.jpg`. */
export function renditionFileName(name: RenditionName, format: RenditionFormat): string {
  return `${name}.${EXTENSIONS[format]}`;
}

/** One rendered file. */
export interface RenderedImage {
  name: RenditionName;
  format: RenditionFormat;
  bytes: Buffer;
  width: number;
  height: number;
}

/**
 * Changes whenever the output of `renderImage` would change, so that the cache key changes
 * with it and old renditions are not served for new settings.
 */
export const RENDER_VERSION = `r1:${RENDITIONS.map((r) => `${r.name}=${r.width}x${r.height ?? ''}`).join(',')}:jpeg82,webp80`;

/**
 * Renders every rendition of an image: auto-rotated from its EXIF orientation, converted to
 * sRGB, with every metadata block (EXIF, GPS, XMP, IPTC) dropped; sharp writes none unless
 * asked to.
 */
export async function renderImage(bytes: Buffer, maxPixels: number): Promise<RenderedImage[]> {
  const { default: sharp } = await import('sharp');
  const upright = sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error' }).rotate();
  const jobs: Promise<RenderedImage>[] = [];
  for (const spec of RENDITIONS) {
    for (const format of RENDITION_FORMATS) {
      const resized =
        spec.height === undefined
          ? upright.clone().resize({ width: spec.width, withoutEnlargement: true })
          : upright.clone().resize({
              width: spec.width,
              height: spec.height,
              fit: 'cover',
              position: sharp.strategy.attention,
            });
      const encoded =
        format === 'jpeg'
          ? resized.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true })
          : resized.webp({ quality: 80 });
      jobs.push(
        encoded.toBuffer({ resolveWithObject: true }).then(({ data, info }) => ({
          name: spec.name,
          format,
          bytes: data,
          width: info.width,
          height: info.height,
        })),
      );
    }
  }
  return Promise.all(jobs);
}
