import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { postMarker } from '../../../src/channels/wordpress/index.js';
import { LoaError } from '../../../src/errors/loa-error.js';
import { tempDir } from '../../support/temp-dir.js';
import { wordpressForTests } from '../../support/wordpress.js';
import { FaultProxy } from './fault-proxy.js';
import {
  makeAdapter,
  postsWithMarker,
  wpChannel,
  wpEnv,
  wpItem,
  wpRequest,
} from './wp-fixtures.js';

// One folder per test file, removed after it; each test takes its own subfolder.
const root = await tempDir('wp-tests');
const scratch = (prefix: string) => mkdtemp(join(root, `${prefix}-`));

const wp = await wordpressForTests();
const proxy = wp ? await new FaultProxy(wp.url).start() : undefined;
afterAll(async () => {
  await proxy?.close();
  await wp?.stop();
});
const signal = () => AbortSignal.timeout(60_000);

async function failure(promise: Promise<unknown>): Promise<LoaError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LoaError);
  return error as LoaError;
}

describe.runIf(wp)('WordPress adapter when the network or the server fails', () => {
  const instance = wp!;
  const faults = proxy!;
  const channel = () => wpChannel(faults.url);

  it('after a response lost on purpose, the retry finds the post: no duplicate', async () => {
    const adapter = makeAdapter(instance, await scratch('wp-data'), channel());
    const request = wpRequest(channel(), wpItem());
    faults.inject({ fault: 'lose-response', method: 'POST', path: '/wp/v2/posts' });
    const lost = await failure(adapter.publish(request, signal()));
    expect(lost.failure).toBe('unknown');
    expect(faults.faulted.at(-1)).toMatch(/^POST \/wp-json\/wp\/v2\/posts/);
    // WordPress did create it; the dispatcher reconciles with find, or simply retries.
    const found = await adapter.find(request.key, signal());
    expect(found).toBeDefined();
    const retried = await adapter.publish({ ...request, attempt: 2 }, signal());
    expect(retried.externalId).toBe(found?.externalId);
    const posts = await postsWithMarker(instance, postMarker(request.key));
    expect(posts).toEqual([expect.objectContaining({ id: Number(found?.externalId) })]);
  });

  it('a 5xx from a proxy in front is transient, keeps its status, and the next attempt publishes', async () => {
    const adapter = makeAdapter(instance, await scratch('wp-data'), channel());
    const request = wpRequest(channel(), wpItem());
    faults.inject({ fault: 'status-503', method: 'GET', path: '/wp/v2/posts' });
    const error = await failure(adapter.publish(request, signal()));
    expect(error).toMatchObject({ code: 'WP_SERVER', failure: 'transient' });
    expect(error.params).toMatchObject({ status: 503, wpCode: 'none', method: 'GET' });
    const ref = await adapter.publish({ ...request, attempt: 2 }, signal());
    expect(await postsWithMarker(instance, postMarker(request.key))).toHaveLength(1);
    expect(ref.url).toContain('trung-tam-phuc-vu-hanh-chinh-cong-mot-cua-mot-lan-den');
  });

  it('a request that hangs times out: unknown for a write, transient for a read', async () => {
    const adapter = makeAdapter(
      instance,
      await scratch('wp-data'),
      wpChannel(faults.url, { timeoutSec: 1 }),
    );
    const request = wpRequest(channel(), wpItem());
    faults.inject({ fault: 'hang', method: 'POST', path: '/wp/v2/posts' });
    const write = await failure(adapter.publish(request, signal()));
    expect(write).toMatchObject({ code: 'WP_TIMEOUT', failure: 'unknown' });
    faults.inject({ fault: 'hang', method: 'GET', path: '/wp/v2/posts' });
    const read = await failure(adapter.find(request.key, signal()));
    expect(read).toMatchObject({ code: 'WP_TIMEOUT', failure: 'transient' });
    // The hung POST never reached WordPress: the retry creates exactly one post.
    await adapter.publish({ ...request, attempt: 2 }, signal());
    expect(await postsWithMarker(instance, postMarker(request.key))).toHaveLength(1);
  });

  it('a wrong password is an authentication failure that never shows the secret', async () => {
    const wrong = 'abcd EFGH ijkl MNOP qrst UVWX';
    const adapter = makeAdapter(
      instance,
      await scratch('wp-data'),
      wpChannel(instance.url),
      wpEnv(instance, wrong),
    );
    const error = await failure(
      adapter.publish(wpRequest(wpChannel(instance.url), wpItem()), signal()),
    );
    expect(error).toMatchObject({ code: 'WP_AUTH', failure: 'auth' });
    // Vanilla WordPress ignores a bad Application Password and treats the call as anonymous:
    // the lookup (all statuses) is then refused as HTTP 400 with a 401 inside.
    expect(error.params).toMatchObject({ status: 400, wpCode: 'rest_forbidden_status' });
    // A call that needs no lookup first meets the endpoint's own 401.
    const withdraw = await failure(
      adapter.withdraw!({ externalId: '1', publishedAt: '2024-03-04T01:00:00.000Z' }, signal()),
    );
    expect(withdraw).toMatchObject({ code: 'WP_AUTH', failure: 'auth' });
    expect(withdraw.params).toMatchObject({ status: 401, method: 'DELETE' });
    const everything = [
      withdraw.message,
      error.message,
      error.localized(),
      error.hint() ?? '',
      JSON.stringify(error.params),
      String(error.stack),
      String((error.cause as Error | undefined)?.message ?? ''),
    ].join('\n');
    for (const secret of [wrong, instance.appPassword, Buffer.from(wrong).toString('base64')]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('a server that refuses connections is a transient network failure', async () => {
    const closed = await new FaultProxy(instance.url).start();
    const url = closed.url;
    await closed.close();
    const adapter = makeAdapter(instance, await scratch('wp-data'), wpChannel(url));
    const error = await failure(adapter.find('any-key', signal()));
    expect(error).toMatchObject({ code: 'WP_NETWORK', failure: 'transient' });
    expect(error.params.reason).toBe('ECONNREFUSED');
  });
});
