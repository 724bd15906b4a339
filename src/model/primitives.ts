import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { controlName, firstControlCharacter, nfc } from '../text/vietnamese.js';

/** The zone plans are evaluated in unless they say otherwise. */
export const DEFAULT_ZONE = 'Asia/Ho_Chi_Minh';

/** A stable id: lower-case ASCII letters, digits and hyphens. */
const ID_PATTERN = '^[a-z0-9][a-z0-9-]{0,63}$';
const ID_REGEX = new RegExp(ID_PATTERN);
export const Id = z
  .string()
  .refine((v) => ID_REGEX.test(v), { params: { code: 'BAD_ID' } })
  .meta({
    pattern: ID_PATTERN,
    description: 'Stable id: lower-case ASCII letters, digits and hyphens, e.g. so-noi-vu',
  });

/** Text a user reads: Vietnamese, normalised to NFC, not blank, no control character but tab and newline. */
export const Text = z
  .string()
  .trim()
  .min(1)
  .superRefine((v, ctx) => {
    const at = firstControlCharacter(v);
    if (at === undefined) return;
    const char = controlName(v.charCodeAt(at));
    ctx.addIssue({ code: 'custom', params: { code: 'TEXT_CONTROL_CHARACTER', char } });
  })
  .transform((v) => nfc(v));

/** A calendar date, YYYY-MM-DD, that exists. */
export const IsoDate = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && DateTime.fromISO(v, { zone: 'UTC' }).isValid, {
    params: { code: 'BAD_DATE' },
  })
  .meta({ format: 'date', description: 'Calendar date YYYY-MM-DD' });

/** A time of day, HH:mm on a 24-hour clock. */
export const LocalTime = z
  .string()
  .refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), { params: { code: 'BAD_TIME' } })
  .meta({
    pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
    description: 'Time of day HH:mm, 24-hour clock',
  });

/**
 * Whether a date-time's offset, if it has one, is a real one: at most ±14:00 (the widest
 * any zone uses), minutes under 60. Luxon would accept `+25:00`.
 */
function offsetInRange(value: string): boolean {
  const match = /([+-])(\d{2}):?(\d{2})$/.exec(value.slice(10));
  if (!match) return true;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return Number(match[3]) < 60 && minutes <= 14 * 60;
}

/** A local date-time (in the plan's zone) or one with an explicit offset (at most ±14:00). */
export const LocalDateTime = z
  .string()
  .refine(
    (v) =>
      /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?$/.test(v) &&
      DateTime.fromISO(v.replace(' ', 'T'), { zone: 'UTC', setZone: true }).isValid,
    { params: { code: 'BAD_DATETIME' } },
  )
  .refine((v) => offsetInRange(v), { params: { code: 'BAD_OFFSET' }, abort: true })
  .meta({
    pattern: '^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:?\\d{2})?$',
    description: "Date and time, e.g. 2024-03-04T08:00 (plan's zone) or 2024-03-04T08:00+07:00",
  });

/** An IANA time zone name that this Node knows. */
export const TimeZone = z
  .string()
  .refine((v) => IANAZone.isValidZone(v), { params: { code: 'BAD_ZONE' } })
  .describe('IANA time zone, e.g. Asia/Ho_Chi_Minh');

/** Days of the week, ISO order (Monday first). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const Weekday = z.enum(WEEKDAYS).describe('Day of the week: mon … sun');
export type Weekday = z.infer<typeof Weekday>;

/** ISO weekday number (1 = Monday) of a weekday name. */
export function weekdayNumber(day: Weekday): number {
  return WEEKDAYS.indexOf(day) + 1;
}

/** A local time window such as prime time: from ≤ to, same day. */
export const TimeWindow = z
  .strictObject({ from: LocalTime, to: LocalTime })
  .refine((w) => w.from < w.to, { params: { code: 'WINDOW_REVERSED' } })
  .describe('A local time window, e.g. prime time 19:00–22:00');
export type TimeWindow = z.infer<typeof TimeWindow>;

/** Minutes since midnight of an HH:mm time. */
export function minutesOfDay(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
