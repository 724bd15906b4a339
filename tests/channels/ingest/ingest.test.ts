import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { draftFileName, draftsDir, writeDraft } from '../../../src/channels/ingest/records.js';
import { type RunIngestOptions, runIngest } from '../../../src/channels/ingest/run.js';
import { feedStates } from '../../../src/channels/ingest/store-state.js';
import { readEvidence } from '../../../src/evidence/log.js';
import { IngestChannel } from '../../../src/model/channel.js';
import { ManualClock } from '../../../src/model/clock.js';
import { ItemFrontMatter } from '../../../src/model/item.js';
import type { Store } from '../../../src/store/types.js';
import { type EngineCase, storeEngines } from '../../support/store-engines.js';
import { tempDir } from '../../support/temp-dir.js';
import {
  atomDoc,
  conditionalFeed,
  endlessFeed,
  type FeedItem,
  hugeFeed,
  rssDoc,
  startFeedServer,
} from './feed-server.js';

const goodItems: FeedItem[] = [
  {
    guid: 'bao-tb-1001',
    title: 'Thái Bình đẩy mạnh cải cách hành chính'.normalize('NFD'),
    link: 'http://127.0.0.1/bai/1001',
    date: '2024-03-05T02:00:00Z',
    description: '<p>Tỉnh <b>Thái Bình</b> triển khai một cửa liên thông</p>',
  },
  { title: 'Bài không có guid', link: 'http://127.0.0.1/bai/1002', date: '2024-03-06T02:00:00Z' },
];
let good = { body: rssDoc(goodItems), etag: '"v1"' };
const legacyItem: FeedItem = {
  guid: 'tcvn3-1',
  title: 'C¶i c¸ch hµnh chÝnh tØnh Th¸i B×nh',
  link: 'http://127.0.0.1/bai/tcvn3',
};

