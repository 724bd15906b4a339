import { dbOf } from './handle.js';
import type { UserRow } from './schema.js';
import type { Db } from './types.js';

/** The users table (auth/users.ts): people by name, with their role. */

/** Stores a new user. */
export async function insertUser(on: Db, row: UserRow): Promise<void> {
  const db = dbOf(on);
  await db.insertInto('users').values(row).execute();
}

/** One user by its exact (already normalised) name. */
export function findUserRow(on: Db, name: string): Promise<UserRow | undefined> {
  const db = dbOf(on);
  return db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
}

/** Every user, by name. */
export function listUserRows(on: Db): Promise<UserRow[]> {
  const db = dbOf(on);
  return db.selectFrom('users').selectAll().orderBy('name').execute();
}

/** Changes the role of a user (by its exact name); resolves to whether a row changed. */
export async function updateUserRole(on: Db, name: string, role: string): Promise<boolean> {
  const db = dbOf(on);
  const result = await db.updateTable('users').set({ role }).where('name', '=', name).execute();
  return Number(result[0]?.numUpdatedRows ?? 0) > 0;
}

/** How many users hold a role. */
export async function countUsersWithRole(on: Db, role: string): Promise<number> {
  const db = dbOf(on);
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('role', '=', role)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
