import rrulePackage from 'rrule';
import { z } from 'zod';
import { IsoDate } from './primitives.js';

// NOTE: rrule ships CommonJS for Node (its ESM build is for bundlers): take its exports
// from the default import.
const { RRule, Frequency } = rrulePackage;

/** The frequencies a day-level recurrence may use: the time of day comes from the slot. */
const DAY_FREQUENCIES = new Set([
  Frequency.DAILY,
  Frequency.WEEKLY,
  Frequency.MONTHLY,
  Frequency.YEARLY,
]);

/** What is wrong with an RRULE value, as a catalogue reason; undefined when it is usable. */
export type RruleProblem =
  | 'syntax'
  | 'no-freq'
  | 'time-parts'
  | 'dtstart'
  | 'needs-from'
  | 'weekly-needs-byday';

/** The catalogue code of each problem. */
const RRULE_CODES = {
  syntax: 'RRULE_SYNTAX',
  'no-freq': 'RRULE_NO_FREQ',
  'time-parts': 'RRULE_TIME_PARTS',
  dtstart: 'RRULE_DTSTART',
  'needs-from': 'RRULE_NEEDS_FROM',
  'weekly-needs-byday': 'RRULE_WEEKLY_NEEDS_BYDAY',
} as const satisfies Record<RruleProblem, string>;

/** The options of an RRULE value (`FREQ=MONTHLY;BYDAY=1TH,3TH`), or a problem. */
export function parseRrule(
  value: string,
  hasFrom: boolean,
): { options: Partial<import('rrule').Options> } | { problem: RruleProblem } {
  const text = value.trim().replace(/^RRULE:/i, '');
  if (/(^|;)\s*DTSTART/i.test(text)) return { problem: 'dtstart' };
  let options: Partial<import('rrule').Options>;
  try {
    options = RRule.parseString(text);
  } catch {
    return { problem: 'syntax' };
  }
  if (options.freq === undefined || options.freq === null) return { problem: 'no-freq' };
  if (!DAY_FREQUENCIES.has(options.freq)) return { problem: 'time-parts' };
  if (options.byhour != null || options.byminute != null || options.bysecond != null) {
    return { problem: 'time-parts' };
  }
  if (!hasFrom) {
    // NOTE: without a first day the anchor is January 1 of each year looked at; that is
    // only the same calendar every year when the rule does not count from its anchor.
    if ((options.interval ?? 1) > 1 || options.count != null) return { problem: 'needs-from' };
    if (options.freq === Frequency.WEEKLY && options.byweekday == null) {
      return { problem: 'weekly-needs-byday' };
    }
  }
  return { options };
}

/** A day or a span of days (both included) on which a recurrence does not happen: Tết. */
export const ExceptDay = z.union([
  IsoDate,
  z
    .strictObject({ from: IsoDate, to: IsoDate })
    .refine((r) => r.from <= r.to, { params: { code: 'PERIOD_REVERSED' } }),
]);
export type ExceptDay = z.infer<typeof ExceptDay>;

/** Days a channel does not run (holidays such as Tết), each a date or `{from, to}`. */
export const ExceptDays = z
  .array(ExceptDay)
  .describe('Days off, e.g. Tết: 2025-01-29 or {from: 2025-01-27, to: 2025-02-02}');

/**
 * The recurrence fields of a slot or an issue calendar, as written in a channel file:
 * `rrule` (RFC 5545: every n weeks, n per month, the nth or last weekday…), `dates` (one-off
 * days), `from`/`until` (the days it starts and stops), `except` (days off).
 */
export const recurrenceFields = {
  /** RFC 5545 RRULE without DTSTART, e.g. `FREQ=MONTHLY;BYDAY=1TH,3TH`. */
  rrule: z
    .string()
    .min(1)
    .optional()
    .describe(
      'RFC 5545 RRULE, e.g. FREQ=MONTHLY;BYDAY=1TH,3TH (1st and 3rd Thursday), FREQ=WEEKLY;INTERVAL=2;BYDAY=WE (every other Wednesday, needs from), FREQ=MONTHLY;BYDAY=-1FR (last Friday)',
    ),
  /** One-off days, on top of the rule. */
  dates: z.array(IsoDate).min(1).optional(),
  /** The first day; the anchor of `INTERVAL` and `COUNT`. */
  from: IsoDate.optional(),
  /** The last day. */
  until: IsoDate.optional(),
  except: ExceptDays.optional(),
};

/** A recurrence's fields after parsing, as the calendar expands them. */
export interface RecurrenceSpec {
  rrule?: string;
  dates?: string[];
  from?: string;
  until?: string;
  except?: ExceptDay[];
}

/** Adds a located issue for each problem of a recurrence's fields. */
export function checkRecurrence(spec: RecurrenceSpec, ctx: z.RefinementCtx): void {
  if (spec.rrule !== undefined) {
    const parsed = parseRrule(spec.rrule, spec.from !== undefined);
    if ('problem' in parsed) {
      ctx.addIssue({
        code: 'custom',
        path: ['rrule'],
        params: { code: RRULE_CODES[parsed.problem] },
      });
    }
  }
  if (spec.from !== undefined && spec.until !== undefined && spec.until < spec.from) {
    ctx.addIssue({ code: 'custom', path: ['until'], params: { code: 'PERIOD_REVERSED' } });
  }
}
