import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { DateTime } from 'luxon';
import { appendEvidence } from '../../src/evidence/log.js';
import { evidenceKey } from '../../src/evidence/store-checkpoint.js';
import type { ServerContext, ServerEnv } from '../../src/server/context.js';
import { publicLogRoutes } from '../../src/server/public-log.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/types.js';
import { witnessKey } from '../../src/witness/key.js';
import { pollUnits } from '../../src/witness/poll.js';
import { addWatchedUnit, listWatchedUnits } from '../../src/witness/units.js';
import { type BenchFigure, timeMs } from './report.js';

const UNITS = 100;
const ENTRIES = 200;
const NOW = DateTime.fromISO('2024-04-01T00:00:00Z');

interface Unit {
  store: Store;
  url: string;
  close(): void;
}

async function append(store: Store, from: number, count: number) {
  await store.transaction(async (tx) => {
    for (let i = from; i < from + count; i += 1) {
      await appendEvidence(tx, {
        kind: 'publication',
        channel: 'cong',
        item: `tin-${i}`,
        time: '2024-03-10T02:00:00Z',
        actor: 'dispatcher',
      });
    }
  });
}

/** One unit: its own SQLite log and key, serving loa's public log routes on loopback. */
async function unit(dir: string, n: number, witnessKeys: string): Promise<Unit> {
  const dataDir = join(dir, `unit-${n}`);
  const store = await openStore({ dataDir });
  await append(store, 0, ENTRIES);
  // The unit takes the witness's cosignatures back (the poll's last step), as a real unit does.
  const env = {
    LOA_EVIDENCE_ORIGIN: `don-vi-${n}.example.gov.vn/loa`,
    LOA_WITNESS_KEYS: witnessKeys,
  };
  const ctx = {
    session: { store, dataDir, env },
    clock: { now: () => NOW },
    log: () => undefined,
  } as unknown as ServerContext;
  const app = new Hono<ServerEnv>();
  publicLogRoutes(app, ctx);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return { store, url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/**
 * `loa witness poll` over 100 units on loopback, each its own log of 200 entries that grew by
 * 20 since the last poll (so each poll reads a checkpoint, checks its signature, fetches and
 * checks a consistency proof, cosigns, stores and hands the cosignature back), beside bare
 * fetches of the same 100 checkpoints.
 */
async function pollFigure(dir: string): Promise<BenchFigure> {
  const witnessDir = join(dir, 'witness');
  const key = await witnessKey(witnessDir, { LOA_EVIDENCE_ORIGIN: 'sonoivu.example.gov.vn/loa' });
  const units: Unit[] = [];
  for (let n = 0; n < UNITS; n += 1) units.push(await unit(dir, n, key.verifierKey));
  const witness = await openStore({ dataDir: witnessDir });
  for (const [n, u] of units.entries()) {
    const unitKey = await evidenceKey(join(dir, `unit-${n}`), {
      LOA_EVIDENCE_ORIGIN: `don-vi-${n}.example.gov.vn/loa`,
    });
    await addWatchedUnit(witness, {
      name: `don-vi-${n}`,
      url: u.url,
      verifierKey: unitKey.verifierKey,
    });
  }
  await pollUnits(witness, await listWatchedUnits(witness), { key, now: NOW });
  for (const u of units) await append(u.store, ENTRIES, 20);
  const watched = await listWatchedUnits(witness);
  let ok = 0;
  let delivered = 0;
  const ours = await timeMs(async () => {
    const results = await pollUnits(witness, watched, { key, now: NOW });
    ok = results.filter((r) => r.status === 'ok').length;
    delivered = results.filter((r) => r.delivered).length;
  });
  const baseline = await timeMs(() =>
    Promise.all(units.map(async (u) => (await fetch(`${u.url}/log/checkpoint`)).text())),
  );
  for (const u of units) {
    u.close();
    await u.store.close();
  }
  await witness.close();
  return {
    name: `witness poll of ${UNITS} units on loopback (${ok} ok, each with a consistency proof; ${delivered} cosignatures taken back)`,
    ours,
    baseline,
    unit: 'ms',
    baselineLabel: 'bare fetch of the same 100 checkpoints',
    goal: '< 10,000 ms',
    met: ours < 10_000 && ok === UNITS && delivered === UNITS,
  };
}

export async function run(): Promise<BenchFigure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'loa-bench-witness-'));
  try {
    return [await pollFigure(dir)];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
