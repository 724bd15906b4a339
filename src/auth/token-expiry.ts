import { DateTime } from 'luxon';
import { LoaError } from '../errors/loa-error.js';
import { fromStored, toStored } from '../model/instant.js';
import { DEFAULT_ZONE } from '../model/primitives.js';

/** How long a token lives when `--expires` is not given. */
export const DEFAULT_TOKEN_DAYS = 90;

/** The longest lifetime in days `--expires <days>` accepts (ten years). */
export const MAX_TOKEN_DAYS = 3650;

// NOTE: a token belongs to no plan, so the days an administrator types and the instants loa
// shows are read in Vietnam's zone, where every agency loa serves works.
/** The zone token dates are typed and shown in. */
export const TOKEN_ZONE = DEFAULT_ZONE;

/**
 * When a new token expires, as stored (UTC ISO), from `--expires`: a number of days from now
 * (default 90), a date `YYYY-MM-DD` (valid through that whole day in Vietnam), or `never`
 * (null). Anything else, or a day already past, is a TOKEN_EXPIRES_* error.
 */
export function expiryFrom(value: string | undefined, now: DateTime): string | null {
  const text = (value ?? String(DEFAULT_TOKEN_DAYS)).trim();
  if (text === 'never') return null;
  if (/^\d+$/.test(text)) {
    const days = Number(text);
    if (days < 1 || days > MAX_TOKEN_DAYS) throw invalid(value ?? text);
    return toStored(now.plus({ days }));
  }
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? DateTime.fromISO(text, { zone: TOKEN_ZONE })
    : undefined;
  if (!day?.isValid) throw invalid(value ?? text);
  const end = day.plus({ days: 1 });
  if (end <= now) {
    const today = now.setZone(TOKEN_ZONE).toISODate() ?? '';
    throw new LoaError('TOKEN_EXPIRES_PAST', { params: { value: text, today } });
  }
  return toStored(end);
}

function invalid(value: string): LoaError {
  return new LoaError('TOKEN_EXPIRES_INVALID', { params: { value, max: MAX_TOKEN_DAYS } });
}

/** `30/06/2024 14:05`: a stored instant as an administrator reads it, in Vietnam's zone. */
export function formatTokenInstant(stored: string): string {
  return fromStored(stored).setZone(TOKEN_ZONE).toFormat('dd/MM/yyyy HH:mm');
}
