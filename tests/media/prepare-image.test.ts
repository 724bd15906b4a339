import { copyFile, mkdtemp, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { LoaError } from '../../src/errors/loa-error.js';
import { mediaCacheDir, prepareImage } from '../../src/media/prepare-image.js';
import { tempDir } from '../support/temp-dir.js';

// One folder per test file, removed after it; each test takes its own subfolder.
const root = await tempDir('media-tests');
const scratch = (prefix: string) => mkdtemp(join(root, `${prefix}-`));

/**
 * A camera photo as phones write it: pixels stored sideways (red top half, blue bottom half)
 * with EXIF orientation 6 ("rotate 90° clockwise to view"), a camera model and a GPS position.
 */
async function sidewaysPhotoWithGps(path: string): Promise<void> {
  await sharp({ create: { width: 300, height: 200, channels: 3, background: '#0000ff' } })
    .composite([
      {
        input: { create: { width: 300, height: 100, channels: 3, background: '#ff0000' } },
        top: 0,
        left: 0,
      },
    ])
    .jpeg()
    .withExif({
      IFD0: { Make: 'LoaCam', Model: 'Test 1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '20/1 26/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '106/1 20/1 0/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .toFile(path);
}

/** Whether an EXIF block holds a GPS IFD pointer (tag 0x8825, either byte order). */
function hasGpsIfd(exif: Buffer | undefined): boolean {
  return (
    !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])))
  );
}

async function pixel(path: string, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(path).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [data[at] ?? -1, data[at + 1] ?? -1, data[at + 2] ?? -1];
}

async function refusal(promise: Promise<unknown>): Promise<LoaError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LoaError);
  expect((error as LoaError).failure).toBe('permanent');
  return error as LoaError;
}

describe('preparing an item image', () => {
  it('turns it upright and strips EXIF and GPS from every rendition', async () => {
    const dir = await scratch('media');
    const source = join(dir, 'Ảnh chụp.jpg');
    await sidewaysPhotoWithGps(source);
    const input = await sharp(source).metadata();
    expect(input.orientation).toBe(6);
    expect(input.exif?.includes(Buffer.from('LoaCam'))).toBe(true);
    expect(hasGpsIfd(input.exif)).toBe(true);

    const prepared = await prepareImage(source, 'Ảnh chụp.jpg', { cacheDir: mediaCacheDir(dir) });
    expect(prepared.sourceFormat).toBe('jpeg');
    expect(prepared.renditions).toHaveLength(6);
    for (const rendition of prepared.renditions) {
      const meta = await sharp(rendition.path).metadata();
      expect(meta.format).toBe(rendition.format);
      expect(meta.exif).toBeUndefined();
      expect(hasGpsIfd(meta.exif)).toBe(false);
      expect(meta.orientation).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
    }
    const featured = prepared.renditions.find((r) => r.name === 'featured' && r.format === 'jpeg')!;
    // Upright: portrait 200×300 (not enlarged), and the red top half now on the right.
    expect([featured.width, featured.height]).toEqual([200, 300]);
    const [lr, , lb] = await pixel(featured.path, 20, 150);
    const [rr, , rb] = await pixel(featured.path, 180, 150);
    expect(lb).toBeGreaterThan(200);
    expect(lr).toBeLessThan(60);
    expect(rr).toBeGreaterThan(200);
    expect(rb).toBeLessThan(60);
  });

  it('renders the featured image 1200 wide, the thumbnail 400 wide and the social card 1200×630', async () => {
    const dir = await scratch('media');
    const source = join(dir, 'poster.png');
    await sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#e0a030' } })
      .png()
      .toFile(source);
    const prepared = await prepareImage(source, 'poster.png', { cacheDir: mediaCacheDir(dir) });
    const sizes = Object.fromEntries(
      prepared.renditions.map((r) => [`${r.name}.${r.format}`, `${r.width}x${r.height}`]),
    );
    expect(sizes).toEqual({
      'featured.jpeg': '1200x900',
      'featured.webp': '1200x900',
      'thumbnail.jpeg': '400x300',
      'thumbnail.webp': '400x300',
      'social.jpeg': '1200x630',
      'social.webp': '1200x630',
    });
  });

  it('does no work the second time: the cache answers and no file is rewritten', async () => {
    const dir = await scratch('media');
    const source = join(dir, 'a.jpg');
    await sidewaysPhotoWithGps(source);
    const cacheDir = mediaCacheDir(dir);
    const first = await prepareImage(source, 'a.jpg', { cacheDir });
    expect(first.fromCache).toBe(false);
    const mtimes = await Promise.all(
      first.renditions.map(async (r) => (await stat(r.path)).mtimeMs),
    );
    const copy = join(dir, 'copy of a.jpg');
    await copyFile(source, copy);
    const second = await prepareImage(copy, 'copy of a.jpg', { cacheDir });
    expect(second.fromCache).toBe(true);
    expect(second.renditions.map((r) => r.path)).toEqual(first.renditions.map((r) => r.path));
    expect(
      await Promise.all(second.renditions.map(async (r) => (await stat(r.path)).mtimeMs)),
    ).toEqual(mtimes);
  });

  it('refuses a text file named .jpg, naming the file', async () => {
    const dir = await scratch('media');
    await writeFile(join(dir, 'anh-gia.jpg'), 'Đây là văn bản, không phải ảnh.\n');
    const error = await refusal(
      prepareImage(join(dir, 'anh-gia.jpg'), 'anh-gia.jpg', { cacheDir: dir }),
    );
    expect(error.code).toBe('MEDIA_NOT_IMAGE');
    expect(error.localized()).toContain('anh-gia.jpg');
  });

  it('refuses an image over 40 megapixels before decoding it', async () => {
    const dir = await scratch('media');
    const source = join(dir, 'to.png');
    await sharp({ create: { width: 8000, height: 5001, channels: 3, background: '#000000' } })
      .png({ compressionLevel: 1 })
      .toFile(source);
    const error = await refusal(prepareImage(source, 'to.png', { cacheDir: dir }));
    expect(error.code).toBe('MEDIA_TOO_MANY_PIXELS');
    expect(error.params).toMatchObject({ width: 8000, height: 5001, maxMegapixels: 40 });
  });

  it('refuses a file over 20 MB and a missing file', async () => {
    const dir = await scratch('media');
    await writeFile(join(dir, 'lon.jpg'), Buffer.alloc(21 * 1024 * 1024));
    const big = await refusal(prepareImage(join(dir, 'lon.jpg'), 'lon.jpg', { cacheDir: dir }));
    expect(big.code).toBe('MEDIA_FILE_TOO_LARGE');
    const missing = await refusal(
      prepareImage(join(dir, 'khong.jpg'), 'khong.jpg', { cacheDir: dir }),
    );
    expect(missing.code).toBe('MEDIA_UNREADABLE');
  });
});
