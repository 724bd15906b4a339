import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filesAdapter } from '../../src/channels/files/adapter.js';
import {
  adapterFactoryFor,
  channelReadiness,
  KINDS,
  withoutAdapter,
} from '../../src/channels/registry.js';
import { wordpressAdapter } from '../../src/channels/wordpress/index.js';
import { Channel } from '../../src/model/channel.js';
import { capabilitiesOf, hasCapability, KIND_CAPABILITIES } from '../../src/model/channel-kinds.js';
import { CHANNEL_KINDS } from '../../src/model/plan.js';

const src = fileURLToPath(new URL('../../src', import.meta.url));

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sourceFiles(path)));
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/**
 * Files that compare a calendar entry's kind, not a channel's: the calendar (and its JSON
 * export) names an airing `broadcast` and an issue `bulletin`, as its readers know them.
 */
const CALENDAR_ENTRY_KINDS = new Set([
  'calendar/calendar-json.ts',
  'cli/commands/calendar.ts',
  'server/pages/calendar.ts',
  'server/pages/calendar-grid.ts',
]);

const wordpress = Channel.parse({
  id: 'cong',
  name: 'Cổng',
  kind: 'wordpress',
  unit: 'so',
  url: 'https://cong.example.vn',
  section: { name: 'CCHC' },
  credentials: { userEnv: 'LOA_WP_USER', passwordEnv: 'LOA_WP_PASSWORD' },
});
const files = Channel.parse({ id: 'tep', name: 'Tệp', kind: 'files', unit: 'so' });

describe('channel kinds registry', () => {
  it('has an entry and capabilities for every kind a channel file may declare', () => {
    expect(Object.keys(KINDS).sort()).toEqual([...CHANNEL_KINDS].sort());
    expect(Object.keys(KIND_CAPABILITIES).sort()).toEqual([...CHANNEL_KINDS].sort());
    for (const kind of CHANNEL_KINDS) expect(KINDS[kind].capabilities).toBe(capabilitiesOf(kind));
  });

  it('plans per item the portal and the files, and names broadcast and ingest for what they do', () => {
    const having = (capability: keyof ReturnType<typeof capabilitiesOf>) =>
      CHANNEL_KINDS.filter((k) => capabilitiesOf(k)[capability]).sort();
    expect(having('plannedPerItem')).toEqual(['files', 'wordpress']);
    expect(having('remote')).toEqual(['wordpress']);
    expect(having('issues')).toEqual(['bulletin']);
    expect(having('airs')).toEqual(['broadcast']);
    expect(having('ingests')).toEqual(['ingest']);
    expect(having('takesItems')).not.toContain('ingest');
    // Broadcast and ingest publish nothing through the dispatcher: no adapter, by design.
    expect(CHANNEL_KINDS.filter((k) => KINDS[k].adapter).sort()).toEqual([
      'bulletin',
      'files',
      'wordpress',
    ]);
    // What they are for is said instead of "no adapter yet".
    expect(withoutAdapter('broadcast')).toBe('CHANNEL_ROLE_AIRS');
    expect(withoutAdapter('ingest')).toBe('CHANNEL_ROLE_INGESTS');
    expect(withoutAdapter('wordpress')).toBeUndefined();
  });

  it('stands the files adapter in for remote kinds in a simulation, unless live', () => {
    expect(adapterFactoryFor('wordpress', 'run')).toBe(wordpressAdapter);
    expect(adapterFactoryFor('wordpress', 'simulate')).toBe(filesAdapter);
    expect(adapterFactoryFor('wordpress', 'simulate-live')).toBe(wordpressAdapter);
    expect(adapterFactoryFor('broadcast', 'run')).toBeUndefined();
    expect(adapterFactoryFor('broadcast', 'simulate')).toBe(filesAdapter);
  });

  it('tells a channel readiness by its kind: unset credentials are named', () => {
    expect(channelReadiness(wordpress, { LOA_WP_USER: 'bientap' })).toEqual({
      ready: false,
      missing: ['LOA_WP_PASSWORD'],
    });
    expect(channelReadiness(files, {})).toBeUndefined();
    expect(hasCapability(wordpress, 'portal')).toBe(true);
    expect(hasCapability(files, 'portal')).toBe(false);
    expect(hasCapability(undefined, 'portal')).toBe(false);
  });

  it('no code outside a kind’s folder and the registry compares a channel kind by name', async () => {
    const names = 'wordpress|files|bulletin|broadcast|ingest';
    const named = new RegExp(
      `\\bkind\\s*[!=]==\\s*'(${names})'|\\bcase\\s+'(${names})'\\s*:|kind: '(${names})' }>`,
    );
    const offending: string[] = [];
    for (const path of await sourceFiles(src)) {
      const rel = relative(src, path).split(sep).join('/');
      const own = /^channels\/(wordpress|files|bulletin|ingest)\//.test(rel);
      if (own || rel === 'channels/registry.ts' || CALENDAR_ENTRY_KINDS.has(rel)) continue;
      const lines = (await readFile(path, 'utf8')).split('\n');
      lines.forEach((line, i) => {
        if (named.test(line)) offending.push(`${rel}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offending).toEqual([]);
  });
});
