import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe } from 'vitest';
import {
  deliveryFileName,
  type FileDelivery,
  filesAdapter,
} from '../../../src/channels/files/adapter.js';
import type { PublicationRequest } from '../../../src/channels/types.js';
import { Channel } from '../../../src/model/channel.js';
import { ManualClock } from '../../../src/model/clock.js';
import { type RemoteCopy, testAdapter } from '../../support/adapter-contract.js';
import { tempDir } from '../../support/temp-dir.js';

const dataDir = await tempDir('files-contract');
const channel = Channel.parse({ id: 'tep', name: 'Tệp', kind: 'files', unit: 'so-noi-vu' });
const folder = join(dataDir, 'out', 'tep');
const clock = new ManualClock('2024-03-04T08:00:00+07:00');
const make = (root = dataDir) => filesAdapter({ channel, env: {}, dataDir: root, clock });

let counter = 0;
function request(): PublicationRequest {
  counter += 1;
  return {
    key: `tep/tin-${counter}/2024-03-04T01:00:00Z`,
    channel,
    contentHash: `h${counter}`,
    slot: '2024-03-04T01:00:00.000Z',
    attempt: 1,
    item: {
      id: `tin-${counter}`,
      title: `Cải cách hành chính số ${counter}`,
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

/** The deliveries of a key as someone reading the folder finds them, withdrawn ones too. */
async function remote(request: PublicationRequest): Promise<RemoteCopy[]> {
  const name = deliveryFileName(request.key);
  const copies: RemoteCopy[] = [];
  for (const [dir, live] of [
    [folder, true],
    [join(folder, 'withdrawn'), false],
  ] as const) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const file of names.filter((n) => n === name)) {
      const delivery = JSON.parse(await readFile(join(dir, file), 'utf8')) as FileDelivery;
      copies.push({ id: delivery.deliveryId, title: delivery.title, live });
    }
  }
  return copies;
}

describe('files adapter keeps the adapter contract', () => {
  testAdapter({
    kind: 'files',
    adapter: () => make(),
    request,
    edit: (r) => ({
      ...r,
      contentHash: `${r.contentHash}-sửa`,
      item: { ...r.item, title: `${r.item.title} (sửa)` },
    }),
    remote,
    // A local adapter loses its answer when the process dies after the write: the delivery
    // is in the folder, the caller never heard of it.
    publishLosingAnswer: async (adapter, r) => {
      await adapter.publish(r, AbortSignal.timeout(10_000));
    },
    failures: {
      // The data folder's `out` is a file: the disk refuses, which may pass.
      transient: async () => {
        const broken = await tempDir('files-contract-broken');
        await writeFile(join(broken, 'out'), 'không phải thư mục');
        return make(broken).publish(request(), AbortSignal.timeout(10_000));
      },
      // Updating a delivery that was never written can never succeed.
      permanent: async () => {
        const fresh = await tempDir('files-contract-empty');
        await mkdir(join(fresh, 'out', 'tep'), { recursive: true });
        const ref = { externalId: 'x', publishedAt: '2024-03-04T01:00:00.000Z' };
        return make(fresh).update?.(ref, request(), AbortSignal.timeout(10_000));
      },
      auth: { none: 'which writes to a local folder with no credentials' },
    },
  });
});
