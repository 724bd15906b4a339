import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runIngestCommand } from '../../../src/cli/commands/ingest.js';
import { ManualClock } from '../../../src/model/clock.js';
import { captureOutput } from '../../support/capture-output.js';
import { storeEngines } from '../../support/store-engines.js';
import { tempDir } from '../../support/temp-dir.js';
import { rssDoc, startFeedServer } from './feed-server.js';

const ROOT = join(import.meta.dirname, '../../..');
const engines = await storeEngines();

const server = await startFeedServer({
  '/cchc.rss': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(
      rssDoc([
        {
          guid: 'tb-0331',
          title: 'Thái Bình công bố Chỉ số hài lòng năm 2023',
          link: 'http://127.0.0.1/bai/0331',
          date: '2024-03-31T23:30:00+07:00',
        },
        { guid: 'tb-khong-ngay', title: 'Chuyên mục CCHC số đặc biệt' },
        { title: 'Tin không có mã' },
      ]),
    );
  },
  '/hong.rss': (_req, res) => res.writeHead(200).end('<html>Trang chủ</html>'),
});

/** A copy of the repository's plans and channels, the press channel pointed at the server. */
async function project(feeds: string[]): Promise<string> {
  const root = await tempDir('ingest-cmd');
  await cp(join(ROOT, 'schedules'), join(root, 'schedules'), { recursive: true });
  await cp(join(ROOT, 'channels'), join(root, 'channels'), { recursive: true });
  await mkdir(join(root, 'content'));
  const file = join(root, 'channels', 'bao-thai-binh-feed.yaml');
  const text = await readFile(file, 'utf8');
  const list = feeds.map((f) => `  - url: ${server.base}${f}\n    name: Báo Thái Bình ${f}`);
  await writeFile(
    file,
    text.replace(/feeds:\n( {2}.*\n)+/, `feeds:\n${list.join('\n')}\n`).concat('timeoutSec: 2\n'),
  );
  return root;
}

describe.each(engines)('loa ingest on $name', (engine) => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('prints what was new with its evidence indices, what was skipped and why', async () => {
    Object.assign(process.env, await engine.env(), { LOA_LANG: 'vi' });
    const root = await project(['/cchc.rss']);
    const clock = new ManualClock('2024-04-10T00:00:00Z');
    const first = captureOutput();
    expect(await runIngestCommand({ dir: root }, first, clock)).toBe(0);
    expect(first.stdout).toEqual([
      'Kênh bao-thai-binh-feed (press):',
      '  Báo Thái Bình /cchc.rss: ok, 2 tin mới, 1 bỏ qua',
      '    + Thái Bình công bố Chỉ số hài lòng năm 2023 (2024-03-31 23:30 +07:00) → mục nhật ký #0',
      '    + Chuyên mục CCHC số đặc biệt (nguồn không ghi ngày đăng; tính theo lúc đọc vào 2024-04-10 07:00 +07:00) → mục nhật ký #1',
      '    bỏ qua: 0 tin đã nhận trước đó, 0 tin gõ bảng mã cũ, 1 tin không có mã nhận dạng (guid, id, link)',
    ]);

    const second = captureOutput();
    expect(await runIngestCommand({ dir: root, force: true, json: true }, second, clock)).toBe(0);
    const [report] = JSON.parse(second.stdout.join('\n'));
    expect(report).toMatchObject({ channel: 'bao-thai-binh-feed', creates: 'press' });
    expect(report.feeds[0]).toMatchObject({
      status: 'ok',
      newItems: 0,
      skipped: 3,
      skippedBy: { seen: 2, legacy: 0, unidentified: 1 },
      evidence: [],
    });
  });

  it('reports a feed that is not a feed in Vietnamese, exits 1 and writes nothing', async () => {
    Object.assign(process.env, await engine.env(), { LOA_LANG: 'vi' });
    const root = await project(['/hong.rss']);
    const out = captureOutput();
    const clock = new ManualClock('2024-04-10T00:00:00Z');
    expect(await runIngestCommand({ dir: root, json: true }, out, clock)).toBe(1);
    const [report] = JSON.parse(out.stdout.join('\n'));
    expect(report.feeds[0]).toMatchObject({ status: 'failed', newItems: 0, evidence: [] });
    expect(report.feeds[0].error).toContain('[INGEST_MALFORMED] Nguồn tin');
    expect(report.feeds[0].error).toContain('không phải RSS/Atom đọc được');
  });
});
