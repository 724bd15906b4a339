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

/** Changes the role of a user (by its exact name); resolves to whether a row changed. */
export async function updateUserRole(
  db: Kysely<Database>,
  name: string,
  role: string,
): Promise<boolean> {
  const result = await db.updateTable('users').set({ role }).where('name', '=', name).execute();
  return Number(result[0]?.numUpdatedRows ?? 0) > 0;
}

/** How many users hold a role. */
export async function countUsersWithRole(db: Kysely<Database>, role: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('role', '=', role)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
