import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { bulletinDir } from '../../../src/channels/bulletin/files.js';
import { verifyCheckpoint } from '../../../src/evidence/checkpoint.js';
import { readEvidence } from '../../../src/evidence/log.js';
import { evidenceKey } from '../../../src/evidence/store-checkpoint.js';
import { openStore } from '../../../src/store/open-store.js';
import { rawForTests } from '../../../src/store/testing.js';
import { writeBulletinProject } from '../../cli/bulletin-project.js';
import { runLoa } from '../../support/loa-process.js';
import { storeEngines } from '../../support/store-engines.js';
import { tempDir } from '../../support/temp-dir.js';

/** Stdout of a `--json` command: the pretty JSON split into lines by the process helper. */
function jsonOf(lines: Record<string, unknown>[]): unknown {
  return JSON.parse(
    lines.map((l) => (typeof l.text === 'string' ? l.text : JSON.stringify(l))).join('\n'),
  );
}

const ITEMS = [
  { id: 'thang3-a', publishAt: '2024-03-03T09:00' },
  { id: 'thang3-b', publishAt: '2024-03-10T09:00' },
  { id: 'thang3-c', publishAt: '2024-03-12T14:00' },
  { id: 'thang3-d', publishAt: '2024-03-17T09:00' },
  { id: 'thang3-e', publishAt: '2024-03-24T09:00' },
  { id: 'nhap', publishAt: '2024-03-24T10:00', status: 'draft' as const },
];

interface SimEvent {
  channel: string;
  item: string;
  outcome: string;
  local: string;
}

