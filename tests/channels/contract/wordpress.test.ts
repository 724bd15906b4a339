import { afterAll, describe, expect } from 'vitest';
import type { PublicationRequest } from '../../../src/channels/types.js';
import { postMarker } from '../../../src/channels/wordpress/index.js';
import { LoaError } from '../../../src/errors/loa-error.js';
import { type RemoteCopy, testAdapter } from '../../support/adapter-contract.js';
import { tempDir } from '../../support/temp-dir.js';
import { wordpressForTests } from '../../support/wordpress.js';
import { FaultProxy } from '../wordpress/fault-proxy.js';
import {
  makeAdapter,
  wpChannel,
  wpEnv,
  wpGet,
  wpItem,
  wpRequest,
} from '../wordpress/wp-fixtures.js';

const root = await tempDir('wp-contract');
const wp = await wordpressForTests();
const proxy = wp ? await new FaultProxy(wp.url).start() : undefined;
afterAll(async () => {
  await proxy?.close();
  await wp?.stop();
});
const signal = () => AbortSignal.timeout(60_000);

describe.runIf(wp)('WordPress adapter keeps the adapter contract, against a real WordPress', () => {
  // Without a WordPress (and without LOA_REQUIRE_SERVICES=1) the suite is reported skipped.
  if (!wp || !proxy) return;
  const instance = wp;
  const faults = proxy;
  const channel = wpChannel(faults.url);
  const make = (env = wpEnv(instance)) => makeAdapter(instance, root, channel, env);

  /** The posts carrying the publication's marker, every status, as an editor sees them. */
  async function remote(request: PublicationRequest): Promise<RemoteCopy[]> {
    const marker = postMarker(request.identity ?? request.key);
    const posts = await wpGet<{ id: number; status: string; title: { raw: string } }[]>(
      instance,
      `/wp/v2/posts?per_page=100&status=publish,future,draft,pending,private,trash&context=edit&_fields=id,status,title&search=${marker}&orderby=id`,
    );
    return posts.map((p) => ({
      id: String(p.id),
      title: p.title.raw,
      live: p.status === 'publish',
    }));
  }

  testAdapter({
    kind: 'wordpress',
    adapter: () => make(),
    request: () => wpRequest(channel, wpItem()),
    edit: (r) => ({
      ...r,
      contentHash: `${r.contentHash}-sửa`,
      item: { ...r.item, title: `${r.item.title} (cập nhật)` },
    }),
    remote,
    // The proxy lets WordPress create the post, then cuts the connection before the answer.
    publishLosingAnswer: async (adapter, r) => {
      faults.inject({ fault: 'lose-response', method: 'POST', path: '/wp/v2/posts' });
      const lost = await adapter.publish(r, signal()).catch((e: unknown) => e);
      expect(lost).toBeInstanceOf(LoaError);
      expect((lost as LoaError).failure).toBe('unknown');
    },
    failures: {
      // A gateway in front answers 503.
      transient: () => {
        faults.inject({ fault: 'status-503', method: 'GET', path: '/wp/v2/posts' });
        return make().publish(wpRequest(channel, wpItem()), signal());
      },
      // Updating a post that does not exist: WordPress answers 404, which no retry mends.
      permanent: async () => {
        const adapter = make();
        const ref = { externalId: '987654', publishedAt: '2024-03-04T01:00:00.000Z' };
        return adapter.update?.(ref, wpRequest(channel, wpItem()), signal());
      },
      // A wrong Application Password.
      auth: () =>
        make(wpEnv(instance, 'abcd EFGH ijkl MNOP qrst UVWX')).publish(
          wpRequest(channel, wpItem()),
          signal(),
        ),
    },
  });
});
