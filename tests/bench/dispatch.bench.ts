import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DateTime } from 'luxon';
import pg from 'pg';
import type { ChannelAdapter } from '../../src/channels/types.js';
import { Channel } from '../../src/model/channel.js';
import { ManualClock } from '../../src/model/clock.js';
import { toStored } from '../../src/model/instant.js';
import { dispatchPass } from '../../src/scheduler/dispatch/dispatcher.js';
import { saveItemVersion } from '../../src/store/items.js';
import { openStore } from '../../src/store/open-store.js';
import { schedulePublication } from '../../src/store/publications.js';
import type { Store } from '../../src/store/types.js';
import { type BenchFigure, timeMs } from './report.js';

const PG_URL = process.env.LOA_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const NOW = DateTime.fromISO('2024-03-04T02:00:00Z', { zone: 'utc' });
const channel = Channel.parse({
  id: 'tep',
  name: 'Tệp',
  kind: 'files',
  unit: 'u',
  maxLatenessMinutes: 600,
});

/** An adapter that does nothing, so only the dispatcher's own cost is measured. */
const noop: ChannelAdapter = {
  kind: 'noop',
  find: async () => undefined,
  publish: async (request) => ({ externalId: request.key, publishedAt: toStored(NOW) }),
};

async function seed(store: Store, n: number): Promise<void> {
  const at = toStored(NOW);
  await store.transaction(async (tx) => {
    for (let i = 0; i < n; i++) {
      const item = {
        id: `tin-${i}`,
        title: 'Tin',
        channels: ['tep'],
        unit: 'u',
        author: 'a',
        topics: [],
        priority: 3,
        media: [],
        repost: false,
        evergreen: false,
        status: 'approved' as const,
        body: 'x',
      };
      const row = await saveItemVersion(
        tx,
        { item, source: 'cli', path: 'x', status: 'scheduled' },
        { actor: 'bench', at },
      );
      const slot = toStored(NOW.minus({ seconds: n - i }));
      await schedulePublication(tx, {
        key: `tep/tin-${i}@${slot}`,
        item: row!,
        channelId: 'tep',
        slot,
        plannedBy: 'publishAt',
        now: at,
      });
    }
  });
}

async function dispatchRate(store: Store, n: number): Promise<number> {
  await seed(store, n);
  const options = {
    store,
    channels: new Map([['tep', channel]]),
    adapters: new Map([['tep', noop]]),
    clock: new ManualClock(NOW),
    perChannelPerPass: n,
    leaseSec: 3600,
  };
  let done = 0;
  const ms = await timeMs(async () => {
    const result = await dispatchPass(options);
    done = result.counts.published;
  });
  if (done !== n) throw new Error(`dispatched ${done} of ${n}`);
  return (n / ms) * 1000;
}

/** Baseline: per publication, one committed INSERT and one committed UPDATE of the same row. */
function bareSqliteRate(dir: string, n: number): number {
  const db = new BetterSqlite3(join(dir, 'bare.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('create table p (key text primary key, status text, due_at text, external_id text)');
  const insert = db.prepare('insert into p values (?, ?, ?, null)');
  const update = db.prepare('update p set status = ?, external_id = ? where key = ?');
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    db.transaction(() => insert.run(`k${i}`, 'scheduled', 'x'))();
    db.transaction(() => update.run('published', `e${i}`, `k${i}`))();
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  db.close();
  return (n / ms) * 1000;
}

async function barePgRate(n: number): Promise<number> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(
    'create temporary table p (key text primary key, status text, due_at text, external_id text)',
  );
  const ms = await timeMs(async () => {
    for (let i = 0; i < n; i++) {
      await client.query('insert into p values ($1, $2, $3, null)', [`k${i}`, 'scheduled', 'x']);
      await client.query('update p set status = $1, external_id = $2 where key = $3', [
        'published',
        `e${i}`,
        `k${i}`,
      ]);
    }
  });
  await client.end();
  return (n / ms) * 1000;
}

function figure(
  engine: string,
  ours: number,
  baseline: number,
  goal: string,
  met: boolean,
): BenchFigure {
  return {
    name: `dispatch with a no-op adapter on ${engine}`,
    ours,
    baseline,
    unit: 'publications/s',
    higherIsBetter: true,
    baselineLabel: `bare INSERT + UPDATE per row, each committed; median of ${ROUNDS} rounds`,
    goal,
    met,
  };
}

/**
 * Rounds per engine. NOTE: the machine the benchmarks run on is shared and its load moves
 * within seconds; each round measures both sides back to back (in alternating order), and
 * the round whose ratio is the median of all rounds is reported.
 */
const ROUNDS = 3;

/** Both sides' rates from the round with the median ratio, over ROUNDS rounds. */
async function medianRound(
  ours: () => Promise<number>,
  bare: () => Promise<number>,
): Promise<{ ours: number; bare: number }> {
  const rounds: { ours: number; bare: number }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      const o = await ours();
      rounds.push({ ours: o, bare: await bare() });
    } else {
      const b = await bare();
      rounds.push({ ours: await ours(), bare: b });
    }
  }
  rounds.sort((x, y) => x.bare / x.ours - y.bare / y.ours);
  return rounds[Math.floor(rounds.length / 2)] as { ours: number; bare: number };
}

/** Dispatch throughput on SQLite and PostgreSQL beside the bare statements. */
export async function run(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'loa-bench-'));
    dirs.push(dir);
    return dir;
  };
  try {
    const n = 3000;
    const { ours, bare } = await medianRound(
      async () => {
        const store = await openStore({ dataDir: fresh() });
        try {
          return await dispatchRate(store, n);
        } finally {
          await store.close();
        }
      },
      async () => bareSqliteRate(fresh(), n),
    );
    figures.push(
      figure(
        'SQLite',
        ours,
        bare,
        '≥ 1000 publications/s, ratio ≤ 2',
        ours >= 1000 && bare / ours <= 2,
      ),
    );
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
  const admin = new pg.Client({ connectionString: PG_URL });
  const schemas: string[] = [];
  try {
    await admin.connect();
    const n = 1000;
    const { ours, bare } = await medianRound(
      async () => {
        const schema = `loa_bench_${process.pid}_${schemas.length}`;
        schemas.push(schema);
        await admin.query(`create schema ${schema}`);
        const url = new URL(PG_URL);
        url.searchParams.set('options', `-c search_path=${schema}`);
        const store = await openStore({ databaseUrl: url.toString() });
        try {
          return await dispatchRate(store, n);
        } finally {
          await store.close();
        }
      },
      () => barePgRate(n),
    );
    figures.push(
      figure('PostgreSQL', ours, bare, 'ratio ≤ 2 (no absolute goal)', bare / ours <= 2),
    );
  } finally {
    for (const schema of schemas) {
      await admin.query(`drop schema if exists ${schema} cascade`).catch(() => undefined);
    }
    await admin.end().catch(() => undefined);
  }
  return figures;
}
