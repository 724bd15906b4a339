import { createHash, randomBytes } from 'node:crypto';
import type { DateTime } from 'luxon';
import { toStored } from '../model/instant.js';
import {
  deleteBrowserSession,
  findBrowserSessionRow,
  insertBrowserSessionRow,
} from '../store/browser-sessions.js';
import type { Db } from '../store/types.js';

/** How long a one-time login link stays usable after it is printed. */
export const LOGIN_LINK_MINUTES = 30;

/**
 * The stored form of a login link's secret. It is kept beside the browser sessions, hashed
 * under a label of its own, so the link's secret never works as a session cookie and a
 * session's secret never works as a link.
 */
function linkHash(secret: string): string {
  return createHash('sha256').update(`loa-login-link\0${secret}`, 'utf8').digest('hex');
}

/** A login link just made: its secret (seen only now, for the printed address) and its end. */
export interface LoginLink {
  secret: string;
  expiresAt: DateTime;
}

/**
 * Makes a one-time login link for a user (the first administrator, at the first start): a
 * random secret, stored only hashed, usable once within `LOGIN_LINK_MINUTES`. It is no API
 * token: whoever opens it gets a browser session, nothing that works on the API.
 */
export async function createLoginLink(db: Db, user: string, now: DateTime): Promise<LoginLink> {
  const secret = randomBytes(32).toString('base64url');
  const expiresAt = now.plus({ minutes: LOGIN_LINK_MINUTES });
  await insertBrowserSessionRow(db, {
    hash: linkHash(secret),
    user_name: user,
    token_hash: null,
    created_at: toStored(now),
    expires_at: toStored(expiresAt),
  });
  return { secret, expiresAt };
}

/**
 * Spends a login link: resolves to its user the first time, within its time; the link is
 * deleted as it is used, so a second use (or two at once: only one deletes the row) finds
 * nothing. An expired link is deleted too and refused.
 */
export async function useLoginLink(
  db: Db,
  secret: string,
  now: DateTime,
): Promise<string | undefined> {
  const hash = linkHash(secret);
  const row = await findBrowserSessionRow(db, hash);
  if (!row) return undefined;
  if (!(await deleteBrowserSession(db, hash))) return undefined;
  return row.expires_at > toStored(now) ? row.user_name : undefined;
}
