import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../src/calendar/period.js';
import { pressFile } from '../../../src/channels/ingest/records.js';
import { runIngest } from '../../../src/channels/ingest/run.js';
import { ingestStatePath } from '../../../src/channels/ingest/state.js';
import { runEvidenceCheckpoint, runEvidenceVerify } from '../../../src/cli/commands/evidence.js';
import { loadProject } from '../../../src/config/project.js';
import { readEvidence } from '../../../src/evidence/log.js';
import { auditFromLog } from '../../../src/evidence/log-audit.js';
import { type Channel, IngestChannel } from '../../../src/model/channel.js';
import { ManualClock } from '../../../src/model/clock.js';
import type { Plan } from '../../../src/model/plan.js';
import { openStore, storeOptionsFrom } from '../../../src/store/open-store.js';
import { rawForTests } from '../../../src/store/testing.js';
import type { Store } from '../../../src/store/types.js';
import { captureOutput } from '../../support/capture-output.js';
import { type EngineCase, storeEngines } from '../../support/store-engines.js';
import { endlessFeed, type FeedItem, hugeFeed, rssDoc, startFeedServer } from './feed-server.js';

const engines = await storeEngines();
const project = await loadProject({ root: join(import.meta.dirname, '../../..'), env: {} });
const plan = project.plans.find((p) => p.value.id === 'thai-binh-2024')?.value as Plan;
const example = project.channels.find((c) => c.value.id === 'bao-thai-binh-feed')
  ?.value as IngestChannel;
const TASK = 'tin-bai-bao-thai-binh';

const MARCH: FeedItem = {
  guid: 'baothaibinh-2024-0331-cchc',
  title: 'Thái Bình công bố Chỉ số hài lòng của người dân năm 2023'.normalize('NFD'),
  link: 'http://127.0.0.1/bai/0331',
  date: '2024-03-31T23:30:00+07:00',
};
const APRIL: FeedItem = {
  guid: 'baothaibinh-2024-0401-cchc',
  title: 'Một cửa liên thông cấp xã rút ngắn thời gian giải quyết hồ sơ',
  link: 'http://127.0.0.1/bai/0401',
  date: '2024-04-01T08:00:00+07:00',
};
const UNDATED: FeedItem = {
  guid: 'baothaibinh-khong-ngay',
  title: 'Chuyên mục Cải cách hành chính số đặc biệt',
  link: 'http://127.0.0.1/bai/dac-biet',
};

let feed = { items: [MARCH, APRIL, UNDATED], etag: '"v1"' };
const conditions: (string | undefined)[] = [];
/**
 * When set, the feed holds its answers until this many requests are waiting, so that runs
 * started together really read the feed at the same time (none has saved an ETag yet).
 */
let together: { count: number; waiting: (() => void)[] } | undefined;
function answerTogether(answer: () => void): void {
  if (together === undefined) {
    answer();
    return;
  }
  const gate = together;
  gate.waiting.push(answer);
  if (gate.waiting.length < gate.count) return;
  together = undefined;
  for (const go of gate.waiting) go();
}
const server = await startFeedServer({
  '/cchc.rss': (req, res) => {
    conditions.push(req.headers['if-none-match'] as string | undefined);
    answerTogether(() => {
      if (req.headers['if-none-match'] === feed.etag) {
        res.writeHead(304, { etag: feed.etag }).end();
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/rss+xml; charset=utf-8',
        etag: feed.etag,
      });
      res.end(rssDoc(feed.items));
    });
  },
  '/malformed.rss': (_req, res) => res.writeHead(200).end('<rss><channel><item><title>hỏng'),
  '/huge.rss': hugeFeed(200_000),
  '/endless.rss': endlessFeed,
  '/error.rss': (_req, res) => res.writeHead(503).end('bảo trì'),
});

/** The example press channel of the repository, pointed at the local feed server. */
function pressChannel(paths = ['/cchc.rss'], fields: Record<string, unknown> = {}) {
  return IngestChannel.parse({
    ...example,
    feeds: paths.map((p) => ({ url: `${server.base}${p}`, name: `Báo Thái Bình ${p}` })),
    timeoutSec: 1,
    maxBytes: 50_000,
    ...fields,
  });
}

function channelsWith(channel: Channel): Channel[] {
  return [...project.channels.map((c) => c.value).filter((c) => c.id !== channel.id), channel];
}

