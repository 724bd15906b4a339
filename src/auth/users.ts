import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { LoaError } from '../errors/loa-error.js';
import type { Database, UserRow } from '../store/schema.js';
import { isRole, ROLES, type Role } from './roles.js';

/** Who acted and when, for the rows this module writes. */
export interface AuthActor {
  actor: string;
  /** UTC ISO instant. */
  at: string;
}

/** A user that a token belongs to, as a request sees it. */
export interface AuthUser {
  name: string;
  role: Role;
}

/** The SHA-256 of a token, hex: the only form a token is kept in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new token: 32 random bytes, base64url, with a `loa_` prefix so it is recognisable. */
export function newToken(): string {
  return `loa_${randomBytes(32).toString('base64url')}`;
}

/** A user name: words of letters, digits, `._@-`, single spaces between (a person's name). */
const NAME = /^(?=.{1,64}$)[\p{L}\p{N}._@-]+( [\p{L}\p{N}._@-]+)*$/u;

/** Adds a user with a role; a name is taken once. */
export async function addUser(
  db: Kysely<Database>,
  name: string,
  role: string,
  by: AuthActor,
): Promise<UserRow> {
  const clean = name.normalize('NFC').trim();
  if (!NAME.test(clean)) throw new LoaError('USER_NAME_INVALID', { params: { name } });
  if (!isRole(role)) {
    throw new LoaError('USER_ROLE_INVALID', { params: { role, known: ROLES.join(', ') } });
  }
  const existing = await findUser(db, clean);
  if (existing) throw new LoaError('USER_EXISTS', { params: { name: clean, role: existing.role } });
  const row = { name: clean, role, created_at: by.at, created_by: by.actor };
  await db.insertInto('users').values(row).execute();
  return row;
}

/** One user by name. */
export function findUser(db: Kysely<Database>, name: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('name', '=', name.normalize('NFC'))
    .executeTakeFirst();
}

/** Every user, by name, with the number of tokens each holds. */
export async function listUsers(
  db: Kysely<Database>,
): Promise<Array<UserRow & { tokens: number }>> {
  const users = await db.selectFrom('users').selectAll().orderBy('name').execute();
  const counts = await db
    .selectFrom('api_tokens')
    .select(['user_name', db.fn.countAll<number>().as('n')])
    .groupBy('user_name')
    .execute();
  const byUser = new Map(counts.map((c) => [c.user_name, Number(c.n)]));
  return users.map((u) => ({ ...u, tokens: byUser.get(u.name) ?? 0 }));
}

/** Creates a token for a user and returns it: the only time it is seen in clear. */
export async function createToken(
  db: Kysely<Database>,
  name: string,
  by: AuthActor,
): Promise<{ token: string; user: UserRow }> {
  const user = await findUser(db, name);
  if (!user) throw new LoaError('USER_UNKNOWN', { params: { name } });
  const token = newToken();
  await db
    .insertInto('api_tokens')
    .values({
      hash: hashToken(token),
      user_name: user.name,
      created_at: by.at,
      created_by: by.actor,
    })
    .execute();
  return { token, user };
}

/** The user a token belongs to, or undefined for an unknown token. */
export async function userOfToken(
  db: Kysely<Database>,
  token: string,
): Promise<AuthUser | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.name', 'api_tokens.user_name')
    .select(['users.name', 'users.role'])
    .where('api_tokens.hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || !isRole(row.role)) return undefined;
  return { name: row.name, role: row.role };
}
