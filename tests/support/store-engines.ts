import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/types.js';
import { freshSchemaUrl, postgresForTests } from './postgres.js';
import { tempDir } from './temp-dir.js';

/** One engine the shared suites run against: a name and a way to open a fresh store. */
export interface EngineCase {
  name: 'sqlite' | 'postgres';
  /** Options a CLI process needs to reach the same store (LOA_DATA_DIR / LOA_DATABASE_URL). */
  env(): Promise<NodeJS.ProcessEnv>;
  open(): Promise<Store>;
}

/**
 * The engines of this machine: SQLite always; PostgreSQL when it answers (and, with
 * LOA_REQUIRE_SERVICES=1, PostgreSQL is required: a silent server makes the suite fail).
 * Each `open` gets a fresh database: a new data folder, or a new schema.
 */
export async function storeEngines(): Promise<EngineCase[]> {
  const engines: EngineCase[] = [
    {
      name: 'sqlite',
      env: async () => ({ LOA_DATA_DIR: await tempDir('store') }),
      open: async () => openStore({ dataDir: await tempDir('store') }),
    },
  ];
  if (await postgresForTests()) {
    engines.push({
      name: 'postgres',
      env: async () => ({
        LOA_DATABASE_URL: await freshSchemaUrl(),
        LOA_DATA_DIR: await tempDir('pgdata'),
      }),
      open: async () => openStore({ databaseUrl: await freshSchemaUrl() }),
    });
  }
  return engines;
}