const server = await startFeedServer({
  '/good.rss': conditionalFeed(() => good),
  '/partner.atom': (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(
      atomDoc([
        {
          guid: 'urn:doi-tac:1',
          title: 'Dịch vụ công trực tuyến',
          link: 'http://127.0.0.1/a/1',
          date: '2024-03-02T00:00:00Z',
        },
        {
          guid: 'urn:doi-tac:2',
          title: 'Chỉ số PAR Index',
          link: 'http://127.0.0.1/a/2',
          date: '2024-03-03T00:00:00Z',
        },
      ]),
    ),
  '/malformed.rss': (_req, res) => res.writeHead(200).end('<rss><channel><item><title>hỏng'),
  '/not-a-feed': (_req, res) => res.writeHead(200).end('<html><body>Trang chủ</body></html>'),
  '/huge.rss': hugeFeed(200_000),
  '/endless.rss': endlessFeed,
  '/error.rss': (_req, res) => res.writeHead(500).end('lỗi'),
  '/legacy.rss': (_req, res) =>
    res.writeHead(200).end(rssDoc([legacyItem, goodItems[0] as FeedItem])),
});

function channel(paths: string[], fields: Record<string, unknown> = {}): IngestChannel {
  return IngestChannel.parse({
    id: 'bao-thai-binh-feed',
    name: 'Báo Thái Bình',
    kind: 'ingest',
    unit: 'bao-thai-binh',
    feeds: paths.map((p) => ({ url: `${server.base}${p}`, name: `Nguồn ${p}` })),
    channels: ['thai-binh-portal'],
    timeoutSec: 1,
    maxBytes: 50_000,
    ...fields,
  });
}

async function drafts(dataDir: string): Promise<string[]> {
  return (await readdir(draftsDir(dataDir, 'bao-thai-binh-feed')).catch(() => [])).sort();
}

const engines = await storeEngines();

describe.each(engines)('feed ingest on $name', (engine: EngineCase) => {
  const stores: Store[] = [];
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    good = { body: rssDoc(goodItems), etag: '"v1"' };
  });

  /** A fresh store and data folder for one test. */
  async function fresh(prefix: string): Promise<Pick<RunIngestOptions, 'dataDir' | 'store'>> {
    const store = await engine.open();
    stores.push(store);
    return { dataDir: await tempDir(prefix), store };
  }

  it('takes in good feeds and reports malformed, huge, endless and failing ones', async () => {
    const base = await fresh('ingest');
    const { dataDir } = base;
    const clock = new ManualClock('2024-03-10T00:00:00Z');
    const feeds = [
      '/good.rss',
      '/partner.atom',
      '/malformed.rss',
      '/not-a-feed',
      '/huge.rss',
      '/endless.rss',
      '/error.rss',
    ];
    const report = (await runIngest(channel(feeds), { ...base, clock })).feeds;
    expect(report.map((r) => [r.status, r.newItems, r.error?.code])).toEqual([
      ['ok', 2, undefined],
      ['ok', 2, undefined],
      ['failed', 0, 'INGEST_MALFORMED'],
      ['failed', 0, 'INGEST_MALFORMED'],
      ['failed', 0, 'INGEST_TOO_LARGE'],
      ['failed', 0, 'INGEST_TIMEOUT'],
      ['failed', 0, 'INGEST_HTTP_STATUS'],
    ]);
    expect(report[6]?.error?.failure).toBe('transient');
    const names = await drafts(dataDir);
    expect(names).toHaveLength(4);
    const texts = await Promise.all(
      names.map((n) => readFile(join(draftsDir(dataDir, 'bao-thai-binh-feed'), n), 'utf8')),
    );
    for (const text of texts) {
      const front = parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '');
      const checked = ItemFrontMatter.safeParse(front);
      expect(checked.success).toBe(true);
      expect(front).toMatchObject({
        status: 'draft',
        channels: ['thai-binh-portal'],
        unit: 'bao-thai-binh',
      });
    }
    const first = texts.find((t) => t.includes('bao-tb-1001')) ?? '';
    expect(first).toContain('title: Thái Bình đẩy mạnh cải cách hành chính');
    expect(first).toContain('Tỉnh Thái Bình triển khai một cửa liên thông');
    expect(first).not.toContain('Thái Bình đẩy mạnh'.normalize('NFD'));
    // Drafts are not evidence: nothing was published yet.
    expect(await readEvidence(base.store)).toEqual([]);

    // The same feeds again: nothing new, and the unchanged feed answers 304.
    const again = (await runIngest(channel(feeds), { ...base, clock, force: true })).feeds;
    expect(again.slice(0, 2).map((r) => [r.status, r.newItems, r.skipped])).toEqual([
      ['not-modified', 0, 0],
      ['ok', 0, 2],
    ]);
    expect(await drafts(dataDir)).toEqual(names);
  });

  it('waits for the interval between reads unless forced, then sees only what is new', async () => {
    const base = await fresh('ingest-interval');
    const clock = new ManualClock('2024-03-10T00:00:00Z');
    const feed = channel(['/good.rss'], { intervalMinutes: 60 });
    expect((await runIngest(feed, { ...base, clock })).feeds[0]?.newItems).toBe(2);
    clock.advance({ minutes: 30 });
    expect((await runIngest(feed, { ...base, clock })).feeds[0]?.status).toBe('not-due');
    clock.advance({ minutes: 30 });
    good = {
      body: rssDoc([
        ...goodItems,
        { guid: 'bao-tb-1003', title: 'Tin mới về TTHC', link: 'http://127.0.0.1/bai/1003' },
      ]),
      etag: '"v2"',
    };
    const [third] = (await runIngest(feed, { ...base, clock })).feeds;
    expect([third?.status, third?.newItems, third?.skipped]).toEqual(['ok', 1, 2]);
    expect(await drafts(base.dataDir)).toHaveLength(3);
    const [state] = await feedStates(base.store, feed.id);
    expect(state).toEqual({
      url: `${server.base}/good.rss`,
      lastRun: '2024-03-10T01:00:00.000Z',
      etag: '"v2"',
      lastModified: 'Fri, 01 Mar 2024 00:00:00 GMT',
      seen: 3,
    });
  });

  it('does not duplicate a draft written just before a crash, before its key was recorded', async () => {
    const base = await fresh('ingest-crash');
    const clock = new ManualClock('2024-03-10T00:00:00Z');
    const dir = draftsDir(base.dataDir, 'bao-thai-binh-feed');
    const url = `${server.base}/good.rss`;
    const [firstItem] = goodItems;
    const entry = { key: firstItem?.guid ?? '', title: firstItem?.title ?? '', categories: [] };
    await writeDraft(dir, draftFileName(url, entry), '---\ntitle: x\n---\n');
    const [after] = (await runIngest(channel(['/good.rss']), { ...base, clock })).feeds;
    expect([after?.status, after?.newItems, after?.skippedBy.seen]).toEqual(['ok', 1, 1]);
    expect(await drafts(base.dataDir)).toHaveLength(2);
  });

  it('takes press articles in once each, refusing legacy-encoded entries', async () => {
    const base = await fresh('ingest-press');
    const clock = new ManualClock('2024-03-10T00:00:00Z');
    const press = channel(['/legacy.rss'], {
      creates: 'press',
      serves: [{ plan: 'thai-binh-2024', tasks: ['tin-bai-bao-thai-binh'] }],
    });
    const [first] = (await runIngest(press, { ...base, clock })).feeds;
    expect(first?.legacy).toEqual([expect.objectContaining({ key: 'tcvn3-1', encoding: 'TCVN3' })]);
    expect([first?.newItems, first?.skippedBy]).toEqual([
      1,
      { seen: 0, legacy: 1, unidentified: 0 },
    ]);
    const [second] = (await runIngest(press, { ...base, clock, force: true })).feeds;
    expect([second?.status, second?.newItems, second?.skipped]).toEqual(['ok', 0, 2]);
    expect(second?.legacy).toHaveLength(1);
    const entries = await readEvidence(base.store);
    expect(entries.map((e) => [e.externalId, e.note, e.time])).toEqual([
      [
        'bao-tb-1001',
        'Thái Bình đẩy mạnh cải cách hành chính'.normalize('NFC'),
        '2024-03-05T02:00:00.000Z',
      ],
    ]);
    expect(await drafts(base.dataDir)).toEqual([]);
  });
});
