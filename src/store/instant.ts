import { DateTime } from 'luxon';

/** An instant as the store keeps it: UTC ISO 8601 with milliseconds, sortable as text. */
export function toStored(instant: DateTime): string {
  return instant.toUTC().toISO({ suppressMilliseconds: false, includeOffset: true }) as string;
}

/** A stored instant back as a luxon DateTime in UTC. */
export function fromStored(value: string): DateTime {
  return DateTime.fromISO(value, { zone: 'utc' });
}
