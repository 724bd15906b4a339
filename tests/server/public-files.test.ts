import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from '../../src/app/session.js';
import { runBulletinBuild } from '../../src/cli/commands/bulletin.js';
import { runSync } from '../../src/cli/commands/sync.js';
import { ManualClock } from '../../src/model/clock.js';
import { createApp } from '../../src/server/app.js';
import { writeBulletinProject } from '../cli/bulletin-project.js';
import { captureOutput } from '../support/capture-output.js';
import { tempDir } from '../support/temp-dir.js';

describe('public feeds and bulletin pages', () => {
  let session: Session;
  let app: ReturnType<typeof createApp>['app'];
  const saved = { ...process.env };

  beforeAll(async () => {
    const root = await tempDir('feeds');
    delete process.env.LOA_DATABASE_URL;
    process.env.LOA_DATA_DIR = await tempDir('feeds-data');
    process.env.LOA_LANG = 'vi';
    await writeBulletinProject(root, [
      { id: 'mot', publishAt: '2024-03-03T09:00' },
      { id: 'hai', publishAt: '2024-03-05T09:00' },
    ]);
    const clock = new ManualClock('2024-03-07T09:00:00+07:00');
    const before = new ManualClock('2024-03-01T00:00:00+07:00');
    expect(await runSync({ dir: root }, captureOutput(), before)).toBe(0);
    const built = captureOutput();
    expect(
      await runBulletinBuild('ban-tin', { dir: root, issue: '9', year: '2024' }, built, clock),
    ).toBe(0);
    session = await openSession(root, process.env);
    app = createApp({ session, clock, log: () => undefined }).app;
  });
  afterAll(async () => {
    await session?.store.close();
    process.env = { ...saved };
  });

  it('serves the RSS feed without a token, with ETag and Last-Modified, and 304 when unchanged', async () => {
    const res = await app.request('/feeds/ban-tin/feed.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(await res.text()).toContain('<rss');
    const etag = res.headers.get('etag') as string;
    expect(etag).toMatch(/^".+"$/);
    expect(res.headers.get('last-modified')).toMatch(/GMT$/);
    const again = await app.request('/feeds/ban-tin/feed.xml', {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const atom = await app.request('/feeds/ban-tin/atom.xml');
    expect(atom.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const feed = await app.request('/feeds/ban-tin/feed.json');
    const doc = (await feed.json()) as { items: unknown[] };
    expect(doc.items.length).toBeGreaterThan(0);
  });

  it('serves the bulletin archive and issue pages, and nothing outside the folder', async () => {
    const index = await app.request('/bulletins/ban-tin/');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('Số 9');
    const issue = await app.request('/bulletins/ban-tin/9-2024.html');
    expect(issue.status).toBe(200);
    for (const path of [
      '/bulletins/ban-tin/..%2F..%2Fkeys',
      '/bulletins/ban-tin/%2e%2e/x',
      '/feeds/ban-tin/secret.txt',
      '/feeds/cong/feed.xml',
    ]) {
      expect((await app.request(path)).status).toBe(404);
    }
  });
});
