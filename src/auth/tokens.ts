import { createHash, randomBytes } from 'node:crypto';
import { LoaError } from '../errors/loa-error.js';
import {
  type ApiTokenListRow,
  findApiTokensByHashPrefix,
  findApiTokenWithUser,
  insertApiToken,
  listApiTokens,
  recordApiTokenUse,
  revokeApiToken,
} from '../store/api-tokens.js';
import type { Db } from '../store/types.js';
import type { AuthActor, AuthUser } from './roles.js';
import { isRole } from './roles.js';

/** How many hex characters of a token's hash make its public id. */
export const TOKEN_ID_LENGTH = 12;

/** The shortest id prefix `loa token revoke` accepts. */
export const MIN_TOKEN_ID_PREFIX = 8;

/** The SHA-256 of a token, hex: the only form a token is kept in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new token: 32 random bytes, base64url, with a `loa_` prefix so it is recognisable. */
export function newToken(): string {
  return `loa_${randomBytes(32).toString('base64url')}`;
}

/** A token's public id: the start of its hash, which reveals nothing of the token. */
export function tokenIdOf(hash: string): string {
  return hash.slice(0, TOKEN_ID_LENGTH);
}

/** Whether a token may be used now. */
export type TokenState = 'active' | 'expired' | 'revoked';

/**
 * A token as an administrator sees it (`loa token list`, GET /api/tokens): its id, never the
 * token nor the rest of its hash. Instants are stored UTC ISO strings.
 */
export interface TokenInfo {
  id: string;
  user: string;
  role: string;
  createdAt: string;
  createdBy: string;
  /** null: the token never expires. */
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
  state: TokenState;
}

/** Stores a new token of a user and returns it: the only time it is seen in clear. */
export async function insertToken(
  db: Db,
  user: string,
  by: AuthActor,
  expiresAt: string | null,
): Promise<{ token: string; id: string }> {
  const token = newToken();
  const hash = hashToken(token);
  await insertApiToken(db, {
    hash,
    user_name: user,
    created_at: by.at,
    created_by: by.actor,
    expires_at: expiresAt,
  });
  return { token, id: tokenIdOf(hash) };
}

/** The outcome of checking a presented token; a refusal says why, for the user's message. */
export type TokenCheck =
  | { ok: true; user: AuthUser; hash: string; lastUsedAt: string | null }
  | { ok: false; reason: 'unknown' }
  | { ok: false; reason: 'expired'; expiresAt: string }
  | { ok: false; reason: 'revoked'; revokedAt: string };

/** Checks a token at an instant (stored UTC ISO): unknown, revoked, expired, or its user. */
export async function checkToken(db: Db, token: string, now: string): Promise<TokenCheck> {
  const row = await findApiTokenWithUser(db, hashToken(token));
  if (!row || !isRole(row.role)) return { ok: false, reason: 'unknown' };
  if (row.revoked_at !== null) return { ok: false, reason: 'revoked', revokedAt: row.revoked_at };
  if (row.expires_at !== null && row.expires_at <= now) {
    return { ok: false, reason: 'expired', expiresAt: row.expires_at };
  }
  return {
    ok: true,
    user: { name: row.name, role: row.role },
    hash: row.hash,
    lastUsedAt: row.last_used_at,
  };
}

function infoOf(row: ApiTokenListRow, now: string): TokenInfo {
  const state: TokenState =
    row.revoked_at !== null
      ? 'revoked'
      : row.expires_at !== null && row.expires_at <= now
        ? 'expired'
        : 'active';
  return {
    id: tokenIdOf(row.hash),
    user: row.user_name,
    role: row.role ?? '',
    createdAt: row.created_at,
    createdBy: row.created_by,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
    state,
  };
}

/** Every token (of one user, when named), oldest first, with its state at `now`. */
export async function listTokens(db: Db, now: string, user?: string): Promise<TokenInfo[]> {
  const rows = await listApiTokens(db, user?.normalize('NFC'));
  return rows.map((row) => infoOf(row, now));
}

/**
 * Revokes the one token whose id starts with `prefix` (at least 8 hex characters): the next
 * request with it is refused. A token already revoked is left as it was (`already`).
 */
export async function revokeToken(
  db: Db,
  prefix: string,
  by: AuthActor,
): Promise<{ token: TokenInfo; already: boolean }> {
  const id = prefix.trim().toLowerCase();
  if (!new RegExp(`^[0-9a-f]{${MIN_TOKEN_ID_PREFIX},64}$`).test(id)) {
    throw new LoaError('TOKEN_ID_INVALID', { params: { id: prefix } });
  }
  // NOTE: the prefix is hex only, so it holds no LIKE wildcard.
  const rows = await findApiTokensByHashPrefix(db, id, 6);
  const [row] = rows;
  if (!row) throw new LoaError('TOKEN_UNKNOWN', { params: { id }, kind: 'not-found' });
  if (rows.length > 1) {
    const ids = rows.slice(0, 5).map((r) => tokenIdOf(r.hash));
    const more = rows.length > 5 ? ', …' : '';
    throw new LoaError('TOKEN_AMBIGUOUS', {
      params: { id, count: rows.length, ids: ids.join(', ') + more },
    });
  }
  if (row.revoked_at !== null) return { token: infoOf(row, by.at), already: true };
  await revokeApiToken(db, row.hash, by.at, by.actor);
  return {
    token: infoOf({ ...row, revoked_at: by.at, revoked_by: by.actor }, by.at),
    already: false,
  };
}

/**
 * Records a successful use at `at`, unless one at or after `since` is already recorded (so
 * that several processes, or a burst, write at most once per interval).
 */
export async function recordTokenUse(
  db: Db,
  hash: string,
  at: string,
  since: string,
): Promise<void> {
  await recordApiTokenUse(db, hash, at, since);
}
