import type { Insertable } from 'kysely';
import { dbOf } from './handle.js';
import type { BrowserSessionTable } from './schema.js';
import type { Db } from './types.js';

/** The browser_sessions table: sessions by the hash of their secret (auth/sessions.ts). */

/** Stores a session; those ended at or before `now` (stored UTC ISO) are deleted first. */
export async function insertBrowserSession(
  on: Db,
  row: Insertable<BrowserSessionTable>,
  now: string,
): Promise<void> {
  const db = dbOf(on);
  await db.deleteFrom('browser_sessions').where('expires_at', '<=', now).execute();
  await db.insertInto('browser_sessions').values(row).execute();
}

/** A session with its user and the API token it was opened with, if any. */
export interface BrowserSessionView {
  name: string;
  role: string;
  token_hash: string | null;
  expires_at: string;
  /** The sign-in token's hash when it still exists. */
  token: string | null;
  revoked_at: string | null;
  token_expires_at: string | null;
}

/** The session of a secret's hash, with its user and sign-in token. */
export async function findBrowserSession(
  on: Db,
  hash: string,
): Promise<BrowserSessionView | undefined> {
  const db = dbOf(on);
  return db
    .selectFrom('browser_sessions')
    .innerJoin('users', 'users.name', 'browser_sessions.user_name')
    .leftJoin('api_tokens', 'api_tokens.hash', 'browser_sessions.token_hash')
    .select([
      'users.name',
      'users.role',
      'browser_sessions.token_hash',
      'browser_sessions.expires_at',
      'api_tokens.hash as token',
      'api_tokens.revoked_at',
      'api_tokens.expires_at as token_expires_at',
    ])
    .where('browser_sessions.hash', '=', hash)
    .executeTakeFirst();
}

/** Stores a row as it is (a login link: no sweep of ended rows). */
export async function insertBrowserSessionRow(
  on: Db,
  row: Insertable<BrowserSessionTable>,
): Promise<void> {
  const db = dbOf(on);
  await db.insertInto('browser_sessions').values(row).execute();
}

/** A row's user and end by its hash, without joins (a login link). */
export function findBrowserSessionRow(
  on: Db,
  hash: string,
): Promise<{ user_name: string; expires_at: string } | undefined> {
  const db = dbOf(on);
  return db
    .selectFrom('browser_sessions')
    .select(['user_name', 'expires_at'])
    .where('hash', '=', hash)
    .executeTakeFirst();
}

/** Deletes the session of a secret's hash; resolves to whether this call deleted a row. */
export async function deleteBrowserSession(on: Db, hash: string): Promise<boolean> {
  const db = dbOf(on);
  const deleted = await db
    .deleteFrom('browser_sessions')
    .where('hash', '=', hash)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows) === 1;
}
