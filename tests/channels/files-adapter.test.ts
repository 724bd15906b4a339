import { mkdir, readdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deliveryFileName, filesAdapter } from '../../src/channels/files/adapter.js';
import type { PublicationRequest } from '../../src/channels/types.js';
import { LoaError } from '../../src/errors/loa-error.js';
import { Channel } from '../../src/model/channel.js';
import { ManualClock } from '../../src/model/clock.js';
import { tempDir } from '../support/temp-dir.js';

const channel = Channel.parse({ id: 'tep', name: 'Tệp', kind: 'files', unit: 'so-noi-vu' });
const clock = new ManualClock('2024-03-04T08:00:00+07:00');

function request(key: string, attempt = 1): PublicationRequest {
  return {
    key,
    channel,
    contentHash: 'h',
    slot: '2024-03-04T01:00:00.000Z',
    attempt,
    item: {
      id: 'tin',
      title: 'Cải cách hành chính',
      channels: ['tep'],
      unit: 'so-noi-vu',
      author: 'Phòng CCHC',
      topics: [],
      priority: 3,
      media: [],
      repost: false,
      evergreen: false,
      status: 'approved',
      body: 'Nội dung',
    },
  };
}

describe('files adapter', () => {
  it('writes one file per key, finds it again, and never delivers twice', async () => {
    const dataDir = await tempDir('files');
    const adapter = filesAdapter({ channel, env: {}, dataDir, clock });
    const signal = new AbortController().signal;
    const key = 'tep/tin@2024-03-04T01:00:00.000Z';
    expect(await adapter.find(key, signal)).toBeUndefined();
    const refs = await Promise.all(
      [1, 2, 3, 4].map((n) => adapter.publish(request(key, n), signal)),
    );
    expect(new Set(refs.map((r) => r.externalId)).size).toBe(1);
    expect(await adapter.find(key, signal)).toEqual(refs[0]);
    const files = await readdir(join(dataDir, 'out/tep'));
    expect(files).toEqual([deliveryFileName(key)]);
  });

  it('gives every key its own safe file name', () => {
    const a = deliveryFileName('tep/tin@2024-03-04T01:00:00.000Z');
    const b = deliveryFileName('tep/tin@2024-03-04T01:00:00.001Z');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9._-]+\.json$/);
  });

  it('writes nothing outside the data directory when a link there leads out', async () => {
    const dataDir = await tempDir('files');
    const elsewhere = await tempDir('files-elsewhere');
    const signal = new AbortController().signal;
    // The link is made after the adapter: the folder is checked again before the write.
    const adapter = filesAdapter({ channel, env: {}, dataDir, clock });
    await mkdir(join(dataDir, 'out'), { recursive: true });
    await symlink(elsewhere, join(dataDir, 'out/tep'));
    const refused = await adapter.publish(request('tep/tin@1'), signal).catch((e) => e);
    expect(refused).toBeInstanceOf(LoaError);
    expect((refused as LoaError).code).toBe('FOLDER_OUTSIDE_DATA');
    // A folder named by the channel, under a linked parent that does not exist yet.
    await symlink(elsewhere, join(dataDir, 'kho'));
    const named = Channel.parse({ ...channel, folder: 'kho/tep' });
    expect(() => filesAdapter({ channel: named, env: {}, dataDir, clock })).toThrow(LoaError);
    expect(await readdir(elsewhere)).toEqual([]);
  });
});
