import { DateTime } from 'luxon';
import pg from 'pg';
import type { AuditEntry } from '../../src/audit/types.js';
import { parsePeriod } from '../../src/calendar/period.js';
import { auditFromLog } from '../../src/evidence/log-audit.js';
import { leafHash } from '../../src/evidence/merkle.js';
import { canonicalJson } from '../../src/model/canonical-json.js';
import { openStore } from '../../src/store/open-store.js';
import { syntheticEntries, syntheticPlan, ZONE } from './audit.bench.js';
import { type BenchFigure, timeMs } from './report.js';

const PG_URL = process.env.LOA_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CHUNK = 20_000;

/** Writes the entries as the log stores them (canonical JSON with an actor), in bulk. */
async function load(client: pg.Client, entries: readonly AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += CHUNK) {
    const cols: [number[], string[], string[], (string | null)[], string[], string[]] = [
      [],
      [],
      [],
      [],
      [],
      [],
    ];
    for (const entry of entries.slice(i, i + CHUNK)) {
      const text = canonicalJson({ ...entry, actor: 'dispatcher' });
      cols[0].push(entry.index);
      cols[1].push(entry.kind);
      cols[2].push(entry.time);
      cols[3].push(entry.plan ?? null);
      cols[4].push(text);
      cols[5].push(Buffer.from(leafHash(Buffer.from(text, 'utf8'))).toString('hex'));
    }
    await client.query(
      `insert into evidence_entries (idx, kind, time, plan_id, entry, leaf_hash)
       select * from unnest($1::integer[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`,
      cols,
    );
  }
  await client.query('analyze evidence_entries');
}

/**
 * `auditFromLog` on PostgreSQL: a year of 1,000 units (about a million entries) stored,
 * the first quarter audited after the year; beside a bare count of that quarter's rows by
 * kind and ISO week, the least a read of the same rows costs.
 */
export async function run(): Promise<BenchFigure[]> {
  const { plan, channels } = syntheticPlan();
  const entries = syntheticEntries();
  const period = parsePeriod('2024-Q1', ZONE);
  const now = DateTime.fromISO('2025-01-10T12:00', { zone: ZONE });
  const admin = new pg.Client({ connectionString: PG_URL });
  const schema = `loa_bench_audit_${process.pid}`;
  await admin.connect();
  try {
    await admin.query(`create schema ${schema}`);
    const url = new URL(PG_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const store = await openStore({ databaseUrl: url.toString() });
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    let tasks = 0;
    try {
      await load(client, entries);
      const audit = async () => {
        tasks = (await auditFromLog(store, { plan, channels, period, now })).tasks.length;
      };
      const bare = () =>
        client.query(
          `select kind, date_trunc('week', time::timestamptz) as week, count(*)
           from evidence_entries where time >= $1 and time < $2 group by 1, 2`,
          [period.start.toUTC().toISO(), period.end.toUTC().toISO()],
        );
      await audit();
      await bare();
      const ours = Math.min(await timeMs(audit), await timeMs(audit));
      const baseline = Math.min(await timeMs(bare), await timeMs(bare));
      return [
        {
          name: `audit ${plan.units.length.toLocaleString('en')} units, ${entries.length.toLocaleString('en')} entries on PostgreSQL, one quarter (${tasks} tasks)`,
          ours,
          baseline,
          unit: 'ms',
          baselineLabel: "bare count of the quarter's rows per kind and week",
          goal: '< 2000 ms (no ratio goal: the baseline reads no entry)',
          met: ours < 2000,
        },
      ];
    } finally {
      await client.end();
      await store.close();
    }
  } finally {
    await admin.query(`drop schema if exists ${schema} cascade`).catch(() => undefined);
    await admin.end().catch(() => undefined);
  }
}
