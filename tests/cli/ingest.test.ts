import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSession } from '../../src/app/session.js';
import { addUser, createToken } from '../../src/auth/users.js';
import { draftsDir } from '../../src/channels/ingest/records.js';
import { runIngestCommand } from '../../src/cli/commands/ingest.js';
import { runRun } from '../../src/cli/commands/run.js';
import { readEvidence } from '../../src/evidence/log.js';
import { ManualClock } from '../../src/model/clock.js';
import { createApp } from '../../src/server/app.js';
import { openStore } from '../../src/store/open-store.js';
import { rssDoc, startFeedServer } from '../channels/ingest/feed-server.js';
import { captureOutput } from '../support/capture-output.js';
import { tempDir } from '../support/temp-dir.js';
import { writeBulletinProject } from './bulletin-project.js';

const ENTRIES = [
  {
    guid: 'bao-1',
    title: 'Tỉnh đẩy mạnh dịch vụ công trực tuyến toàn trình',
    link: 'http://127.0.0.1/bao/1',
    date: '2024-03-02T02:00:00Z',
  },
  {
    guid: 'bao-2',
    title: 'Một cửa liên thông cấp xã: rút ngắn thời gian giải quyết hồ sơ',
    link: 'http://127.0.0.1/bao/2',
    date: '2024-03-03T02:00:00Z',
  },
];

const server = await startFeedServer({
  '/bao.rss': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(rssDoc(ENTRIES));
  },
  '/doi-tac.rss': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(rssDoc(ENTRIES.slice(0, 1), 'Cổng đối tác'));
  },
  '/hong.rss': (_req, res) => {
    res.writeHead(500).end('lỗi máy chủ');
  },
});

describe('loa ingest', () => {
  let root: string;
  let dataDir: string;
  const saved = { ...process.env };
  beforeEach(async () => {
    root = await tempDir('ingest-proj');
    dataDir = await tempDir('ingest-data');
    process.env.LOA_DATA_DIR = dataDir;
    process.env.LOA_LANG = 'en';
    delete process.env.LOA_DATABASE_URL;
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('takes each entry in once: press records and drafts the first time, nothing new the second', async () => {
    await writeBulletinProject(root, [], {
      feeds: { press: `${server.base}/bao.rss`, draft: `${server.base}/doi-tac.rss` },
    });
    const clock = new ManualClock('2024-03-04T01:00:00Z');
    const first = captureOutput();
    expect(await runIngestCommand({ dir: root }, first, clock)).toBe(0);
    expect(first.stdout).toEqual([
      'Channel bao-tinh (press):',
      '  Nguồn bao-tinh: ok, 2 new, 0 skipped',
      '    + Tỉnh đẩy mạnh dịch vụ công trực tuyến toàn trình (2024-03-02 09:00 +07:00) → evidence #0',
      '    + Một cửa liên thông cấp xã: rút ngắn thời gian giải quyết hồ sơ (2024-03-03 09:00 +07:00) → evidence #1',
      'Channel doi-tac (draft):',
      '  Nguồn doi-tac: ok, 1 new, 0 skipped',
      expect.stringMatching(
        /^ {4}\+ Tỉnh đẩy mạnh dịch vụ công trực tuyến toàn trình → .*drafts\/doi-tac\/tinh-day-manh-.*\.md$/,
      ),
    ]);

    clock.advance({ hours: 2 });
    const second = captureOutput();
    expect(await runIngestCommand({ dir: root, force: true }, second, clock)).toBe(0);
    expect(second.stdout).toContain('  Nguồn bao-tinh: ok, 0 new, 2 skipped');
    expect(second.stdout).toContain('  Nguồn doi-tac: ok, 0 new, 1 skipped');

    // Each press article is in the evidence log once, however often the feed is read.
    const store = await openStore({ dataDir });
    try {
      const logged = await readEvidence(store);
      expect(logged.map((e) => [e.kind, e.channel, e.note, e.url])).toEqual(
        ENTRIES.map((e) => ['manual', 'bao-tinh', e.title, e.link]),
      );
    } finally {
      await store.close();
    }
    const drafts = await readdir(draftsDir(dataDir, 'doi-tac'));
    expect(drafts).toHaveLength(1);
    const draft = await readFile(join(draftsDir(dataDir, 'doi-tac'), drafts[0] ?? ''), 'utf8');
    expect(draft).toContain('status: draft');
    expect(draft).toContain('- ban-tin');

    // The API shows each feed's last read and how many entries it gave, from the store.
    const session = await openSession(root, process.env);
    try {
      const by = { actor: 'test', at: clock.now().toUTC().toISO() as string };
      await addUser(session.store, 'kt', 'auditor', by);
      const { token } = await createToken(session.store, 'kt', by);
      const { app } = createApp({ session, clock, log: () => undefined });
      const answer = await app.request('/api/ingest', {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual(
        expect.arrayContaining([
          {
            channel: 'bao-tinh',
            feeds: [{ url: `${server.base}/bao.rss`, lastCheckedAt: expect.any(String), seen: 2 }],
          },
          {
            channel: 'doi-tac',
            feeds: [
              { url: `${server.base}/doi-tac.rss`, lastCheckedAt: expect.any(String), seen: 1 },
            ],
          },
        ]),
      );
    } finally {
      await session.store.close();
    }

    // Without --force, a feed read within its interval is not asked again.
    const hits = server.hits.get('/bao.rss');
    const third = captureOutput();
    expect(await runIngestCommand({ dir: root, channel: 'bao-tinh' }, third, clock)).toBe(0);
    expect(third.stdout).toEqual([
      'Channel bao-tinh (press):',
      '  Nguồn bao-tinh: not-due, 0 new, 0 skipped',
    ]);
    expect(server.hits.get('/bao.rss')).toBe(hits);
  });

  it('reports a failing feed with its error and exit code 1, and still reads the others', async () => {
    await writeBulletinProject(root, [], {
      feeds: { press: `${server.base}/hong.rss`, draft: `${server.base}/doi-tac.rss` },
    });
    const out = captureOutput();
    expect(
      await runIngestCommand({ dir: root }, out, new ManualClock('2024-03-04T01:00:00Z')),
    ).toBe(1);
    expect(out.stdout[1]).toBe('  Nguồn bao-tinh: failed, 0 new, 0 skipped');
    expect(out.stdout[2]).toContain('[INGEST_HTTP_STATUS]');
    expect(out.stdout).toContain('  Nguồn doi-tac: ok, 1 new, 0 skipped');
  });

  it('loa run reads due feeds beside the dispatcher; a failing feed is logged and the run goes on', async () => {
    await writeBulletinProject(root, [], {
      feeds: { press: `${server.base}/hong.rss`, draft: `${server.base}/doi-tac.rss` },
    });
    const out = captureOutput();
    const clock = new ManualClock('2024-03-04T01:00:00Z');
    expect(await runRun({ dir: root, once: true }, out, clock)).toBe(0);
    const lines = out.stdout.map((l) => JSON.parse(l) as Record<string, unknown>);
    const ingest = lines.filter((l) => l.event === 'ingest');
    expect(ingest.map((l) => [l.channel, l.status, l.newItems, l.error])).toEqual([
      ['bao-tinh', 'failed', 0, 'INGEST_HTTP_STATUS'],
      ['doi-tac', 'ok', 1, undefined],
    ]);
    expect(lines.at(-1)?.event).toBe('stopped');
    expect(await readdir(draftsDir(dataDir, 'doi-tac'))).toHaveLength(1);
  });
});
