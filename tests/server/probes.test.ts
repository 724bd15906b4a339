import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server/serve.js';
import { storeEngines } from '../support/store-engines.js';
import { type StationServer, stationServer } from './station-server.js';

// NOTE: one engine is enough here: these probes exercise the HTTP edge, not the store.
const [sqlite] = await storeEngines();

const ITEM = (title: string) =>
  `---\ntitle: ${title}\ntopics: [mot-cua]\nchannels: [tv]\nunit: dai-ptth\nauthor: Phòng Thời sự\ndurationSec: 300\n---\nNội dung.\n`;

/** One hostile request and what a running server must answer. */
interface Probe {
  name: string;
  method?: string;
  path: string;
  /** `editor`: the request carries the editor's bearer token. */
  as?: 'editor';
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  status: number;
  /** The catalogue code of the refusal (JSON `error`, or the page's data-code). */
  code?: string;
  /** The answer must say this (Vietnamese, the default language). */
  says?: string;
}

const markdown = { 'content-type': 'text/markdown' };
const json = { 'content-type': 'application/json' };

const PROBES: Probe[] = [
  {
    name: 'write without credential',
    method: 'POST',
    path: '/api/items',
    headers: markdown,
    body: ITEM('Tin'),
    status: 401,
    code: 'HTTP_AUTH_MISSING',
  },
  {
    name: 'form without credential',
    method: 'POST',
    path: '/queue/x/approve',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: '_csrf=x',
    status: 401,
    code: 'HTTP_AUTH_MISSING',
  },
  {
    name: 'cross-origin form without credential',
    method: 'POST',
    path: '/queue',
    headers: {
      origin: 'https://evil.example',
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'x=1',
    status: 401,
    code: 'HTTP_AUTH_MISSING',
  },
  {
    name: 'wrong bearer token',
    path: '/api/items',
    headers: { authorization: 'Bearer loa_wrong' },
    status: 401,
    code: 'HTTP_AUTH_INVALID',
  },
  {
    name: 'forged session cookie',
    path: '/queue',
    headers: { cookie: 'loa_session=loas_forged' },
    status: 401,
    code: 'HTTP_SESSION_ENDED',
  },
  {
    name: 'malformed percent-encoding in a public path',
    path: '/bulletins/x/%ff%fe',
    status: 400,
    code: 'HTTP_BAD_URI',
  },
  { name: 'truncated percent-escape', path: '/feeds/%E1%BB', status: 400, code: 'HTTP_BAD_URI' },
  {
    name: 'malformed escape in an API id',
    path: '/api/items/%c3%28/approve',
    method: 'POST',
    as: 'editor',
    status: 400,
    code: 'HTTP_BAD_URI',
  },
  {
    name: 'malformed escape in a query',
    path: '/api/items?status=%ff',
    as: 'editor',
    status: 400,
    code: 'HTTP_BAD_URI',
  },
  {
    name: 'malformed JSON',
    method: 'POST',
    path: '/api/items/tin/reschedule',
    as: 'editor',
    headers: json,
    body: '{"when": ',
    status: 400,
    code: 'HTTP_BODY_BAD_JSON',
    says: 'không phải JSON hợp lệ',
  },
  {
    name: 'JSON that is not UTF-8',
    method: 'POST',
    path: '/api/items/tin/reschedule',
    as: 'editor',
    headers: json,
    body: Buffer.from('{"when":"\xff\xfe"}', 'latin1'),
    status: 400,
    code: 'HTTP_BODY_NOT_UTF8',
  },
  {
    name: 'item with invalid UTF-8',
    method: 'POST',
    path: '/api/items',
    as: 'editor',
    headers: markdown,
    body: Buffer.concat([Buffer.from(ITEM('Tin ')), Buffer.from([0xc3, 0x28])]),
    status: 400,
    code: 'HTTP_INVALID_REQUEST',
    says: 'UTF-8',
  },
  {
    name: 'item in TCVN3',
    method: 'POST',
    path: '/api/items',
    as: 'editor',
    headers: markdown,
    body: Buffer.from(ITEM('C\xb6i c\xb8ch h\xb5nh ch\xddnh'), 'latin1'),
    status: 400,
    code: 'HTTP_INVALID_REQUEST',
    says: 'TCVN3',
  },
  {
    name: 'item without front matter',
    method: 'POST',
    path: '/api/items',
    as: 'editor',
    headers: markdown,
    body: 'chỉ có nội dung',
    status: 400,
    code: 'HTTP_INVALID_REQUEST',
  },
  {
    name: 'item for an unknown channel',
    method: 'POST',
    path: '/api/items',
    as: 'editor',
    headers: markdown,
    body: ITEM('Tin').replace('[tv]', '[khong-co]'),
    status: 400,
    code: 'CHANNEL_UNKNOWN',
    says: 'khong-co',
  },
  {
    name: 'item with a YAML alias bomb',
    method: 'POST',
    path: '/api/items',
    as: 'editor',
    headers: markdown,
    body: `---\ntitle: Bom\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n---\nx\n`,
    status: 400,
    code: 'HTTP_INVALID_REQUEST',
    says: 'bom.md:4:8',
  },
  {
    name: 'body over the 1 MB limit (413)',
    method: 'POST',
    path: '/api/items',
    as: 'editor',
    headers: markdown,
    body: ITEM('Tin') + 'Cải cách hành chính. '.repeat(60_000),
    status: 413,
    code: 'HTTP_BODY_TOO_LARGE',
  },
  {
    name: 'body over the limit without credential (413 or 401, never read)',
    method: 'POST',
    path: '/api/items/tin/reschedule',
    headers: json,
    body: `{"when":"${'x'.repeat(1024 * 1024)}"}`,
    status: 413,
    code: 'HTTP_BODY_TOO_LARGE',
  },
  {
    name: 'item with a NUL escaped in its title',
    method: 'POST',
    path: '/api/items',
    as: 'editor',
    headers: markdown,
    body: ITEM('"Tin\\0 rỗng"'),
    status: 400,
    code: 'HTTP_INVALID_REQUEST',
    says: 'U+0000',
  },
  {
    name: 'item with a raw NUL and an escape character',
    method: 'POST',
    path: '/api/items',
    as: 'editor',
    headers: markdown,
    body: ITEM('Tin \u001b[31mđỏ').replace('Nội dung.', 'Nội\u0000 dung.'),
    status: 400,
    code: 'HTTP_INVALID_REQUEST',
    says: 'U+001B',
  },
  {
    name: 'item in VNI',
    method: 'POST',
    path: '/api/items',
    as: 'editor',
    headers: markdown,
    body: Buffer.from(ITEM('Caûi caùch haønh chính tænh Keânh'), 'latin1'),
    status: 400,
    code: 'HTTP_INVALID_REQUEST',
    says: 'VNI',
  },
  {
    name: 'path traversal to a server file',
    path: '/bulletins/x/..%2f..%2f..%2fetc%2fpasswd',
    status: 404,
  },
  { name: 'unknown page', path: '/wp-admin/', status: 404, code: 'HTTP_NOT_FOUND' },
];

/** One request on a connection of its own (no keep-alive), answered like fetch's Response. */
function alone(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | Uint8Array,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const answer = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (typeof value === 'string') answer.set(name, value);
        }
        resolve(new Response(Buffer.concat(chunks), { status: res.statusCode, headers: answer }));
      });
    });
    // The server may close before reading it all: that is the point.
    req.on('error', (error) => (error.message.includes('EPIPE') ? undefined : reject(error)));
    req.end(body);
  });
}

