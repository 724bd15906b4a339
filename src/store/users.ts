import type { Kysely } from 'kysely';
import type { Database, UserRow } from './schema.js';

/** The users table (auth/users.ts): people by name, with their role. */

/** Stores a new user. */
export async function insertUser(db: Kysely<Database>, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

/** One user by its exact (already normalised) name. */
export function findUserRow(db: Kysely<Database>, name: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
}

/** Every user, by name. */
export function listUserRows(db: Kysely<Database>): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('name').execute();
}
