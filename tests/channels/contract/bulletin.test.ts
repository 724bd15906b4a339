import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe } from 'vitest';
import { createBulletinAdapter, listEntrySource } from '../../../src/channels/bulletin/adapter.js';
import { bulletinDir } from '../../../src/channels/bulletin/files.js';
import type { PublicationRequest } from '../../../src/channels/types.js';
import { ManualClock } from '../../../src/model/clock.js';
import { type RemoteCopy, testAdapter } from '../../support/adapter-contract.js';
import { tempDir } from '../../support/temp-dir.js';
import { bulletinChannel, entry } from '../bulletin/fixtures.js';

const dataDir = await tempDir('bulletin-contract');
const channel = bulletinChannel();
const dir = bulletinDir(dataDir, channel.id);
const clock = new ManualClock('2024-12-31T01:00:05Z');
const items = [entry('a', '2024-03-03T03:00:00Z'), entry('b', '2024-03-10T03:00:00Z')];
const make = (root = dataDir) =>
  createBulletinAdapter({ entries: listEntrySource(items) })({
    channel,
    env: {},
    dataDir: root,
    clock,
  });

/** Each request is the next issue of 2024 (four a month), so no two tests share one. */
let issue = 1;
function request(key = `bulletin:${channel.id}:2024-${++issue}`): PublicationRequest {
  const [first] = items;
  if (!first) throw new Error('no item');
  return {
    key,
    channel,
    item: first.item,
    contentHash: 'h',
    slot: '2024-03-07T01:00:00.000Z',
    attempt: 1,
  };
}

const stemOf = (request: PublicationRequest) => {
  const [year, number] = (request.key.split(':').at(-1) ?? '').split('-');
  return { stem: `${number}-${year}`, number, year };
};

/**
 * An issue as a reader of the bulletin's site finds it: each link to its page in the archive
 * is a copy, titled by the page's heading.
 */
async function remote(request: PublicationRequest): Promise<RemoteCopy[]> {
  const { stem } = stemOf(request);
  const archive = await readFile(join(dir, 'index.html'), 'utf8').catch(() => '');
  const links = archive.split(`href="${stem}.html"`).length - 1;
  if (links === 0) return [];
  const page = await readFile(join(dir, `${stem}.html`), 'utf8');
  const title = /<h1>([^<]*)<\/h1>/.exec(page)?.[1] ?? '';
  return Array.from({ length: links }, () => ({ id: stem, title, live: true }));
}

describe('bulletin adapter keeps the adapter contract', () => {
  testAdapter({
    kind: 'bulletin',
    adapter: () => make(),
    request: () => request(),
    title: (r) => `${channel.title} – Số ${stemOf(r).number}/${stemOf(r).year}`,
    remote,
    // The issue's files and record are written; the process dies before it hears back.
    publishLosingAnswer: async (adapter, r) => {
      await adapter.publish(r, AbortSignal.timeout(10_000));
    },
    failures: {
      // The bulletin's folder is a file: the disk refuses, which may pass.
      transient: async () => {
        const broken = await tempDir('bulletin-contract-broken');
        await mkdir(join(broken, 'public', 'bulletins'), { recursive: true });
        await writeFile(bulletinDir(broken, channel.id), 'không phải thư mục');
        return make(broken).publish(request(), AbortSignal.timeout(10_000));
      },
      // An issue the channel's calendar does not have (the 49th of a year of 48) never will.
      permanent: () =>
        make().publish(request(`bulletin:${channel.id}:2024-49`), AbortSignal.timeout(10_000)),
      auth: { none: 'which writes its issues to local files with no credentials' },
    },
  });
});
