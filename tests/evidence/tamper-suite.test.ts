import { mkdir, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { signCheckpoint } from '../../src/evidence/checkpoint.js';
import { appendEvidence, evidenceBytes } from '../../src/evidence/log.js';
import { verifyLog } from '../../src/evidence/log-verify.js';
import { EVIDENCE_FILES_DIR, storeEvidenceFile } from '../../src/evidence/manual.js';
import { CompactRange, leafHash } from '../../src/evidence/merkle.js';
import { SIGNING_KEY_FILE } from '../../src/evidence/signing-key.js';
import { createCheckpoint, evidenceKey } from '../../src/evidence/store-checkpoint.js';
import { openStore, storeOptionsFrom } from '../../src/store/open-store.js';
import { engineForTests, rawForTests } from '../../src/store/testing.js';
import type { Store } from '../../src/store/types.js';
import { captureOutput } from '../support/capture-output.js';
import { type EngineCase, storeEngines } from '../support/store-engines.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * The permanent tamper suite of the log in the store: one table of cases, each run on a fresh
 * log of 20 entries (a manual entry with an attached file at 5, plans on even entries, a
 * checkpoint at 10 handed to the auditor and one at 20 stored), on SQLite and PostgreSQL.
 * Each case states what `loa evidence verify --checkpoint <the auditor's>` must name; the
 * test runs the command and checks its message names exactly that. The bundle's cases are in
 * bundle-tamper.test.ts.
 */
const engines = await storeEngines();
const NOW = DateTime.fromISO('2024-04-01T00:00:00Z');
const SIZE = 20;
const FILE_AT = 5;

interface Log {
  store: Store;
  dataDir: string;
  /** The stored SHA-256 name of the file attached to entry 5. */
  fileSha: string;
  /** Runs SQL as an attacker with the database's owner rights (triggers dropped). */
  exec(text: string): Promise<void>;
}

interface TamperCase {
  name: string;
  tamper(log: Log): Promise<void>;
  /** Substrings the verify output must hold (English messages). */
  names: string[];
  /** Entry lines that name a removal, a move or an insertion: exactly this many. */
  sequence?: number;
  /**
   * The auditor holds the earlier bundle (its checkpoint.txt and leaves.txt at 10 entries),
   * not the checkpoint alone: a rewrite is named at its first differing entry.
   */
  bundle?: boolean;
}

/** The entries' rows rewritten consistently: bytes, leaf hashes and the head, from `from` on. */
async function rewriteConsistently(log: Log, edit: (entry: Record<string, unknown>) => void) {
  const rows = await rawForTests(log.store)
    .selectFrom('evidence_entries')
    .select(['idx', 'entry'])
    .orderBy('idx')
    .execute();
  const range = new CompactRange();
  for (const row of rows) {
    const entry = JSON.parse(row.entry) as Record<string, unknown>;
    edit(entry);
    const text = evidenceBytes(entry as never, Number(row.idx));
    const leaf = Buffer.from(range.appendEntry(Buffer.from(text, 'utf8'))).toString('hex');
    if (text !== row.entry) {
      await rawForTests(log.store)
        .updateTable('evidence_entries')
        .set({ entry: text, leaf_hash: leaf })
        .where('idx', '=', row.idx)
        .execute();
    }
  }
  const hashes = range.hashes.map((h) => Buffer.from(h).toString('hex')).join('');
  await rawForTests(log.store)
    .updateTable('evidence_head')
    .set({ size: range.size, hashes })
    .execute();
  return range;
}

/** Re-signs every stored checkpoint over the log as it now is, with the key in the data dir. */
async function resignCheckpoints(log: Log) {
  const key = await evidenceKey(log.dataDir, {});
  const rows = await rawForTests(log.store)
    .selectFrom('evidence_entries')
    .select(['entry'])
    .orderBy('idx')
    .execute();
  const leaves = rows.map((r) => leafHash(Buffer.from(r.entry, 'utf8')));
  for (const cp of await rawForTests(log.store)
    .selectFrom('evidence_checkpoints')
    .selectAll()
    .execute()) {
    const range = new CompactRange();
    for (const leaf of leaves.slice(0, Number(cp.size))) range.append(leaf);
    const rootHash = range.root();
    await rawForTests(log.store)
      .updateTable('evidence_checkpoints')
      .set({
        root_hash: Buffer.from(rootHash).toString('hex'),
        note: signCheckpoint({ origin: key.name, size: Number(cp.size), rootHash }, key),
      })
      .where('id', '=', cp.id)
      .execute();
  }
}

const CASES: TamperCase[] = [
  {
    name: 'a byte of an entry edited',
    tamper: (l) =>
      l.exec(`update evidence_entries set entry = replace(entry, '900', '901') where idx = 7`),
    names: ['entry 7: its bytes were edited'],
  },
  {
    name: 'the actor field edited',
    tamper: (l) =>
      l.exec(
        `update evidence_entries set entry = replace(entry, 'dispatcher', 'admin') where idx = 2`,
      ),
    names: ['entry 2: its bytes were edited'],
  },
  {
    name: 'the url field edited',
    tamper: (l) =>
      l.exec(
        `update evidence_entries set entry = replace(entry, 'tin-11', 'tin-99') where idx = 11`,
      ),
    names: ['entry 11: its bytes were edited'],
  },
  {
    name: 'a byte edited and its leaf hash recomputed (the head left)',
    tamper: async (l) => {
      await l.exec(
        `update evidence_entries set entry = replace(entry, '900', '901') where idx = 13`,
      );
      const row = await rawForTests(l.store)
        .selectFrom('evidence_entries')
        .select('entry')
        .where('idx', '=', 13)
        .executeTakeFirstOrThrow();
      const leaf = Buffer.from(leafHash(Buffer.from(row.entry, 'utf8'))).toString('hex');
      await l.exec(`update evidence_entries set leaf_hash = '${leaf}' where idx = 13`);
    },
    names: [
      'checkpoint 2: root differs (the change lies at entry 10 or later',
      'the log head differs',
    ],
  },
  {
    name: 'the stored leaf hash edited',
    tamper: (l) =>
      l.exec(`update evidence_entries set leaf_hash = '${'0'.repeat(64)}' where idx = 4`),
    names: ['entry 4: its bytes were edited'],
  },
  {
    name: 'the kind column changed (bytes untouched)',
    tamper: (l) => l.exec(`update evidence_entries set kind = 'manual' where idx = 3`),
    names: [
      'entry 3: its kind column was edited (the signed bytes say "airing", the column "manual")',
    ],
  },
  {
    name: 'the time column changed (the entry leaves March)',
    tamper: (l) =>
      l.exec(`update evidence_entries set time = '2024-04-02T12:00:00.000Z' where idx = 8`),
    names: [
      'entry 8: its time column was edited (the signed bytes say "2024-03-09T12:00:00.000Z", the column "2024-04-02T12:00:00.000Z")',
    ],
  },
  {
    name: 'the plan_id column changed',
    tamper: (l) => l.exec(`update evidence_entries set plan_id = 'khac' where idx = 6`),
    names: [
      'entry 6: its plan_id column was edited (the signed bytes say "tinh-thu", the column "khac")',
    ],
  },
  {
    name: 'the plan_id column emptied',
    tamper: (l) => l.exec(`update evidence_entries set plan_id = null where idx = 12`),
    names: [
      'entry 12: its plan_id column was edited (the signed bytes say "tinh-thu", the column "NULL")',
    ],
  },
  {
    name: 'a plan_id given to an entry without plan',
    tamper: (l) => l.exec(`update evidence_entries set plan_id = 'tinh-thu' where idx = 9`),
    names: [
      'entry 9: its plan_id column was edited (the signed bytes say "NULL", the column "tinh-thu")',
    ],
  },
  {
    name: 'one row deleted',
    tamper: (l) => l.exec('delete from evidence_entries where idx = 12'),
    names: ['entry 12: removed (expected index 12, found 13)'],
    sequence: 1,
  },
  {
    name: 'one row deleted and the rows after it renumbered',
    tamper: async (l) => {
      await l.exec('delete from evidence_entries where idx = 12');
      for (let i = 13; i < SIZE; i += 1) {
        await l.exec(`update evidence_entries set idx = ${i - 1} where idx = ${i}`);
      }
    },
    names: ['entry 12: removed (expected index 12, found 13)'],
    sequence: 1,
  },
  {
    name: 'a forged row inserted and the rows after it renumbered',
    tamper: async (l) => {
      for (let i = SIZE - 1; i >= 12; i -= 1) {
        await l.exec(`update evidence_entries set idx = ${i + 1} where idx = ${i}`);
      }
      const text = evidenceBytes(
        {
          kind: 'publication',
          time: '2024-03-13T09:00:00Z',
          actor: 'dispatcher',
          plan: 'tinh-thu',
        },
        12,
      );
      const leaf = Buffer.from(leafHash(Buffer.from(text, 'utf8'))).toString('hex');
      await rawForTests(l.store)
        .insertInto('evidence_entries')
        .values({
          idx: 12,
          kind: 'publication',
          time: '2024-03-13T09:00:00.000Z',
          plan_id: 'tinh-thu',
          entry: text,
          leaf_hash: leaf,
        })
        .execute();
    },
    names: ['entry 12: two entries say index 12'],
    sequence: 1,
  },
  {
    name: 'two rows swapped (with their leaf hashes)',
    tamper: async (l) => {
      await l.exec('update evidence_entries set idx = -1 where idx = 3');
      await l.exec('update evidence_entries set idx = 3 where idx = 4');
      await l.exec('update evidence_entries set idx = 4 where idx = -1');
    },
    names: [
      'entry 3: out of place (position 3, the entry says 4)',
      'entry 4: out of place (position 4, the entry says 3)',
    ],
    sequence: 2,
  },
  {
    name: 'the bytes of two rows swapped, indices kept',
    tamper: async (l) => {
      const rows = await rawForTests(l.store)
        .selectFrom('evidence_entries')
        .select(['idx', 'entry', 'leaf_hash'])
        .where('idx', 'in', [14, 15])
        .orderBy('idx')
        .execute();
      const [a, b] = rows;
      await rawForTests(l.store)
        .updateTable('evidence_entries')
        .set({ entry: b!.entry, leaf_hash: b!.leaf_hash })
        .where('idx', '=', 14)
        .execute();
      await rawForTests(l.store)
        .updateTable('evidence_entries')
        .set({ entry: a!.entry, leaf_hash: a!.leaf_hash })
        .where('idx', '=', 15)
        .execute();
    },
    names: [
      'entry 14: out of place (position 14, the entry says 15)',
      'entry 15: out of place (position 15, the entry says 14)',
    ],
    sequence: 2,
  },
  {
    name: 'the tail cut and the head rewritten',
    tamper: async (l) => {
      await l.exec('delete from evidence_entries where idx >= 17');
      await l.exec('update evidence_head set size = 17');
    },
    names: ['the log was cut from entry 17 (checkpoint has 20, log 17)'],
  },
  {
    name: 'the log extended with a forged entry (the head left)',
    tamper: async (l) => {
      const text = evidenceBytes(
        { kind: 'airing', time: '2024-03-30T12:00:00Z', actor: 'dispatcher', durationSec: 900 },
        SIZE,
      );
      const leaf = Buffer.from(leafHash(Buffer.from(text, 'utf8'))).toString('hex');
      await rawForTests(l.store)
        .insertInto('evidence_entries')
        .values({
          idx: SIZE,
          kind: 'airing',
          time: '2024-03-30T12:00:00.000Z',
          plan_id: null,
          entry: text,
          leaf_hash: leaf,
        })
        .execute();
    },
    names: ['the log head differs from entry 20 on (head says 20'],
  },
  {
    name: 'the head size edited',
    tamper: (l) => l.exec('update evidence_head set size = 19'),
    names: ['the log head differs from entry 19 on'],
  },
  {
    name: 'the index inside an entry edited, its leaf hash recomputed',
    tamper: async (l) => {
      await l.exec(
        `update evidence_entries set entry = replace(entry, '"index":16', '"index":61') where idx = 16`,
      );
      const row = await rawForTests(l.store)
        .selectFrom('evidence_entries')
        .select('entry')
        .where('idx', '=', 16)
        .executeTakeFirstOrThrow();
      const leaf = Buffer.from(leafHash(Buffer.from(row.entry, 'utf8'))).toString('hex');
      await l.exec(`update evidence_entries set leaf_hash = '${leaf}' where idx = 16`);
    },
    names: ['entry 16: out of place (position 16, the entry says 61)'],
    sequence: 1,
  },
  {
    name: 'a stored checkpoint edited',
    tamper: (l) =>
      l.exec(
        `update evidence_checkpoints set note = replace(note, '${'\n'}20${'\n'}', '${'\n'}21${'\n'}') where size = 20`,
      ),
    names: ['checkpoint 2: bad signature or text'],
  },
  {
    name: 'the signing key replaced and every checkpoint re-signed with it',
    tamper: async (l) => {
      await unlink(join(l.dataDir, SIGNING_KEY_FILE));
      await resignCheckpoints(l);
    },
    names: ['checkpoint given: bad signature or text'],
  },
  {
    name: 'a consistent rewrite: bytes, leaf hashes, head and stored checkpoints re-signed',
    tamper: async (l) => {
      await rewriteConsistently(l, (e) => {
        if (e.index === 3) e.durationSec = 1800;
      });
      await resignCheckpoints(l);
    },
    names: ['checkpoint given: root differs (the change lies at entry 0 or later'],
  },
  {
    name: 'a consistent rewrite after the auditor\u2019s checkpoint',
    tamper: async (l) => {
      await rewriteConsistently(l, (e) => {
        if (e.index === 15) e.url = 'https://example.gov.vn/khac';
      });
    },
    names: ['checkpoint 2: root differs (the change lies at entry 10 or later'],
  },
  {
    name: 'a consistent rewrite from entry 3, checkpoints re-signed, the auditor holding the earlier bundle',
    tamper: async (l) => {
      await rewriteConsistently(l, (e) => {
        if (e.index === 3) e.durationSec = 1800;
      });
      await resignCheckpoints(l);
    },
    names: ['checkpoint given: the log was rewritten from entry 3 on (leaf hash then'],
    bundle: true,
  },
  {
    name: 'a consistent rewrite of entry 7 and everything after, the auditor holding the earlier bundle',
    tamper: async (l) => {
      await rewriteConsistently(l, (e) => {
        if ((e.index as number) >= 7) e.actor = 'quan-tri';
      });
      await resignCheckpoints(l);
    },
    names: ['checkpoint given: the log was rewritten from entry 7 on'],
    bundle: true,
  },
  {
    name: 'a consistent rewrite of the first entry, the auditor holding the earlier bundle',
    tamper: async (l) => {
      await rewriteConsistently(l, (e) => {
        if (e.index === 0) e.url = 'https://example.gov.vn/khac';
      });
      await resignCheckpoints(l);
    },
    names: ['checkpoint given: the log was rewritten from entry 0 on'],
    bundle: true,
  },
  {
    name: 'the head\u2019s subtree hashes edited (size kept)',
    tamper: (l) =>
      l.exec(`update evidence_head set hashes = '${'ab'.repeat(32 * 2)}' where id = 1`),
    names: ['the log head differs from entry 20 on'],
  },
  {
    name: 'every row deleted and the head emptied',
    tamper: async (l) => {
      await l.exec('delete from evidence_entries');
      await l.exec(`update evidence_head set size = 0, hashes = '' where id = 1`);
    },
    names: ['the log was cut from entry 0 (checkpoint has 20, log 0)'],
  },
  {
    name: 'the time column of the last entry changed',
    tamper: (l) =>
      l.exec(`update evidence_entries set time = '2024-04-30T12:00:00Z' where idx = 19`),
    names: ['entry 19', 'time'],
  },
  {
    name: 'an attached file changed',
    tamper: (l) => writeFile(join(l.dataDir, EVIDENCE_FILES_DIR, l.fileSha), 'biên bản đã sửa'),
    names: ['entry 5: attached file bien-ban.txt', 'was changed'],
  },
  {
    name: 'an attached file deleted',
    tamper: (l) => rm(join(l.dataDir, EVIDENCE_FILES_DIR, l.fileSha)),
    names: ['entry 5: attached file bien-ban.txt', 'is missing'],
  },
];

/** Drops the append-only triggers, as an attacker with the database's owner rights would. */
async function bypassTriggers(store: Store): Promise<void> {
  if (engineForTests(store) === 'sqlite') {
    for (const t of ['evidence_entries', 'evidence_checkpoints']) {
      await sql.raw(`drop trigger if exists ${t}_no_update`).execute(rawForTests(store));
      await sql.raw(`drop trigger if exists ${t}_no_delete`).execute(rawForTests(store));
    }
  } else {
    await sql`alter table evidence_entries disable trigger all`.execute(rawForTests(store));
    await sql`alter table evidence_checkpoints disable trigger all`.execute(rawForTests(store));
  }
}

describe.each(engines)('the tamper suite on $name', (engine: EngineCase) => {
  const saved = { ...process.env };
  beforeAll(() => {
    process.env.LOA_LANG = 'en';
  });
  afterAll(() => {
    process.env = saved;
  });

  /** A fresh log of 20 entries; the auditor holds the checkpoint signed at 10 (`given`). */
  async function freshLog(): Promise<Log & { given: string; env: NodeJS.ProcessEnv }> {
    const env = await engine.env();
    const dataDir = env.LOA_DATA_DIR!;
    const store = await openStore(storeOptionsFrom(env));
    const source = join(await tempDir('att'), 'bien-ban.txt');
    await writeFile(source, 'Biên bản hội nghị tập huấn CCHC');
    const file = await storeEvidenceFile(source, dataDir);
    const key = await evidenceKey(dataDir, {});
    const given = join(dataDir, 'given.txt');
    const append = (from: number, to: number) =>
      store.transaction(async (tx) => {
        for (let i = from; i < to; i += 1) {
          const day = String(i + 1).padStart(2, '0');
          await appendEvidence(tx, {
            kind: i === FILE_AT ? 'manual' : i % 2 ? 'airing' : 'publication',
            ...(i % 2 === 0 ? { plan: 'tinh-thu', task: 'cong-ttdt' } : {}),
            channel: 'dai-tinh',
            time: `2024-03-${day}T12:00:00Z`,
            durationSec: 900,
            url: `https://example.gov.vn/cchc/tin-${i}`,
            actor: 'dispatcher',
            ...(i === FILE_AT ? { files: [{ ...file, name: 'bien-ban.txt' }] } : {}),
          });
        }
      });
    await append(0, 10);
    const note = (await createCheckpoint(store, key, NOW)).note;
    await writeFile(given, note);
    // The earlier bundle's checkpoint and leaves, as `loa evidence export` wrote them then.
    const bundle = join(dataDir, 'given-bundle');
    await mkdir(bundle);
    await writeFile(join(bundle, 'checkpoint.txt'), note);
    const leaves = await rawForTests(store)
      .selectFrom('evidence_entries')
      .select('leaf_hash')
      .orderBy('idx')
      .execute();
    await writeFile(join(bundle, 'leaves.txt'), leaves.map((r) => `${r.leaf_hash}\n`).join(''));
    await append(10, SIZE);
    await createCheckpoint(store, key, NOW);
    // Every case acts as an attacker with the database's owner rights: no triggers.
    await bypassTriggers(store);
    const exec = async (text: string) => {
      await sql.raw(text).execute(rawForTests(store));
    };
    return { store, dataDir, fileSha: file.sha256, exec, given, env };
  }

  async function verify(env: NodeJS.ProcessEnv, given: string) {
    process.env.LOA_DATA_DIR = env.LOA_DATA_DIR;
    if (env.LOA_DATABASE_URL) process.env.LOA_DATABASE_URL = env.LOA_DATABASE_URL;
    else delete process.env.LOA_DATABASE_URL;
    const out = captureOutput();
    const code = await main(['evidence', 'verify', '--checkpoint', given], out);
    return { code, text: out.all() };
  }

  it('an untouched log verifies, with the auditor\u2019s checkpoint and its file', async () => {
    const log = await freshLog();
    const result = await verify(log.env, log.given);
    await log.store.close();
    expect(result.text).toContain('20');
    expect(result.code).toBe(0);
  });

  it('an untouched log verifies against the earlier bundle; a bundle whose leaves lie is refused', async () => {
    const log = await freshLog();
    await log.store.close();
    const bundle = join(log.dataDir, 'given-bundle');
    const fine = await verify(log.env, bundle);
    expect(fine.code, fine.text).toBe(0);
    await writeFile(join(bundle, 'leaves.txt'), `${'0'.repeat(64)}\n`.repeat(10));
    const bad = await verify(log.env, bundle);
    expect(bad.code).toBe(1);
    expect(bad.text).toContain('leaves.txt does not give the root of checkpoint.txt');
  });

  it.each(CASES)('names $name', async (c) => {
    const log = await freshLog();
    try {
      await c.tamper(log);
    } finally {
      await log.store.close();
    }
    const result = await verify(log.env, c.bundle ? join(log.dataDir, 'given-bundle') : log.given);
    expect(result.code, result.text).toBe(1);
    for (const name of c.names) expect(result.text).toContain(name);
    if (c.sequence !== undefined) {
      const lines = result.text
        .split('\n')
        .filter((l) => /: removed|: out of place|: two entries say/.test(l));
      expect(lines, result.text).toHaveLength(c.sequence);
    }
    // The same log read in windows of 3 and hashed on the worker gives the report of one
    // hashed in this thread.
    const store = await openStore(storeOptionsFrom(log.env));
    try {
      const { verifier } = await evidenceKey(log.dataDir, {});
      const report = (worker: boolean) =>
        verifyLog(store, { verifier, dataDir: log.dataDir, pageSize: 3, worker });
      const threaded = await report(true);
      expect(threaded).toEqual(await report(false));
    } finally {
      await store.close();
    }
  });
});