describe.runIf(sqlite)('HTTP probes against a running server', () => {
  let s: StationServer;
  let server: RunningServer;
  let base: string;
  beforeAll(async () => {
    s = await stationServer(sqlite!);
    server = await startServer(
      { session: s.session, clock: s.clock, log: (r) => s.log.push(r) },
      { port: 0 },
    );
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.close();
    await s?.session.store.close();
  });

  it.each(PROBES)('$name → $status', async (probe) => {
    const headers: Record<string, string> = { ...probe.headers };
    if (probe.as === 'editor') headers.authorization = `Bearer ${s.tokens.editor}`;
    // NOTE: a body refused unread (413) ends its connection; it gets one of its own, so that
    // the client does not send the next probe down a socket the server has closed.
    const res =
      probe.status === 413
        ? await alone(base + probe.path, probe.method ?? 'GET', headers, probe.body ?? '')
        : await fetch(base + probe.path, {
            method: probe.method ?? 'GET',
            headers,
            body: probe.body as string | undefined,
            redirect: 'manual',
          });
    const text = await res.text();
    expect(res.status, text).toBe(probe.status);
    if (probe.code) expect(text).toContain(probe.code);
    if (probe.says) expect(text).toContain(probe.says);
    // No stack trace, no path of this server, the security headers, whatever the answer.
    expect(text).not.toMatch(/\n\s+at .+:\d+:\d+|node_modules|\.ts:\d+/);
    expect(text).not.toContain(s.root);
    expect(text).not.toContain(s.session.dataDir);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    // Nothing written for a refused request.
    expect(existsSync(join(s.session.dataDir, 'api-items'))).toBe(false);
  });

  it('keeps an item whose id is a path inside api-items, under its slug', async () => {
    const res = await fetch(`${base}/api/items?id=../../etc/passwd`, {
      method: 'POST',
      headers: { ...markdown, authorization: `Bearer ${s.tokens.editor}` },
      body: ITEM('Tin'),
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { id: string }).id).toBe('etc-passwd');
    expect(existsSync(join(s.session.dataDir, 'api-items', 'etc-passwd.md'))).toBe(true);
  });

  it('answers every probe without a 500', () => {
    expect(s.log.filter((r) => r.status >= 500)).toEqual([]);
  });
});
