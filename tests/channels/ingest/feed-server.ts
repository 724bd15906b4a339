import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll } from 'vitest';

export interface FeedItem {
  guid?: string;
  title: string;
  link?: string;
  date?: string;
  description?: string;
}

/** An RSS 2.0 document, as a partner portal would serve it. */
export function rssDoc(items: FeedItem[], title = 'Báo Thái Bình – Cải cách hành chính'): string {
  const entries = items.map((i) =>
    [
      '<item>',
      `<title><![CDATA[${i.title}]]></title>`,
      i.link ? `<link>${i.link}</link>` : '',
      i.guid ? `<guid isPermaLink="false">${i.guid}</guid>` : '',
      i.date ? `<pubDate>${new Date(i.date).toUTCString()}</pubDate>` : '',
      i.description ? `<description><![CDATA[${i.description}]]></description>` : '',
      '</item>',
    ].join(''),
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title><link>http://127.0.0.1/</link><description>CCHC</description>${entries.join('')}</channel></rss>`;
}

/** An Atom 1.0 document. */
export function atomDoc(items: FeedItem[]): string {
  const entries = items.map(
    (i) =>
      `<entry><id>${i.guid}</id><title>${i.title}</title><link href="${i.link}"/><updated>${i.date}</updated><summary>${i.description ?? ''}</summary></entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><id>urn:x</id><title>Cổng đối tác</title><updated>2024-03-01T00:00:00Z</updated>${entries.join('')}</feed>`;
}

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** A conditional-GET feed: ETag and Last-Modified, 304 when the client already has it. */
export function conditionalFeed(get: () => { body: string; etag: string }): Route {
  const lastModified = 'Fri, 01 Mar 2024 00:00:00 GMT';
  return (req, res) => {
    const { body, etag } = get();
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag, 'last-modified': lastModified }).end();
      return;
    }
    res.writeHead(200, {
      'content-type': 'application/rss+xml; charset=utf-8',
      etag,
      'last-modified': lastModified,
    });
    res.end(body);
  };
}

/** A feed that never ends: it sends the start of a document and then nothing. */
export const endlessFeed: Route = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/rss+xml' });
  res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>chậm</title>');
};

/** A feed larger than any sane limit, streamed without Content-Length. */
export function hugeFeed(bytes: number): Route {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>lớn</title>');
    const chunk = `<item><title>${'x'.repeat(1000)}</title></item>`;
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end('</channel></rss>');
    };
    res.on('error', () => undefined);
    pump();
  };
}

/** Starts a feed server on 127.0.0.1 with these routes; counts requests per path. */
export async function startFeedServer(routes: Record<string, Route>) {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path];
    if (route) route(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });
  return { base: `http://127.0.0.1:${port}`, hits };
}
