import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { buildIssue } from '../../../src/channels/bulletin/assemble.js';
import { writeIssue } from '../../../src/channels/bulletin/files.js';
import { ManualClock } from '../../../src/model/clock.js';
import { tempDir } from '../../support/temp-dir.js';
import { bulletinChannel, entry } from './fixtures.js';

const clock = new ManualClock('2024-04-01T00:00:00Z');
const hostile = entry('nguy-hiem', '2024-03-02T03:00:00Z', {
  title: 'Tiêu đề <script>alert("x")</script> & "trích dẫn"',
  summary: 'Tóm <b>tắt</b>',
  author: 'Tác giả <i>ẩn</i>',
  body: [
    'Đoạn có <script>alert(1)</script> và <iframe src="http://127.0.0.1:9/x"></iframe>.',
    '',
    '![Ảnh hội nghị](http://127.0.0.1:9/anh.png)',
    '',
    '<img src="x" onerror="alert(1)"> [liên kết](javascript:alert(1)) [cổng](http://127.0.0.1:8081/cchc/)',
    '',
    '<link rel="stylesheet" href="http://127.0.0.1:9/x.css"><style>body{}</style>',
  ].join('\n'),
});

async function written() {
  const dir = await tempDir('bulletin-pages');
  const issue = buildIssue(bulletinChannel(), 9, 2024, [hostile], clock);
  await writeIssue(dir, issue);
  return { dir, issue };
}

describe('e-bulletin pages', () => {
  it('writes a Vietnamese page with everything escaped and nothing loaded from outside', async () => {
    const { dir } = await written();
    const html = await readFile(join(dir, '9-2024.html'), 'utf8');
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('Bản tin Cải cách hành chính – Số 9/2024');
    expect(html).toContain('Phát hành ngày 07/03/2024');
    expect(html).toContain(
      'Tiêu đề &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;trích dẫn&quot;',
    );
    expect(html).toContain('Tác giả &lt;i&gt;ẩn&lt;/i&gt;');
    expect(html).not.toMatch(/<script|<iframe|<img|<link|x\.css|body\{\}|onerror|javascript:/i);
    expect(html).not.toMatch(/\ssrc=/i);
    expect(html).toContain('<span>Ảnh hội nghị</span>');
    expect(html).toContain('href="http://127.0.0.1:8081/cchc/"');
    expect(html).toContain('content="default-src &#39;none&#39;;');
  });

  it('writes an archive index of every issue, newest first', async () => {
    const { dir } = await written();
    await writeIssue(dir, buildIssue(bulletinChannel(), 10, 2024, [hostile], clock));
    const index = await readFile(join(dir, 'index.html'), 'utf8');
    expect(index).toContain('<html lang="vi">');
    expect(index.indexOf('10-2024.html')).toBeLessThan(index.indexOf('9-2024.html'));
    expect(index).toContain('Số 10/2024');
    expect(index).toContain('href="feed.xml"');
    expect(index).toContain('0 bài');
    expect(index).toContain('1 bài');
  });

  it('carries sanitised HTML in the feeds, and the raw title intact', async () => {
    const { dir, issue } = await written();
    const feed = await new Parser().parseString(await readFile(join(dir, '9-2024.xml'), 'utf8'));
    const item = feed.items[0];
    expect(item?.title).toBe(issue.articles[0]?.title);
    const content = (item as Record<string, unknown> | undefined)?.['content:encoded'];
    expect(content).toContain('<span>Ảnh hội nghị</span>');
    expect(content).not.toMatch(/<script|<iframe|<img|javascript:|onerror/i);
    // The summary is plain text; RSS descriptions are HTML, so it goes escaped.
    expect(item?.content).toBe('Tóm &lt;b&gt;tắt&lt;/b&gt;');
    const atom = await new Parser().parseString(await readFile(join(dir, '9-2024.atom'), 'utf8'));
    expect(atom.items[0]?.title).toBe(issue.articles[0]?.title);
  });
});
