import { DateTime } from 'luxon';

// NOTE: these two sit on the dispatcher's hot path (several calls per publication). Stored
// instants are always UTC `YYYY-MM-DDTHH:mm:ss.SSSZ`, exactly what Date#toISOString writes and
// Date.parse reads, and both are several times faster than luxon's ISO formatting and parsing;
// the instants themselves stay luxon DateTimes everywhere else.

/** An instant as the store keeps it: UTC ISO 8601 with milliseconds, sortable as text. */
export function toStored(instant: DateTime): string {
  return new Date(instant.toMillis()).toISOString();
}

/** A stored instant back as a luxon DateTime in UTC. */
export function fromStored(value: string): DateTime {
  const millis = Date.parse(value);
  // Anything not in the stored form (an older or hand-edited value) goes through luxon.
  return Number.isNaN(millis) || !value.endsWith('Z')
    ? DateTime.fromISO(value, { zone: 'utc' })
    : DateTime.fromMillis(millis, { zone: 'utc' });
}