/** What the article's content hash must be: SHA-256 of title, link and UTC date, by line. */
function expectedHash(item: FeedItem, date: string): string {
  const text = [item.title.normalize('NFC'), item.link, date].join('\n');
  return createHash('sha256').update(text).digest('hex');
}

async function monthOfTask(store: Store, channel: Channel, period: string, now: string) {
  const result = await auditFromLog(store, {
    plan,
    channels: channelsWith(channel),
    period: parsePeriod(period, plan.timeZone),
    now: new ManualClock(now).now(),
  });
  const task = result.tasks.find((t) => t.id === TASK);
  return task?.periods.map((p) => [p.label, p.achieved, p.evidence]);
}

async function open(engine: EngineCase) {
  const env = await engine.env();
  const store = await openStore(storeOptionsFrom(env));
  return { env, store, dataDir: env.LOA_DATA_DIR as string };
}

describe.each(engines)('press articles as evidence on $name', (engine) => {
  const stores: Store[] = [];
  const saved = { ...process.env };
  afterEach(async () => {
    process.env = { ...saved };
    await Promise.all(stores.splice(0).map((s) => s.close()));
    feed = { items: [MARCH, APRIL, UNDATED], etag: '"v1"' };
    together = undefined;
  });

  it('logs one manual entry per article for the served task, counted in the month it was published', async () => {
    const { store, dataDir } = await open(engine);
    stores.push(store);
    const clock = new ManualClock('2024-04-10T00:00:00Z');
    const channel = pressChannel();
    const run = await runIngest(channel, { dataDir, clock, store });
    const [report] = run.feeds;
    expect([report?.status, report?.newItems, report?.evidence]).toEqual(['ok', 3, [0, 1, 2]]);
    expect(run.imported).toBeUndefined();

    const entries = await readEvidence(store);
    expect(entries).toHaveLength(3);
    expect(entries[0]).toEqual({
      index: 0,
      leafHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      kind: 'manual',
      plan: 'thai-binh-2024',
      task: TASK,
      unit: 'bao-thai-binh',
      channel: 'bao-thai-binh-feed',
      channelKind: 'ingest',
      time: '2024-03-31T16:30:00.000Z',
      timeSource: 'published',
      url: MARCH.link,
      externalId: MARCH.guid,
      note: 'Thái Bình công bố Chỉ số hài lòng của người dân năm 2023'.normalize('NFC'),
      contentHash: expectedHash(MARCH, '2024-03-31T16:30:00.000Z'),
      actor: 'ingest',
    });
    // No date in the feed: dated when it was read, and the entry says so.
    expect(entries[2]).toMatchObject({
      externalId: UNDATED.guid,
      time: '2024-04-10T00:00:00.000Z',
      timeSource: 'ingested',
      contentHash: expectedHash(UNDATED, ''),
    });

    // 23:30 on 31 March in Vietnam is 16:30 UTC: it counts in March, not April.
    expect(await monthOfTask(store, channel, '2024-03', '2024-04-10T00:00:00Z')).toEqual([
      ['2024-03', 1, [0]],
    ]);
    expect(await monthOfTask(store, channel, '2024-04', '2024-04-10T00:00:01Z')).toEqual([
      ['2024-04', 2, [1, 2]],
    ]);
  });

  it('writes one entry per served plan task, each counted for its own task only', async () => {
    const { store, dataDir } = await open(engine);
    stores.push(store);
    const channel = pressChannel(['/cchc.rss'], {
      serves: [{ plan: 'thai-binh-2024', tasks: [TASK, 'mang-xa-hoi'] }],
    });
    const clock = new ManualClock('2024-04-10T00:00:00Z');
    const [report] = (await runIngest(channel, { dataDir, clock, store })).feeds;
    expect(report?.entries.map((e) => [e.key, e.evidence])).toEqual([
      [MARCH.guid, [0, 1]],
      [APRIL.guid, [2, 3]],
      [UNDATED.guid, [4, 5]],
    ]);
    const result = await auditFromLog(store, {
      plan,
      channels: channelsWith(channel),
      period: parsePeriod('2024-03', plan.timeZone),
      now: clock.now(),
    });
    const counted = (id: string) => result.tasks.find((t) => t.id === id)?.periods[0]?.evidence;
    expect(counted(TASK)).toEqual([0]);
    expect(counted('mang-xa-hoi')).toEqual([1]);
  });

  it('adds nothing on a second run, nor when a title changes later; the log still verifies', async () => {
    const { env, store, dataDir } = await open(engine);
    stores.push(store);
    Object.assign(process.env, env);
    const clock = new ManualClock('2024-04-10T00:00:00Z');
    const channel = pressChannel();
    await runIngest(channel, { dataDir, clock, store });
    const checkpoint = captureOutput();
    expect(await runEvidenceCheckpoint({}, checkpoint, clock)).toBe(0);

    // Unchanged feed: a conditional GET answered 304.
    const [same] = (await runIngest(channel, { dataDir, clock, store, force: true })).feeds;
    expect([same?.status, same?.newItems, same?.evidence]).toEqual(['not-modified', 0, []]);
    expect(conditions.at(-1)).toBe('"v1"');

    // The newspaper retitles an article: same guid, so it is the same article.
    feed = {
      items: [
        { ...MARCH, title: 'Thái Bình công bố Chỉ số SIPAS 2023 (cập nhật)' },
        APRIL,
        UNDATED,
      ],
      etag: '"v2"',
    };
    clock.advance({ hours: 2 });
    const [retitled] = (await runIngest(channel, { dataDir, clock, store })).feeds;
    expect([retitled?.status, retitled?.newItems, retitled?.skippedBy]).toEqual([
      'ok',
      0,
      { seen: 3, legacy: 0, unidentified: 0 },
    ]);
    expect(await readEvidence(store)).toHaveLength(3);

    const next: FeedItem = {
      guid: 'baothaibinh-2024-0405',
      title: 'Dịch vụ công trực tuyến toàn trình',
      link: 'http://127.0.0.1/bai/0405',
      date: '2024-04-05T09:00:00+07:00',
    };
    feed = { items: [next, ...feed.items], etag: '"v3"' };
    clock.advance({ hours: 2 });
    const [added] = (await runIngest(channel, { dataDir, clock, store })).feeds;
    expect([added?.newItems, added?.evidence]).toEqual([1, [3]]);

    const verify = captureOutput();
    expect(await runEvidenceVerify({ checkpoint: undefined }, verify)).toBe(0);
    expect(verify.stderr).toEqual([]);
    expect(verify.stdout.join('\n')).toContain('4');
  });

  it('takes each article in once when concurrent runs read the feed at the same time', async () => {
    const { env, dataDir } = await open(engine).then(async (o) => {
      await o.store.close();
      return o;
    });
    // NOTE: on PostgreSQL each run has its own pool, as separate `loa run` processes do. On
    // SQLite the runs share one connection: better-sqlite3 waits for a lock synchronously, so
    // a second connection in the same process would stall the first one's open transaction.
    const first = await openStore(storeOptionsFrom(env));
    const second = engine.name === 'postgres' ? await openStore(storeOptionsFrom(env)) : first;
    stores.push(...new Set([first, second]));
    const clock = new ManualClock('2024-04-10T00:00:00Z');
    // A slow newspaper: the first read waits for the other two without timing out.
    const channel = pressChannel(['/cchc.rss'], { timeoutSec: 30 });
    // The three reads reach the newspaper before any of them is answered.
    together = { count: 3, waiting: [] };
    const runs = await Promise.all([
      runIngest(channel, { dataDir, clock, store: first, force: true }),
      runIngest(channel, { dataDir, clock, store: second, force: true }),
      runIngest(channel, { dataDir, clock, store: first, force: true }),
    ]);
    const reports = runs.map((r) => r.feeds[0]);
    expect(reports.map((r) => r?.status)).toEqual(['ok', 'ok', 'ok']);
    expect(reports.reduce((n, r) => n + (r?.newItems ?? 0), 0)).toBe(3);
    const entries = await readEvidence(first);
    expect(entries.map((e) => e.externalId).sort()).toEqual(
      [APRIL.guid, MARCH.guid, UNDATED.guid].sort(),
    );
    expect(entries.map((e) => e.index)).toEqual([0, 1, 2]);

    // Without --force, of two processes asking at once only one reads the feed.
    clock.advance({ hours: 2 });
    const polite = await Promise.all([
      runIngest(channel, { dataDir, clock, store: first }),
      runIngest(channel, { dataDir, clock, store: second }),
    ]);
    expect(polite.map((r) => r.feeds[0]?.status).sort()).toEqual(['not-due', 'not-modified']);
  });

  it('imports the old JSON state and press records once, without taking their articles in again', async () => {
    const { store, dataDir } = await open(engine);
    stores.push(store);
    const channel = pressChannel();
    const url = `${server.base}/cchc.rss`;
    const statePath = ingestStatePath(dataDir, channel.id);
    await mkdir(dirname(statePath), { recursive: true });
    await writeFile(
      statePath,
      JSON.stringify({
        version: 1,
        feeds: {
          [url]: {
            etag: '"old"',
            lastModified: 'Fri, 05 Apr 2024 00:00:00 GMT',
            seenIds: [MARCH.guid, APRIL.guid],
            lastCheckedAt: '2024-04-05T00:00:00.000Z',
          },
        },
      }),
    );
    const records = [MARCH, APRIL].map((item) => ({
      id: `${url} ${item.guid}`,
      channel: channel.id,
      unit: channel.unit,
      feed: url,
      key: item.guid,
      title: item.title.normalize('NFC'),
      link: item.link,
      publishedAt: new Date(item.date as string).toISOString(),
      ingestedAt: '2024-04-05T00:00:00.000Z',
    }));
    await mkdir(dirname(pressFile(dataDir, channel.id)), { recursive: true });
    await writeFile(
      pressFile(dataDir, channel.id),
      `${records.map((r) => JSON.stringify(r)).join('\n')}\n{"torn`,
    );

    const clock = new ManualClock('2024-04-10T00:00:00Z');
    const run = await runIngest(channel, { dataDir, clock, store });
    expect(run.imported).toEqual({ path: statePath, feeds: 1, entries: 2, evidence: [0, 1] });
    // The imported ETag is sent, so the feed is asked for conditionally as before.
    expect(conditions.at(-1)).toBe('"old"');
    const [report] = run.feeds;
    expect([report?.newItems, report?.skippedBy.seen, report?.evidence]).toEqual([1, 2, [2]]);
    const entries = await readEvidence(store);
    expect(entries.map((e) => [e.externalId, e.time])).toEqual([
      [MARCH.guid, '2024-03-31T16:30:00.000Z'],
      [APRIL.guid, '2024-04-01T01:00:00.000Z'],
      [UNDATED.guid, '2024-04-10T00:00:00.000Z'],
    ]);
    expect(await monthOfTask(store, channel, '2024-03', '2024-04-10T00:00:00Z')).toEqual([
      ['2024-03', 1, [0]],
    ]);

    // Once only: the files stay, and are not read into the store again.
    const again = await runIngest(channel, { dataDir, clock, store, force: true });
    expect(again.imported).toBeUndefined();
    expect(again.feeds[0]?.newItems).toBe(0);
    expect(await readEvidence(store)).toHaveLength(3);
    expect((await stat(statePath)).isFile()).toBe(true);
    expect(await readFile(pressFile(dataDir, channel.id), 'utf8')).toContain(MARCH.guid);
  });

  it('reports malformed, oversized, hanging and failing feeds and writes nothing for them', async () => {
    const { store, dataDir } = await open(engine);
    stores.push(store);
    const clock = new ManualClock('2024-04-10T00:00:00Z');
    const bad = ['/malformed.rss', '/huge.rss', '/endless.rss', '/error.rss'];
    const { feeds } = await runIngest(pressChannel(bad), { dataDir, clock, store });
    expect(feeds.map((f) => [f.status, f.newItems, f.error?.code])).toEqual([
      ['failed', 0, 'INGEST_MALFORMED'],
      ['failed', 0, 'INGEST_TOO_LARGE'],
      ['failed', 0, 'INGEST_TIMEOUT'],
      ['failed', 0, 'INGEST_HTTP_STATUS'],
    ]);
    expect(feeds[0]?.error?.localized()).toContain('không phải RSS/Atom');
    expect(await readEvidence(store)).toEqual([]);
    expect(await rawForTests(store).selectFrom('ingest_entries').selectAll().execute()).toEqual([]);

    // A good feed beside them still goes in.
    const mixed = await runIngest(pressChannel([...bad, '/cchc.rss']), {
      dataDir,
      clock,
      store,
      force: true,
    });
    expect(mixed.feeds.map((f) => f.status)).toEqual([
      'failed',
      'failed',
      'failed',
      'failed',
      'ok',
    ]);
    expect(await readEvidence(store)).toHaveLength(3);
  });
});
