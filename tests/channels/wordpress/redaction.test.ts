import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFeed } from '../../../src/channels/ingest/fetch-feed.js';
import { createWordpressAdapter } from '../../../src/channels/wordpress/index.js';
import { ManualClock } from '../../../src/model/clock.js';
import { errorText } from '../../../src/scheduler/dispatch/adapter-errors.js';
import { redact } from '../../../src/text/redact.js';
import { tempDir } from '../../support/temp-dir.js';
import { PASSWORD_ENV, USER_ENV, wpChannel, wpItem, wpRequest } from './wp-fixtures.js';

const USER = 'bien-tap-cong';
const PASSWORD = 'AbCd 1234 EfGh 5678 IjKl 9012';
const BASIC = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');

/** How the echoing server answers: each mode echoes the request's headers another way. */
type Mode = 'json-400' | 'json-401-php' | 'text-502' | 'json-403-header-line' | 'ok';
let mode: Mode = 'json-400';

/**
 * A misconfigured portal or proxy that echoes the request back in its error answers: as a
 * WordPress JSON error, with PHP's escaped slashes, as plain text, as a header dump.
 */
function echo(req: IncomingMessage, res: ServerResponse): void {
  const headers = JSON.stringify(req.headers);
  const dump = Object.entries(req.headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  if (mode === 'json-400') {
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: 'rest_invalid', message: `Bad request ${headers}` }));
  } else if (mode === 'json-401-php') {
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        code: `rest_forbidden ${req.headers.authorization}`,
        message: `Sai mật khẩu: ${String(req.headers.authorization).replaceAll('/', '\\/')} ${PASSWORD}`,
      }),
    );
  } else if (mode === 'json-403-header-line') {
    res.writeHead(403, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: 'proxy', message: dump }));
  } else {
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`Bad gateway\n${dump}\nuser=${USER}&password=${encodeURIComponent(PASSWORD)}`);
  }
}

const server = createServer(echo);
let url = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function expectNoSecret(text: string): void {
  expect(text).not.toContain(PASSWORD);
  expect(text).not.toContain(PASSWORD.replaceAll(' ', ''));
  expect(text).not.toContain(encodeURIComponent(PASSWORD));
  expect(text).not.toContain(BASIC);
  expect(text).not.toContain(BASIC.replaceAll('/', '\\/'));
  expect(text).not.toMatch(/Basic [A-Za-z0-9+/=]{8,}/);
}

describe('secrets a remote service echoes back', () => {
  it('never reach the error text that loa stores in last_error and logs', async () => {
    const channel = wpChannel(url);
    const adapter = createWordpressAdapter({
      channel,
      env: { [USER_ENV]: USER, [PASSWORD_ENV]: PASSWORD },
      dataDir: await tempDir('wp-echo'),
      clock: new ManualClock('2024-03-04T01:00:00Z'),
    });
    for (const m of ['json-400', 'json-401-php', 'json-403-header-line', 'text-502'] as const) {
      mode = m;
      const error = await adapter
        .publish(wpRequest(channel, wpItem()), AbortSignal.timeout(10_000))
        .catch((e: unknown) => e);
      const text = errorText(error);
      expect(text, m).toMatch(/^WP_/);
      expectNoSecret(text);
      expectNoSecret(JSON.stringify((error as { params?: unknown }).params ?? {}));
    }
  });

  it('never reach an ingest error, also with credentials in the feed address', async () => {
    const secretUrl = `http://${USER}:s3cr3t-pass@127.0.0.1:1/feed.xml`;
    const error = await fetchFeed(secretUrl, { timeoutMs: 2000, maxBytes: 1000 }).catch(
      (e: unknown) => e,
    );
    const text = errorText(error);
    expect(text).toMatch(/^INGEST_/);
    expect(text).not.toContain('s3cr3t-pass');
  });

  it('redacts header values, tokens, application passwords, keys and URL credentials', () => {
    const samples: [string, string][] = [
      ['Authorization: Bearer loa_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', 'loa_abcdefghij'],
      ['{"authorization":"Basic dXNlcjpwYXNzd29yZA=="}', 'dXNlcjpwYXNzd29yZA'],
      ['cookie: loa_session=loas_0123456789abcdefghijklmnopqrstuvwxyz', 'loas_0123456789'],
      ['mật khẩu ứng dụng wXyZ 1a2B 3c4D 5e6F 7g8H 9i0J', 'wXyZ 1a2B'],
      ['https://admin:hunter22@portal.example/wp-json', 'hunter22'],
      ['-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA\n-----END PRIVATE KEY-----', 'MC4CAQ'],
      ['password=hunter22&x=1', 'hunter22'],
    ];
    for (const [text, secret] of samples) expect(redact(text), text).not.toContain(secret);
    expect(redact('Cải cách hành chính: một cửa, một lần đến')).toBe(
      'Cải cách hành chính: một cửa, một lần đến',
    );
  });
});
