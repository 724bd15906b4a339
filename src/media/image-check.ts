import { readFile, stat } from 'node:fs/promises';
import type { Metadata } from 'sharp';
import { LoaError } from '../errors/loa-error.js';

/** The limits an image beside an item must keep. */
export interface ImageLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Largest image accepted, in pixels (width × height). */
  maxPixels: number;
}

/** 20 MB and 40 megapixels: a phone photo passes, a scanned poster at 600 dpi does not. */
export const IMAGE_LIMITS: ImageLimits = { maxBytes: 20 * 1024 * 1024, maxPixels: 40_000_000 };

/** Image formats an item may carry, as libvips names them after reading the bytes. */
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'heif', 'tiff']);

/** An image file that passed the checks: its bytes and what they really are. */
export interface CheckedImage {
  bytes: Buffer;
  /** The real format, read from the bytes (not from the file name). */
  format: string;
  width: number;
  height: number;
}

function fail(
  code: 'MEDIA_UNREADABLE' | 'MEDIA_NOT_IMAGE',
  file: string,
  cause?: unknown,
  found?: string,
) {
  // NOTE: always a reason, so the message never shows a bare `{reason}`: the library's words,
  // else the format the bytes turned out to be (`svg`, `pdf`), else the size.
  const reason =
    cause instanceof Error ? cause.message.split('\n')[0] : (found ?? 'không rõ định dạng');
  return new LoaError(code, { params: { file, reason }, cause, failure: 'permanent' });
}

/**
 * Reads an image file and checks it: size on disk, real type from its bytes, pixel count.
 * `label` is how the file is named in errors (the path as the item wrote it).
 */
export async function checkImage(
  path: string,
  label: string,
  limits: ImageLimits = IMAGE_LIMITS,
): Promise<CheckedImage> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (cause) {
    throw fail('MEDIA_UNREADABLE', label, cause);
  }
  if (size > limits.maxBytes) {
    throw new LoaError('MEDIA_FILE_TOO_LARGE', {
      params: { file: label, mb: (size / 1048576).toFixed(1), maxMb: limits.maxBytes / 1048576 },
      failure: 'permanent',
    });
  }
  if (size === 0) throw fail('MEDIA_NOT_IMAGE', label, undefined, '0 byte');
  const bytes = await readFile(path).catch((cause: unknown) => {
    throw fail('MEDIA_UNREADABLE', label, cause);
  });
  let meta: Metadata;
  try {
    // NOTE: sharp (a native library) is loaded by the first image checked, not at start.
    const { default: sharp } = await import('sharp');
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (cause) {
    throw fail('MEDIA_NOT_IMAGE', label, cause);
  }
  const { format, width, height } = meta;
  if (!format || !ACCEPTED_FORMATS.has(format) || !width || !height) {
    throw fail('MEDIA_NOT_IMAGE', label, undefined, format ? `${format}` : undefined);
  }
  const frameHeight = meta.pageHeight ?? height;
  if (width * frameHeight > limits.maxPixels) {
    throw new LoaError('MEDIA_TOO_MANY_PIXELS', {
      params: {
        file: label,
        width,
        height: frameHeight,
        megapixels: ((width * frameHeight) / 1e6).toFixed(1),
        maxMegapixels: limits.maxPixels / 1e6,
      },
      failure: 'permanent',
    });
  }
  return { bytes, format, width, height: frameHeight };
}
