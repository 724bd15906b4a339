import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { appendEvidence, readEvidence } from '../../src/evidence/log.js';
import { auditEntries } from '../../src/evidence/log-audit.js';
import { listEvidence } from '../../src/evidence/log-filter.js';
import { engineForTests, rawForTests } from '../../src/store/testing.js';
import type { Store } from '../../src/store/types.js';
import { type EngineCase, storeEngines } from '../support/store-engines.js';

const engines = await storeEngines();
const NOW = DateTime.fromISO('2024-06-01T00:00:00Z');
const APRIL = { from: '2024-04-01T00:00:00.000Z', to: '2024-05-01T00:00:00.000Z' };

/** Three March entries; then an attacker rewrites their columns (bytes untouched). */
async function tamperedColumns(engine: EngineCase): Promise<Store> {
  const store = await engine.open();
  await store.transaction(async (tx) => {
    for (let i = 0; i < 3; i += 1) {
      await appendEvidence(tx, {
        kind: 'publication',
        plan: 'tinh-thu',
        task: 'cong-ttdt',
        time: `2024-03-0${i + 1}T03:00:00Z`,
        actor: 'dispatcher',
      });
    }
  });
  if (engineForTests(store) === 'sqlite') {
    await sql`drop trigger evidence_entries_no_update`.execute(rawForTests(store));
  } else {
    await sql`alter table evidence_entries disable trigger all`.execute(rawForTests(store));
  }
  await sql`update evidence_entries set time = '2024-04-10T00:00:00.000Z' where idx = 0`.execute(
    rawForTests(store),
  );
  await sql`update evidence_entries set kind = 'manual' where idx = 1`.execute(rawForTests(store));
  await sql`update evidence_entries set plan_id = 'khac' where idx = 2`.execute(rawForTests(store));
  return store;
}

describe.each(engines)('listings, exports and audits on $name read the signed bytes', (engine) => {
  it('an edited column brings no entry into a listing by time, kind or plan', async () => {
    const store = await tamperedColumns(engine);
    try {
      expect(await listEvidence(store, APRIL)).toEqual([]);
      expect(await listEvidence(store, { ...APRIL, limit: 10 })).toEqual([]);
      expect(await listEvidence(store, { kind: 'manual' })).toEqual([]);
      expect(await listEvidence(store, { plan: 'khac' })).toEqual([]);
      expect(await readEvidence(store, APRIL)).toEqual([]);
      const april = {
        start: DateTime.fromISO(APRIL.from),
        end: DateTime.fromISO(APRIL.to),
      };
      expect(await auditEntries(store, NOW, april)).toEqual([]);
      // Unfiltered, every entry is listed with its own (signed) values.
      const all = await listEvidence(store, {});
      expect(all.map((e) => [e.index, e.kind, e.plan, e.time])).toEqual([
        [0, 'publication', 'tinh-thu', '2024-03-01T03:00:00.000Z'],
        [1, 'publication', 'tinh-thu', '2024-03-02T03:00:00.000Z'],
        [2, 'publication', 'tinh-thu', '2024-03-03T03:00:00.000Z'],
      ]);
    } finally {
      await store.close();
    }
  });
});
