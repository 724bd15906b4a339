import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { bulletinIssuesIn } from '../../../src/calendar/slots.js';
import { buildIssue } from '../../../src/channels/bulletin/assemble.js';
import { renderIssueFeeds } from '../../../src/channels/bulletin/feeds.js';
import { listIssues, writeIssue } from '../../../src/channels/bulletin/files.js';
import type { BuiltIssue } from '../../../src/channels/bulletin/model.js';
import { LoaError } from '../../../src/errors/loa-error.js';
import { ManualClock } from '../../../src/model/clock.js';
import { tempDir } from '../../support/temp-dir.js';
import { bulletinChannel, entry } from './fixtures.js';

const ZONE = 'Asia/Ho_Chi_Minh';
const parser = new Parser();
const channel = bulletinChannel();
const after = new ManualClock('2024-04-01T00:00:00Z');

/** Two items a week through March 2024, one with a Vietnamese title typed in NFD. */
const march = [
  entry('tin-01', '2024-03-01T02:00:00Z', { title: 'Cải cách hành chính'.normalize('NFD') }),
  entry('tin-02', '2024-03-05T09:30:00Z'),
  entry('tin-03', '2024-03-08T03:00:00Z', { priority: 5 }),
  entry('tin-04', '2024-03-12T03:00:00Z'),
  entry('tin-05', '2024-03-15T03:00:00Z', {}, 'http://127.0.0.1:8081/cchc/tin-05/'),
  entry('tin-06', '2024-03-20T03:00:00Z'),
  entry('tin-07', '2024-03-22T03:00:00Z'),
  entry('tin-08', '2024-03-27T03:00:00Z'),
  entry('khac', '2024-03-27T03:00:00Z', { channels: ['thai-binh-portal'] }),
];

function marchIssues(): BuiltIssue[] {
  const range = {
    start: DateTime.fromISO('2024-03-01T00:00', { zone: ZONE }),
    end: DateTime.fromISO('2024-04-01T00:00', { zone: ZONE }),
  };
  return bulletinIssuesIn(channel, range, ZONE).map((i) =>
    buildIssue(channel, i.number, i.year, march, after),
  );
}

interface JsonFeed {
  version: string;
  title: string;
  language?: string;
  items: Array<{
    id: string;
    url?: string;
    title?: string;
    content_html?: string;
    content_text?: string;
    date_published?: string;
    tags?: string[];
    authors?: Array<{ name?: string }>;
  }>;
}

describe('e-bulletin issues of March 2024', () => {
  it('numbers the four issues 9 to 12 and gathers each since the previous issue', () => {
    const issues = marchIssues();
    expect(issues.map((i) => i.label)).toEqual([
      'Số 9/2024',
      'Số 10/2024',
      'Số 11/2024',
      'Số 12/2024',
    ]);
    expect(issues.map((i) => i.articles.map((a) => a.id))).toEqual([
      ['tin-01', 'tin-02'],
      ['tin-03', 'tin-04'],
      ['tin-05', 'tin-06'],
      ['tin-07', 'tin-08'],
    ]);
    expect(issues[1]?.since).toBe('2024-03-07T08:00:00.000+07:00');
  });

  it('writes three formats per issue that rss-parser and JSON.parse read back intact', async () => {
    const dir = await tempDir('bulletin');
    for (const issue of marchIssues()) {
      await writeIssue(dir, issue);
      const rss = await parser.parseString(await readFile(join(dir, `${issue.stem}.xml`), 'utf8'));
      const atom = await parser.parseString(
        await readFile(join(dir, `${issue.stem}.atom`), 'utf8'),
      );
      const json = JSON.parse(await readFile(join(dir, `${issue.stem}.json`), 'utf8')) as JsonFeed;
      expect(rss.title).toBe(`Bản tin Cải cách hành chính – ${issue.label}`);
      expect(atom.title).toBe(rss.title);
      expect(json.version).toBe('https://jsonfeed.org/version/1.1');
      expect(json.title).toBe(rss.title);
      expect(json.language).toBe('vi');
      for (const feedItems of [rss.items, atom.items]) {
        expect(feedItems.map((i) => i.title)).toEqual(issue.articles.map((a) => a.title));
        expect(feedItems.map((i) => i.link)).toEqual(issue.articles.map((a) => a.link));
        expect(feedItems.map((i) => i.isoDate)).toEqual(issue.articles.map((a) => a.date));
      }
      expect(rss.items.map((i) => i.guid)).toEqual(issue.articles.map((a) => a.guid));
      expect(rss.items.map((i) => i.categories)).toEqual(issue.articles.map((a) => a.topics));
      for (const [index, item] of json.items.entries()) {
        const article = issue.articles[index];
        expect(typeof item.id).toBe('string');
        expect(item.content_html ?? item.content_text).toBeTypeOf('string');
        expect(item).toMatchObject({
          id: article?.guid,
          url: article?.link,
          title: article?.title,
          date_published: article?.date,
          tags: article?.topics,
          authors: [{ name: 'Phòng Truyền thông' }],
        });
      }
    }
    const first = await parser.parseString(await readFile(join(dir, '9-2024.xml'), 'utf8'));
    expect(first.items[0]?.title).toBe('Cải cách hành chính'.normalize('NFC'));
    expect(first.items[0]?.title).not.toBe('Cải cách hành chính'.normalize('NFD'));
    expect(first.items[0]?.link).toBe('http://127.0.0.1:8082/ban-tin-cchc/9-2024.html#tin-01');
    const third = await parser.parseString(await readFile(join(dir, '11-2024.xml'), 'utf8'));
    expect(third.items[0]?.link).toBe('http://127.0.0.1:8081/cchc/tin-05/');

    const latest = await parser.parseString(await readFile(join(dir, 'feed.xml'), 'utf8'));
    expect(latest.items.map((i) => i.title)).toEqual([
      'Bản tin Cải cách hành chính – Số 12/2024',
      'Bản tin Cải cách hành chính – Số 11/2024',
      'Bản tin Cải cách hành chính – Số 10/2024',
      'Bản tin Cải cách hành chính – Số 9/2024',
    ]);
    const latestAtom = await parser.parseString(await readFile(join(dir, 'atom.xml'), 'utf8'));
    expect(latestAtom.items).toHaveLength(4);
    const latestJson = JSON.parse(await readFile(join(dir, 'feed.json'), 'utf8')) as JsonFeed;
    expect(latestJson.items.map((i) => i.id)).toHaveLength(4);
    expect((await listIssues(dir)).map((i) => [i.label, i.articles])).toEqual([
      ['Số 9/2024', 2],
      ['Số 10/2024', 2],
      ['Số 11/2024', 2],
      ['Số 12/2024', 2],
    ]);
  });

  it('writes a hostile title as text in every format: Atom type="text", escaped, no live tag', async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)> ]]> & "x"';
    const [issue] = bulletinIssuesIn(
      channel,
      {
        start: DateTime.fromISO('2024-03-01T00:00', { zone: ZONE }),
        end: DateTime.fromISO('2024-03-08T00:00', { zone: ZONE }),
      },
      ZONE,
    ).map((i) =>
      buildIssue(
        channel,
        i.number,
        i.year,
        [entry('xss', '2024-03-01T02:00:00Z', { title: hostile, summary: hostile })],
        after,
      ),
    );
    const feeds = renderIssueFeeds(issue as BuiltIssue);
    expect(feeds.atom).not.toContain('type="html"><![CDATA[<script');
    expect(feeds.atom).toContain('<title type="text">&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(feeds.atom).not.toMatch(/<script|<img /);
    const atom = await parser.parseString(feeds.atom);
    expect(atom.items[0]?.title).toBe(hostile.replace(']]>', ']] >'));
    const rss = await parser.parseString(feeds.rss);
    expect(rss.items[0]?.title).toBe(hostile.replace(']]>', ']] >'));
    expect(JSON.parse(feeds.json).items[0].title).toBe(hostile.replace(']]>', ']] >'));
  });

  it('rewrites the same issue with identical bytes', async () => {
    const dir = await tempDir('bulletin-same');
    const [issue] = marchIssues();
    if (!issue) throw new Error('no issue');
    const first = await writeIssue(dir, issue);
    const bytes = await Promise.all(first.files.map((f) => readFile(join(dir, f))));
    const rebuilt = buildIssue(channel, 9, 2024, march, after);
    const second = await writeIssue(dir, rebuilt);
    expect(second.changed).toEqual([]);
    const again = await Promise.all(second.files.map((f) => readFile(join(dir, f))));
    expect(again).toEqual(bytes);
  });
});

