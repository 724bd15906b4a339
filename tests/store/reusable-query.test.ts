import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reusableQuery } from '../../src/store/reusable-query.js';
import type { ItemStatus } from '../../src/store/schema.js';
import { rawForTests } from '../../src/store/testing.js';
import type { Store } from '../../src/store/types.js';
import { storeEngines } from '../support/store-engines.js';

const engines = await storeEngines();

const byStatus = reusableQuery((db, shape, status: ItemStatus, after: string) => {
  let query = db.selectFrom('items').select('id').where('status', '=', status);
  if (shape === 'after') query = query.where('id', '>', after);
  return query.orderBy('id');
});

const withLiteralNull = reusableQuery((db, _shape, id: string) =>
  db.updateTable('items').set({ slot_override: null }).where('id', '=', id),
);

describe.each(engines)('queries compiled once and run again on $name', (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await engine.open();
    const rows = ['a', 'b', 'c', 'd'].map((id, i) => ({
      id,
      source: 'cli' as const,
      path: `${id}.md`,
      version: 1,
      content_hash: id,
      status: i % 2 ? ('draft' as const) : ('approved' as const),
      slot_override: null,
      created_at: '2024-03-01T01:00:00.000Z',
      updated_at: '2024-03-01T01:00:00.000Z',
    }));
    await rawForTests(store).insertInto('items').values(rows).execute();
  });
  afterAll(() => store.close());

  it('answers each run with its own arguments, inside and outside a transaction', async () => {
    const ids = async (status: ItemStatus, shape = '', after = '') =>
      (await byStatus(rawForTests(store), shape, status, after)).rows.map((r) => r.id);
    expect(await ids('approved')).toEqual(['a', 'c']);
    expect(await ids('draft')).toEqual(['b', 'd']);
    expect(await ids('draft', 'after', 'b')).toEqual(['d']);
    expect(await ids('approved', 'after', 'a')).toEqual(['c']);
    const inTx = await store.transaction(async (tx) => byStatus(rawForTests(tx), '', 'draft', ''));
    expect(inTx.rows.map((r) => r.id)).toEqual(['b', 'd']);
  });

  it('refuses a builder with a value that is not one of its arguments', async () => {
    await expect(withLiteralNull(rawForTests(store), '', 'a')).rejects.toThrow(
      /is not an argument/,
    );
  });
});
