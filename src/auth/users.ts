import { LoaError } from '../errors/loa-error.js';
import { fromStored } from '../model/instant.js';
import { countActiveApiTokensByUser, revokeApiTokensOfUser } from '../store/api-tokens.js';
import type { UserRow } from '../store/schema.js';
import type { Db, Store } from '../store/types.js';
import {
  countUsersWithRole,
  findUserRow,
  insertUser,
  listUserRows,
  updateUserRole,
} from '../store/users.js';
import { type AuthActor, isRole, ROLES } from './roles.js';
import { expiryFrom } from './token-expiry.js';
import { insertToken } from './tokens.js';

/** A user name: words of letters, digits, `._@-`, single spaces between (a person's name). */
const NAME = /^(?=.{1,64}$)[\p{L}\p{N}._@-]+( [\p{L}\p{N}._@-]+)*$/u;

/** Adds a user with a role; a name is taken once. */
export async function addUser(db: Db, name: string, role: string, by: AuthActor): Promise<UserRow> {
  const clean = name.normalize('NFC').trim();
  if (!NAME.test(clean)) throw new LoaError('USER_NAME_INVALID', { params: { name } });
  if (!isRole(role)) {
    throw new LoaError('USER_ROLE_INVALID', { params: { role, known: ROLES.join(', ') } });
  }
  const existing = await findUser(db, clean);
  if (existing) {
    throw new LoaError('USER_EXISTS', {
      params: { name: clean, role: existing.role },
      kind: 'conflict',
    });
  }
  const row = { name: clean, role, created_at: by.at, created_by: by.actor };
  await insertUser(db, row);
  return row;
}

/**
 * Gives a user another role (`loa user role`, the admin page). It takes effect on the user's
 * next request, tokens and browser sessions alike. The last administrator keeps the role:
 * without one, nobody could manage users from the pages or the API again.
 */
export async function setUserRole(
  store: Store,
  name: string,
  role: string,
): Promise<{ user: UserRow; from: string }> {
  if (!isRole(role)) {
    throw new LoaError('USER_ROLE_INVALID', { params: { role, known: ROLES.join(', ') } });
  }
  return store.transaction(async (tx) => {
    const user = await findUser(tx, name);
    if (!user) throw new LoaError('USER_UNKNOWN', { params: { name }, kind: 'not-found' });
    if (user.role === 'admin' && role !== 'admin' && (await countUsersWithRole(tx, 'admin')) <= 1) {
      throw new LoaError('USER_LAST_ADMIN', { params: { name: user.name }, kind: 'conflict' });
    }
    if (user.role !== role) await updateUserRole(tx, user.name, role);
    return { user: { ...user, role }, from: user.role };
  });
}

/** One user by name. */
export function findUser(db: Db, name: string): Promise<UserRow | undefined> {
  return findUserRow(db, name.normalize('NFC'));
}

/** Every user, by name, with the number of tokens each holds (revoked ones not counted). */
export async function listUsers(db: Db): Promise<Array<UserRow & { tokens: number }>> {
  const users = await listUserRows(db);
  const byUser = await countActiveApiTokensByUser(db);
  return users.map((u) => ({ ...u, tokens: byUser.get(u.name) ?? 0 }));
}

/**
 * Creates a token for a user and returns it: the only time it is seen in clear. It expires
 * at `expiresAt` (stored UTC ISO; null: never), by default 90 days after `by.at`.
 */
export async function createToken(
  db: Db,
  name: string,
  by: AuthActor,
  expiresAt: string | null = expiryFrom(undefined, fromStored(by.at)),
): Promise<{ token: string; id: string; expiresAt: string | null; user: UserRow }> {
  const user = await findUser(db, name);
  if (!user) throw new LoaError('USER_UNKNOWN', { params: { name }, kind: 'not-found' });
  const { token, id } = await insertToken(db, user.name, by, expiresAt);
  return { token, id, expiresAt, user };
}

/** Revokes every token of a user not revoked yet; resolves to how many it revoked. */
export async function revokeTokensOfUser(
  db: Db,
  name: string,
  by: AuthActor,
): Promise<{ user: UserRow; revoked: number }> {
  const user = await findUser(db, name);
  if (!user) throw new LoaError('USER_UNKNOWN', { params: { name }, kind: 'not-found' });
  const revoked = await revokeApiTokensOfUser(db, user.name, by.at, by.actor);
  return { user, revoked };
}
