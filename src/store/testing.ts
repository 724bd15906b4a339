import { dbOf, type StoreDb } from './handle.js';
import type { Engine } from './migrations.js';
import type { Db, Store } from './types.js';

/**
 * FOR TESTS ONLY: the raw query builder under a store or transaction, so that a test can
 * tamper with rows on purpose (evidence tamper tests) or read a column no repository
 * function shows. src/ never imports this file (`.dependency-cruiser.cjs`: store-testing-
 * only-in-tests); code goes through the repository functions.
 */
export function rawForTests(on: Db): StoreDb {
  return dbOf(on);
}

/** FOR TESTS ONLY: the engine a store runs on, for tests that tamper differently per engine. */
export function engineForTests(store: Store): Engine {
  return (store as Store & { engine: Engine }).engine;
}
