import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { prepareItemMedia, resolveMediaPath, uploadFileName } from '../../src/media/item-media.js';
import type { ContentItem } from '../../src/model/item.js';
import { tempDir } from '../support/temp-dir.js';

// One folder per test file, removed after it; each test takes its own subfolder.
const root = await tempDir('media-tests');
const scratch = (prefix: string) => mkdtemp(join(root, `${prefix}-`));

function item(media: ContentItem['media']): ContentItem {
  return {
    id: 'tin/hoi-nghi',
    title: 'Hội nghị',
    topics: [],
    channels: ['cong-tinh'],
    unit: 'so-noi-vu',
    author: 'Văn phòng',
    priority: 3,
    media,
    repost: false,
    evergreen: false,
    status: 'approved',
    body: '',
  };
}

describe('the images of an item', () => {
  it('get ASCII upload names from Vietnamese file names', () => {
    expect(uploadFileName('Ảnh Hội nghị CCHC.JPG', 'jpg')).toBe('anh-hoi-nghi-cchc.jpg');
    expect(uploadFileName('anh/Đường "mới" (2024).png'.normalize('NFD'), 'jpg')).toBe(
      'duong-moi-2024.jpg',
    );
    expect(uploadFileName('….jpg', 'jpg')).toBe('anh.jpg');
  });

  it('are resolved in the item folder and may not leave it', () => {
    expect(resolveMediaPath('/srv/content/tin', 'anh/a.jpg')).toBe('/srv/content/tin/anh/a.jpg');
    for (const bad of ['../khac/a.jpg', '/etc/passwd', 'anh/../../a.jpg']) {
      expect(() => resolveMediaPath('/srv/content/tin', bad)).toThrow(
        expect.objectContaining({ code: 'MEDIA_OUTSIDE_ITEM', failure: 'permanent' }),
      );
    }
  });

  it('need alt text and a known folder; good ones are prepared with their texts', async () => {
    const dir = await scratch('item-media');
    await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } })
      .jpeg()
      .toFile(join(dir, 'Quầy một cửa.jpg'));
    const options = { cacheDir: join(dir, 'cache') };
    await expect(
      prepareItemMedia(item([{ file: 'Quầy một cửa.jpg', alt: '   ' }]), dir, options),
    ).rejects.toMatchObject({ code: 'MEDIA_ALT_MISSING' });
    await expect(
      prepareItemMedia(item([{ file: 'Quầy một cửa.jpg', alt: 'Quầy' }]), undefined, options),
    ).rejects.toMatchObject({ code: 'MEDIA_NO_ITEM_DIR' });
    const [image] = await prepareItemMedia(
      item([
        { file: 'Quầy một cửa.jpg', alt: 'Quầy tiếp nhận'.normalize('NFD'), caption: 'Chú thích' },
      ]),
      dir,
      options,
    );
    expect(image).toMatchObject({
      alt: 'Quầy tiếp nhận',
      caption: 'Chú thích',
      uploadName: 'quay-mot-cua.jpg',
    });
    expect(image?.image.renditions).toHaveLength(6);
  });
});
