import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { createBulletinAdapter, listEntrySource } from '../../../src/channels/bulletin/adapter.js';
import { bulletinDir, listIssues } from '../../../src/channels/bulletin/files.js';
import type { PublicationRequest } from '../../../src/channels/types.js';
import { LoaError } from '../../../src/errors/loa-error.js';
import { ManualClock } from '../../../src/model/clock.js';
import { tempDir } from '../../support/temp-dir.js';
import { bulletinChannel, entry } from './fixtures.js';

const channel = bulletinChannel({ portal: 'thai-binh-portal' });
const items = [entry('a', '2024-03-03T03:00:00Z'), entry('b', '2024-03-10T03:00:00Z')];

function request(key: string): PublicationRequest {
  const [first] = items;
  if (!first) throw new Error('no item');
  return {
    key,
    channel,
    item: first.item,
    contentHash: 'h',
    slot: '2024-03-07T01:00:00.000Z',
    attempt: 1,
  };
}

async function setup() {
  const dataDir = await tempDir('bulletin-adapter');
  const clock = new ManualClock('2024-03-07T01:00:05Z');
  const adapter = createBulletinAdapter({ entries: listEntrySource(items) })({
    channel,
    env: {},
    dataDir,
    clock,
  });
  return { dataDir, clock, adapter };
}

describe('bulletin adapter', () => {
  it('publishes an issue by its key once, and finds it again', async () => {
    const { dataDir, clock, adapter } = await setup();
    const signal = new AbortController().signal;
    expect(adapter.kind).toBe('bulletin');
    expect(await adapter.find('bulletin:bnv-ban-tin:2024-9', signal)).toBeUndefined();
    const ref = await adapter.publish(request('bulletin:bnv-ban-tin:2024-9'), signal);
    expect(ref).toEqual({
      externalId: 'bulletin:bnv-ban-tin:2024-9',
      url: 'http://127.0.0.1:8082/ban-tin-cchc/9-2024.html',
      publishedAt: '2024-03-07T01:00:05.000Z',
    });
    clock.advance({ minutes: 5 });
    expect(await adapter.publish(request('bulletin:bnv-ban-tin:2024-9'), signal)).toEqual(ref);
    expect(await adapter.find('bulletin:bnv-ban-tin:2024-9', signal)).toEqual(ref);
    const dir = bulletinDir(dataDir, 'bnv-ban-tin');
    const feed = await new Parser().parseString(await readFile(join(dir, '9-2024.xml'), 'utf8'));
    expect(feed.items.map((i) => i.guid)).toEqual(['urn:loa:bulletin:bnv-ban-tin:a']);
    const [listed] = await listIssues(dir);
    expect(listed?.portal?.key).toBe('bulletin:bnv-ban-tin:2024-9:portal');
  });

  it('refuses a key that is not an issue of this channel, as a permanent failure', async () => {
    const { adapter } = await setup();
    const signal = new AbortController().signal;
    for (const key of [
      'bulletin:khac:2024-9',
      'wp:bnv-ban-tin:x',
      'bulletin:bnv-ban-tin:2024-49',
    ]) {
      const failure = await adapter.publish(request(key), signal).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(LoaError);
      expect((failure as LoaError).failure).toBe('permanent');
    }
  });
});
