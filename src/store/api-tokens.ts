import type { Insertable, Kysely } from 'kysely';
import { dbOf } from './handle.js';
import type { ApiTokenTable, Database } from './schema.js';
import type { Db } from './types.js';

/** The api_tokens table (auth/tokens.ts, auth/users.ts): tokens by their hash. */

/** Stores a new token row. */
export async function insertApiToken(on: Db, row: Insertable<ApiTokenTable>): Promise<void> {
  const db = dbOf(on);
  await db.insertInto('api_tokens').values(row).execute();
}

/** A token with its user, to check a presented token. */
export interface ApiTokenCheckRow {
  name: string;
  role: string;
  hash: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

/** The token of a hash joined with its user (none when either is missing). */
export function findApiTokenWithUser(on: Db, hash: string): Promise<ApiTokenCheckRow | undefined> {
  const db = dbOf(on);
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.name', 'api_tokens.user_name')
    .select([
      'users.name',
      'users.role',
      'api_tokens.hash',
      'api_tokens.expires_at',
      'api_tokens.revoked_at',
      'api_tokens.last_used_at',
    ])
    .where('api_tokens.hash', '=', hash)
    .executeTakeFirst();
}

/** A token as listed, with its user's role (null when the user is gone). */
export interface ApiTokenListRow {
  hash: string;
  user_name: string;
  role: string | null;
  created_at: string;
  created_by: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

function tokenRows(db: Kysely<Database>) {
  return db
    .selectFrom('api_tokens')
    .leftJoin('users', 'users.name', 'api_tokens.user_name')
    .select([
      'api_tokens.hash',
      'api_tokens.user_name',
      'users.role',
      'api_tokens.created_at',
      'api_tokens.created_by',
      'api_tokens.expires_at',
      'api_tokens.last_used_at',
      'api_tokens.revoked_at',
      'api_tokens.revoked_by',
    ]);
}

/** Every token (of one user, when named), oldest first. */
export function listApiTokens(on: Db, user?: string): Promise<ApiTokenListRow[]> {
  const db = dbOf(on);
  let query = tokenRows(db);
  if (user !== undefined) query = query.where('api_tokens.user_name', '=', user);
  return query.orderBy('api_tokens.created_at').orderBy('api_tokens.hash').execute();
}

/** Up to `limit` tokens whose hash starts with a hex prefix (no LIKE wildcard in it). */
export function findApiTokensByHashPrefix(
  on: Db,
  hexPrefix: string,
  limit: number,
): Promise<ApiTokenListRow[]> {
  const db = dbOf(on);
  return tokenRows(db).where('api_tokens.hash', 'like', `${hexPrefix}%`).limit(limit).execute();
}

/** Revokes one token unless it is revoked already. */
export async function revokeApiToken(on: Db, hash: string, at: string, by: string): Promise<void> {
  const db = dbOf(on);
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: at, revoked_by: by })
    .where('hash', '=', hash)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Revokes every token of a user not revoked yet; resolves to how many. */
export async function revokeApiTokensOfUser(
  on: Db,
  user: string,
  at: string,
  by: string,
): Promise<number> {
  const db = dbOf(on);
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at, revoked_by: by })
    .where('user_name', '=', user)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The number of tokens not revoked, per user name. */
export async function countActiveApiTokensByUser(on: Db): Promise<Map<string, number>> {
  const db = dbOf(on);
  const counts = await db
    .selectFrom('api_tokens')
    .select(['user_name', db.fn.countAll<number>().as('n')])
    .where('revoked_at', 'is', null)
    .groupBy('user_name')
    .execute();
  return new Map(counts.map((c) => [c.user_name, Number(c.n)]));
}

/** Records a use at `at` unless one at or after `since` is recorded already. */
export async function recordApiTokenUse(
  on: Db,
  hash: string,
  at: string,
  since: string,
): Promise<void> {
  const db = dbOf(on);
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: at })
    .where('hash', '=', hash)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', since)]))
    .execute();
}