for (const engine of await storeEngines()) {
  describe(`bulletin through the scheduler (${engine.name})`, () => {
    it('simulating March 2024 twice issues Số 9..12 once each, in three formats, and posts each to the portal once', async () => {
      const root = await tempDir('bt-proj');
      await writeBulletinProject(root, ITEMS);
      const env = await engine.env();
      const dataDir = env.LOA_DATA_DIR as string;
      const simulate = [
        'simulate',
        '--from',
        '2024-03-01',
        '--to',
        '2024-03-31',
        '--dir',
        root,
        '--json',
      ];

      const first = await runLoa(simulate, env);
      expect(first.code, first.stderr).toBe(0);
      const events = (jsonOf(first.lines) as { events: SimEvent[] }).events;
      const issues = events.filter((e) => e.channel === 'ban-tin');
      expect(issues.map((e) => [e.item, e.outcome, e.local])).toEqual([
        ['bulletin:ban-tin:2024-9', 'published', '2024-03-07 08:00 +07:00'],
        ['bulletin:ban-tin:2024-10', 'published', '2024-03-14 08:00 +07:00'],
        ['bulletin:ban-tin:2024-11', 'published', '2024-03-21 08:00 +07:00'],
        ['bulletin:ban-tin:2024-12', 'published', '2024-03-28 08:00 +07:00'],
      ]);
      const portal = events.filter((e) => e.channel === 'cong');
      expect(portal.map((e) => [e.item, e.outcome])).toEqual(
        [9, 10, 11, 12].map((n) => [`bulletin:ban-tin:2024-${n}:portal`, 'published']),
      );

      const second = await runLoa(simulate, env);
      expect(second.code, second.stderr).toBe(0);
      const again = (jsonOf(second.lines) as { events: SimEvent[] }).events;
      expect(again.filter((e) => e.channel === 'ban-tin' || e.channel === 'cong')).toEqual([]);

      // Each issue and each portal copy: one publication, one attempt, published.
      const store = await openStore(
        env.LOA_DATABASE_URL ? { databaseUrl: env.LOA_DATABASE_URL } : { dataDir },
      );
      try {
        const pubs = await rawForTests(store)
          .selectFrom('publications')
          .select(['key', 'channel_id', 'status'])
          .where('channel_id', 'in', ['ban-tin', 'cong'])
          .orderBy('key')
          .execute();
        expect(pubs).toHaveLength(8);
        expect(pubs.every((p) => p.status === 'published')).toBe(true);
        const attempts = await rawForTests(store)
          .selectFrom('publication_attempts')
          .select(['publication_key', 'outcome'])
          .where(
            'publication_key',
            'in',
            pubs.map((p) => p.key),
          )
          .execute();
        expect(attempts).toHaveLength(8);
        expect(attempts.every((a) => a.outcome === 'published')).toBe(true);
        // The evidence log holds each issue once, as a bulletin issue, beside its portal copy.
        const evidence = await readEvidence(store);
        const issuesLogged = evidence.filter((e) => e.channel === 'ban-tin');
        expect(issuesLogged.map((e) => [e.kind, e.key])).toEqual(
          [9, 10, 11, 12].map((n) => ['bulletin-issue', `bulletin:ban-tin:2024-${n}`]),
        );
        expect(evidence.filter((e) => e.channel === 'cong')).toHaveLength(4);
      } finally {
        await store.close();
      }

      // The portal stand-in (files) got exactly one delivery per issue.
      const delivered = await readdir(join(dataDir, 'out', 'cong'));
      expect(delivered.filter((f) => f.endsWith('.json'))).toHaveLength(4);

      // Three formats per issue, read by a real feed reader; the draft is in none.
      const dir = bulletinDir(dataDir, 'ban-tin');
      const parser = new Parser();
      const titles: string[][] = [];
      const key = await evidenceKey(dataDir, env);
      const sizes: number[] = [];
      for (const n of [9, 10, 11, 12]) {
        const rss = await parser.parseString(await readFile(join(dir, `${n}-2024.xml`), 'utf8'));
        const atom = await parser.parseString(await readFile(join(dir, `${n}-2024.atom`), 'utf8'));
        const json = JSON.parse(await readFile(join(dir, `${n}-2024.json`), 'utf8'));
        expect(rss.title).toBe(`Bản tin Cải cách hành chính tỉnh Thử – Số ${n}/2024`);
        expect(atom.items.map((i) => i.title)).toEqual(rss.items.map((i) => i.title));
        expect(json.version).toBe('https://jsonfeed.org/version/1.1');
        expect(json.items).toHaveLength(rss.items.length);
        titles.push(rss.items.map((i) => i.title ?? ''));
        // Each issue carries the log's checkpoint at its time, signed by the unit's key, in
        // its page, its JSON Feed (the note whole) and its RSS/Atom description (the root).
        const cp = json._loa_checkpoint as { size: number; root_hash: string; note: string };
        const body = verifyCheckpoint(cp.note, key.verifier);
        expect([body.size, Buffer.from(body.rootHash).toString('hex')]).toEqual([
          cp.size,
          cp.root_hash,
        ]);
        sizes.push(cp.size);
        expect(rss.description).toContain(cp.root_hash);
        const page = await readFile(join(dir, `${n}-2024.html`), 'utf8');
        expect(page).toContain(cp.root_hash);
        expect(page).toContain(`${cp.size}\n${Buffer.from(body.rootHash).toString('base64')}`);
      }
      // Later issues hold later checkpoints: the log grew between them.
      expect(sizes.every((size, i) => i === 0 || size > sizes[i - 1]!)).toBe(true);
      expect(titles.map((t) => t.map((title) => title.split(' ').at(-1)))).toEqual([
        ['thang3-a'],
        ['thang3-b', 'thang3-c'],
        ['thang3-d'],
        ['thang3-e'],
      ]);

      const list = await runLoa(
        ['bulletin', 'list', 'ban-tin', '--year', '2024', '--dir', root, '--json'],
        env,
      );
      expect(list.code, list.stderr).toBe(0);
      const rows = (
        jsonOf(list.lines) as { issues: { number: number; items: number; state: string }[] }
      ).issues;
      expect(rows.filter((r) => r.number >= 9 && r.number <= 12)).toEqual([
        expect.objectContaining({ number: 9, items: 1, state: 'issued' }),
        expect.objectContaining({ number: 10, items: 2, state: 'issued' }),
        expect.objectContaining({ number: 11, items: 1, state: 'issued' }),
        expect.objectContaining({ number: 12, items: 1, state: 'issued' }),
      ]);
    }, 120_000);
  });
}