describe('e-bulletin issue boundaries', () => {
  it('puts an item approved exactly at issue time in that issue, a second later in the next', () => {
    const items = [
      entry('dung-gio', '2024-03-07T01:00:00Z'),
      entry('sau-mot-giay', '2024-03-07T01:00:01Z'),
    ];
    expect(buildIssue(channel, 9, 2024, items, after).articles.map((a) => a.id)).toEqual([
      'dung-gio',
    ]);
    expect(buildIssue(channel, 10, 2024, items, after).articles.map((a) => a.id)).toEqual([
      'sau-mot-giay',
    ]);
  });

  it('gathers issue 1 since the last issue of the year before', () => {
    const items = [
      entry('cuoi-nam', '2023-12-30T03:00:00Z'),
      entry('truoc', '2023-12-27T03:00:00Z'),
    ];
    const issue = buildIssue(channel, 1, 2024, items, after);
    expect(issue.since).toBe('2023-12-28T08:00:00.000+07:00');
    expect(issue.articles.map((a) => a.id)).toEqual(['cuoi-nam']);
  });

  it('leaves out items approved after now when an issue is built ahead of its day', () => {
    const early = new ManualClock('2024-03-10T00:00:00Z');
    const issue = buildIssue(channel, 10, 2024, march, early);
    expect(issue.articles.map((a) => a.id)).toEqual(['tin-03']);
  });

  it('refuses an issue number the year does not have', () => {
    expect(() => buildIssue(channel, 49, 2024, march, after)).toThrow(LoaError);
    try {
      buildIssue(channel, 0, 2024, march, after);
    } catch (error) {
      expect((error as LoaError).code).toBe('BULLETIN_ISSUE_UNKNOWN');
    }
  });

  it('needs a site address for the feeds', () => {
    const noSite = { ...channel, siteUrl: undefined };
    expect(() => buildIssue(noSite, 9, 2024, march, after)).toThrow(/siteUrl/);
  });

  it('prepares the portal copy when the channel names a portal', () => {
    const withPortal = bulletinChannel({ portal: 'thai-binh-portal' });
    const issue = buildIssue(withPortal, 12, 2024, march, after);
    expect(issue.portal).toMatchObject({
      channel: 'thai-binh-portal',
      key: 'bulletin:bnv-ban-tin:2024-12:portal',
      slug: 'ban-tin-cai-cach-hanh-chinh-so-12-2024',
      title: 'Bản tin Cải cách hành chính – Số 12/2024',
      publishAt: '2024-03-28T08:00:00.000+07:00',
    });
    expect(issue.portal?.html).toContain('Đẩy mạnh cải cách thủ tục hành chính tin-07');
    expect(buildIssue(channel, 12, 2024, march, after).portal).toBeUndefined();
  });
});
