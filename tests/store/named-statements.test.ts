import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { reusableQuery } from '../../src/store/reusable-query.js';
import { rawForTests } from '../../src/store/testing.js';
import type { Store } from '../../src/store/types.js';
import { freshSchemaUrl, postgresForTests } from '../support/postgres.js';

const postgres = await postgresForTests();

const itemOf = reusableQuery((db, _shape, id: string) =>
  db.selectFrom('items').selectAll().where('id', '=', id),
);

describe.runIf(postgres)('reusable queries as named statements on PostgreSQL', () => {
  let store: Store;
  beforeAll(async () => {
    // One connection, so every query below meets the statements the ones before prepared.
    store = await openStore({ databaseUrl: await freshSchemaUrl(), poolSize: 1 });
    await rawForTests(store)
      .insertInto('items')
      .values({
        id: 'tin',
        source: 'cli',
        path: 'tin.md',
        version: 1,
        content_hash: 'h',
        status: 'approved',
        slot_override: null,
        created_at: '2024-03-01T01:00:00.000Z',
        updated_at: '2024-03-01T01:00:00.000Z',
      })
      .execute();
  });
  afterAll(() => store.close());

  it('prepares a reusable query once on its connection and runs it again by name', async () => {
    const ids = async () => (await itemOf(rawForTests(store), '', 'tin')).rows.map((r) => r.id);
    expect(await ids()).toEqual(['tin']);
    expect(await ids()).toEqual(['tin']);
    const prepared = await sql<{ statement: string }>`
      select statement from pg_prepared_statements where statement like '%"items"%'
    `.execute(rawForTests(store));
    expect(prepared.rows).toHaveLength(1);
  });

  it('answers again after a column is added under a prepared statement', async () => {
    expect((await itemOf(rawForTests(store), '', 'tin')).rows).toHaveLength(1);
    await sql`alter table items add column note text`.execute(rawForTests(store));
    // The connection's plan no longer fits the table: this run fails, and the connection
    // is closed rather than kept with a statement that would fail every time.
    await expect(itemOf(rawForTests(store), '', 'tin')).rejects.toMatchObject({ code: '0A000' });
    const again = (await itemOf(rawForTests(store), '', 'tin')).rows;
    expect(again.map((r) => [r.id, (r as { note?: unknown }).note])).toEqual([['tin', null]]);
  });
});
