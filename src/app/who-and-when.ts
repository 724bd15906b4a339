import { userInfo } from 'node:os';
import { DateTime } from 'luxon';

/** Who acts: `--as <name>`, else the operating-system user. */
export function actorName(as?: string): string {
  if (as?.trim()) return as.trim().normalize('NFC');
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** A stored instant as a user reads it: local date and time in a zone, with its offset. */
export function localTime(stored: string, zone: string): string {
  return DateTime.fromISO(stored, { zone: 'utc' }).setZone(zone).toFormat('yyyy-MM-dd HH:mm ZZ');
}
