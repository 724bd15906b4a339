import { DateTime } from 'luxon';
import rrulePackage from 'rrule';
import { type ExceptDay, parseRrule, type RecurrenceSpec } from '../model/recurrence.js';

const { RRule } = rrulePackage;

/** rrule works on "floating" dates: a local calendar day is written as UTC midnight. */
function floating(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const RULES = new Map<string, InstanceType<typeof RRule>>();

/** One RRule per (rule, anchor, last day), kept: rrule caches its own expansions. */
function ruleFor(text: string, anchor: string, until: string | undefined) {
  const key = `${text}\u0000${anchor}\u0000${until ?? ''}`;
  let rule = RULES.get(key);
  if (!rule) {
    const parsed = parseRrule(text, true);
    // NOTE: the schema refused any rule that does not parse; reaching here is a bug.
    if ('problem' in parsed) throw new Error(`unusable RRULE ${text}: ${parsed.problem}`);
    const own = parsed.options.until ?? null;
    const last = until === undefined ? null : floating(until);
    const end = own && last ? (own < last ? own : last) : (own ?? last);
    rule = new RRule({ ...parsed.options, dtstart: floating(anchor), until: end, tzid: null });
    if (RULES.size > 500) RULES.clear();
    RULES.set(key, rule);
  }
  return rule;
}

/** Whether a local day falls on one of the days off. */
export function isExcepted(day: string, except: readonly ExceptDay[] | undefined): boolean {
  if (!except) return false;
  return except.some((off) =>
    typeof off === 'string' ? off === day : off.from <= day && day <= off.to,
  );
}

/**
 * The local days (YYYY-MM-DD) from `first` to `last`, both included, on which a recurrence
 * happens, in order: the days of its RRULE (anchored on `from`, or on January 1 of `first`'s
 * year when it has none), its one-off `dates`, minus its days off. rrule does the RFC 5545
 * arithmetic; the time of day and the zone are the caller's.
 */
export function recurrenceDays(spec: RecurrenceSpec, first: string, last: string): string[] {
  const days = new Set<string>();
  const low = spec.from !== undefined && spec.from > first ? spec.from : first;
  const high = spec.until !== undefined && spec.until < last ? spec.until : last;
  if (spec.rrule !== undefined && low <= high) {
    const anchor = spec.from ?? `${first.slice(0, 4)}-01-01`;
    const rule = ruleFor(spec.rrule, anchor, spec.until);
    for (const date of rule.between(floating(low), floating(high), true)) days.add(isoOf(date));
  }
  for (const date of spec.dates ?? []) {
    if (first <= date && date <= last) days.add(date);
  }
  return [...days].filter((day) => !isExcepted(day, spec.except)).sort();
}

/** The local calendar days a range [start, end) touches in a zone, first and last. */
export function localDaysOf(
  range: { start: DateTime; end: DateTime },
  zone: string,
): { first: string; last: string } {
  const first = range.start.setZone(zone).toISODate() ?? '';
  const last = range.end.setZone(zone).toISODate() ?? '';
  return { first, last };
}

/** A local day and wall-clock time in a zone, as an instant. */
export function atLocal(day: string, time: string, zone: string): DateTime {
  return DateTime.fromISO(`${day}T${time}`, { zone });
}
