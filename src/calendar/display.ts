import type { DateTime } from 'luxon';
import { type MessageCode, message } from '../i18n/catalogue.js';
import type { Lang } from '../i18n/lang.js';

/** The message codes of the weekdays' short names, Monday first (luxon's weekday - 1). */
export const WEEKDAY_CODES: readonly MessageCode[] = [
  'WEEKDAY_MON',
  'WEEKDAY_TUE',
  'WEEKDAY_WED',
  'WEEKDAY_THU',
  'WEEKDAY_FRI',
  'WEEKDAY_SAT',
  'WEEKDAY_SUN',
];

/** Short weekday name as users read it: T2 … T7, CN (Mon … Sun in English). */
export function weekdayShort(instant: DateTime, lang?: Lang): string {
  const code = WEEKDAY_CODES[instant.weekday - 1] ?? 'WEEKDAY_MON';
  return message(code, {}, lang);
}

/** `01/03/2024`: a date in a zone, day first as Vietnamese documents write it. */
export function formatLocalDate(instant: DateTime, zone: string): string {
  return instant.setZone(zone).toFormat('dd/MM/yyyy');
}

/** `T6 01/03/2024 20:00`: weekday, date and time of an instant in a zone. */
export function formatLocalDateTime(instant: DateTime, zone: string, lang?: Lang): string {
  const local = instant.setZone(zone);
  return `${weekdayShort(local, lang)} ${local.toFormat('dd/MM/yyyy HH:mm')}`;
}

/** `T6 01/03/2024`: weekday and date of an instant in a zone. */
export function formatLocalDay(instant: DateTime, zone: string, lang?: Lang): string {
  const local = instant.setZone(zone);
  return `${weekdayShort(local, lang)} ${local.toFormat('dd/MM/yyyy')}`;
}

/** The last day a range (end exclusive) covers, for showing `start – end` inclusively. */
export function lastDay(end: DateTime): DateTime {
  return end.minus({ milliseconds: 1 });
}

/** An instant as ISO 8601 in a zone (with its offset, e.g. +07:00), seconds kept. */
export function isoIn(instant: DateTime, zone: string): string {
  return instant.setZone(zone).toISO({ suppressMilliseconds: true }) ?? '';
}

/** An instant as ISO 8601 in UTC (`Z`). */
export function isoUtc(instant: DateTime): string {
  return instant.toUTC().toISO({ suppressMilliseconds: true }) ?? '';
}
