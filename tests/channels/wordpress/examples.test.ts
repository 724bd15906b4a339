import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { PublishedRef } from '../../../src/channels/types.js';
import { parseItem } from '../../../src/config/parse-item.js';
import { readSource } from '../../../src/config/source.js';
import { Channel, type WordpressChannel } from '../../../src/model/channel.js';
import type { ContentItem } from '../../../src/model/item.js';
import { tempDir } from '../../support/temp-dir.js';
import { wordpressForTests } from '../../support/wordpress.js';
import { makeAdapter, wpGet } from './wp-fixtures.js';

// One folder per test file, removed after it; each test takes its own subfolder.
const root = await tempDir('wp-tests');
const scratch = (prefix: string) => mkdtemp(join(root, `${prefix}-`));

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const wp = await wordpressForTests();
afterAll(() => wp?.stop());

async function exampleItems(): Promise<{ item: ContentItem; itemDir: string }[]> {
  const contentDir = join(ROOT, 'content');
  const files = (await readdir(contentDir, { recursive: true }))
    .filter((f) => f.endsWith('.md'))
    .sort();
  return files.map((file) => {
    const source = readSource(join(contentDir, file), file);
    if (Array.isArray(source)) throw new Error(`${file}: ${JSON.stringify(source)}`);
    const parsed = parseItem(source, relative(contentDir, join(contentDir, file)));
    if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.diagnostics)}`);
    return { item: parsed.located.value, itemDir: dirname(join(contentDir, file)) };
  });
}

async function portalChannel(url: string): Promise<WordpressChannel> {
  const text = await readFile(join(ROOT, 'channels/thai-binh-portal.yaml'), 'utf8');
  const channel = Channel.parse(parseYaml(text));
  if (channel.kind !== 'wordpress') throw new Error('thai-binh-portal is not a wordpress channel');
  return { ...channel, url };
}

describe.runIf(wp)('the example items on a fresh WordPress', () => {
  const instance = wp!;

  it('are each published exactly once in the CCHC section, with their featured images, also when run twice', async () => {
    const channel = await portalChannel(instance.url);
    const examples = await exampleItems();
    expect(examples.length).toBeGreaterThan(5);
    const dataDir = await scratch('wp-examples');
    const env = {
      [channel.credentials.userEnv]: instance.user,
      [channel.credentials.passwordEnv]: instance.appPassword,
    };
    const publishAll = async () => {
      // A fresh adapter each run, as after a restart of loa.
      const adapter = makeAdapter(instance, dataDir, channel, env);
      const refs: PublishedRef[] = [];
      for (const { item, itemDir } of examples) {
        const key = `${channel.id}/${item.id}/2024-03-04T01:00:00Z`;
        refs.push(
          await adapter.publish(
            {
              key,
              channel,
              item,
              contentHash: item.id,
              slot: '2024-03-04T01:00:00Z',
              attempt: 1,
              itemDir,
            },
            AbortSignal.timeout(60_000),
          ),
        );
      }
      return refs;
    };
    const first = await publishAll();
    const second = await publishAll();
    expect(second.map((r) => r.externalId)).toEqual(first.map((r) => r.externalId));

    const [section] = await wpGet<{ id: number; count: number }[]>(
      instance,
      `/wp/v2/categories?slug=${channel.section.slug}`,
    );
    const posts = await wpGet<{ id: number; title: { raw: string }; featured_media: number }[]>(
      instance,
      `/wp/v2/posts?categories=${section?.id}&per_page=100&context=edit&_fields=id,title,featured_media`,
    );
    expect(posts).toHaveLength(examples.length);
    expect(new Set(posts.map((p) => p.title.raw))).toEqual(
      new Set(examples.map((e) => e.item.title)),
    );
    for (const { item } of examples) {
      const post = posts.find((p) => p.title.raw === item.title);
      if (item.media.length > 0) expect(post?.featured_media).toBeGreaterThan(0);
      else expect(post?.featured_media).toBe(0);
    }
    const media = await wpGet<unknown[]>(instance, '/wp/v2/media?per_page=100&_fields=id');
    expect(media).toHaveLength(examples.filter((e) => e.item.media.length > 0).length);
  });
});
