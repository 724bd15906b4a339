import { createHash, randomBytes } from 'node:crypto';
import type { DateTime } from 'luxon';
import { toStored } from '../model/instant.js';
import {
  deleteBrowserSession,
  findBrowserSession,
  insertBrowserSession,
} from '../store/browser-sessions.js';
import type { Db } from '../store/types.js';
import type { AuthUser } from './roles.js';
import { isRole } from './roles.js';

/** How long a browser session lasts from sign-in, whatever happens: one working day. */
export const SESSION_HOURS = 12;

/** The SHA-256 of a session secret, hex: the only form the store keeps. */
function hashSecret(secret: string): string {
  return createHash('sha256').update(`loa-session\0${secret}`, 'utf8').digest('hex');
}

/** A session that was just opened: the secret for the cookie (seen only now) and its end. */
export interface OpenedSession {
  secret: string;
  expiresAt: DateTime;
}

/**
 * Opens a browser session for a user: a new random secret (never the API token), stored
 * hashed, valid `SESSION_HOURS` from `now`. `tokenHash` is the API token the user signed in
 * with, whose revocation or expiry ends the session too; omit it for a sign-in that used
 * none (a one-time link). Sessions already over are deleted on the way.
 */
export async function openBrowserSession(
  db: Db,
  user: string,
  now: DateTime,
  tokenHash: string | null = null,
): Promise<OpenedSession> {
  const secret = `loas_${randomBytes(32).toString('base64url')}`;
  const expiresAt = now.plus({ hours: SESSION_HOURS });
  await insertBrowserSession(
    db,
    {
      hash: hashSecret(secret),
      user_name: user,
      token_hash: tokenHash,
      created_at: toStored(now),
      expires_at: toStored(expiresAt),
    },
    toStored(now),
  );
  return { secret, expiresAt };
}

/** The outcome of checking a session cookie; a refusal says why, for the user's message. */
export type SessionCheck =
  | { ok: true; user: AuthUser }
  | { ok: false; reason: 'ended' }
  | { ok: false; reason: 'expired'; expiresAt: string }
  | { ok: false; reason: 'revoked'; revokedAt: string };

/**
 * Checks a session secret at an instant (stored UTC ISO): unknown or logged out and past its
 * end are both `ended`; a session whose sign-in token was revoked or expired since is over too.
 */
export async function checkBrowserSession(
  db: Db,
  secret: string,
  now: string,
): Promise<SessionCheck> {
  const row = await findBrowserSession(db, hashSecret(secret));
  if (!row || !isRole(row.role) || row.expires_at <= now) return { ok: false, reason: 'ended' };
  if (row.token_hash !== null) {
    if (row.token === null) return { ok: false, reason: 'ended' };
    if (row.revoked_at !== null) return { ok: false, reason: 'revoked', revokedAt: row.revoked_at };
    if (row.token_expires_at !== null && row.token_expires_at <= now) {
      return { ok: false, reason: 'expired', expiresAt: row.token_expires_at };
    }
  }
  return { ok: true, user: { name: row.name, role: row.role } };
}

/** Ends a session (logout): its secret stops working at once, in every process. */
export async function endBrowserSession(db: Db, secret: string): Promise<void> {
  await deleteBrowserSession(db, hashSecret(secret));
}
