import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';

/** The local test server (trust auth, database `test`); LOA_TEST_PG_URL overrides it. */
export const TEST_PG_URL = process.env.LOA_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Whether the local PostgreSQL answers. */
export async function postgresAnswers(url = TEST_PG_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Whether the PostgreSQL half of a suite runs. With LOA_REQUIRE_SERVICES=1 a silent server
 * is an error (the suite fails, never skips).
 */
export async function postgresForTests(): Promise<boolean> {
  const up = await postgresAnswers();
  if (!up && process.env.LOA_REQUIRE_SERVICES === '1') {
    throw new Error(
      `PostgreSQL required (LOA_REQUIRE_SERVICES=1) but ${TEST_PG_URL} does not answer`,
    );
  }
  return up;
}

/**
 * A fresh schema in the test database, dropped after the test file; returns a connection
 * string whose search_path points at it, as LOA_DATABASE_URL takes it.
 */
export async function freshSchemaUrl(prefix = 'loa_t'): Promise<string> {
  const schema = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  afterAll(async () => {
    const c = new pg.Client({ connectionString: TEST_PG_URL });
    await c.connect();
    await c.query(`drop schema if exists ${schema} cascade`);
    await c.end();
  });
  const url = new URL(TEST_PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}
