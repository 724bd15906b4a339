import { z } from 'zod';
import { DEFAULT_ZONE, Id, IsoDate, Text, TimeWindow, TimeZone, Weekday } from './primitives.js';

/** The kinds of channel loa publishes through. */
export const CHANNEL_KINDS = ['wordpress', 'bulletin', 'broadcast', 'ingest', 'files'] as const;
export const ChannelKind = z.enum(CHANNEL_KINDS);
export type ChannelKind = z.infer<typeof ChannelKind>;

/** The period a rule counts over; `plan` is the plan's whole period. */
export const PERIOD_KINDS = ['week', 'month', 'quarter', 'half-year', 'year', 'plan'] as const;
export const PeriodKind = z
  .enum(PERIOD_KINDS)
  .describe('week | month | quarter | half-year | year | plan');
export type PeriodKind = z.infer<typeof PeriodKind>;

/** How a task nothing publishes is carried out; its evidence is entered by hand. */
export const MANUAL_FORMS = [
  'training',
  'conference',
  'seminar',
  'contest',
  'flag-salute',
  'meeting',
  'leaflet',
  'poster',
  'led-screen',
  'press',
  'publication',
  'social-media',
  'other',
] as const;
export const ManualForm = z.enum(MANUAL_FORMS);
export type ManualForm = z.infer<typeof ManualForm>;

/** A clause of the plan document, e.g. `IV.1.d` or `II.2.b`. */
export const Clause = z.string().trim().min(1).max(40).describe('Clause of the plan, e.g. IV.1.d');

/** Đơn vị: a unit responsible for tasks (vụ, sở, đài, báo, UBND huyện…). */
export const Unit = z.strictObject({
  id: Id,
  name: Text,
  /** The unit it belongs to, for rolling audits up. */
  parent: Id.optional(),
  /** What kind of unit it is (`xa`, `huyen`, `so`…), to name "each commune" in a task. */
  type: Id.optional(),
});
export type Unit = z.infer<typeof Unit>;

/** A content topic of the plan; `focus: true` marks a trọng tâm (focus) topic. */
export const Topic = z.strictObject({
  id: Id,
  title: Text,
  focus: z.boolean().default(false),
  source: Clause.optional(),
});
export type Topic = z.infer<typeof Topic>;

/** What a task requires per period: at least N, optionally long enough, at the right time. */
export const Rule = z.strictObject({
  per: PeriodKind,
  /** At least this many per period; 0 means counted without a quota. */
  atLeast: z.number().int().min(0),
  /** Each occurrence lasts at least this many seconds (broadcast). */
  minDurationSec: z.number().int().positive().optional(),
  /** Each occurrence happens inside this local window (prime time). */
  window: TimeWindow.optional(),
  weekdays: z.array(Weekday).min(1).optional(),
  /** Channel kinds whose publications satisfy the task. */
  channelKinds: z.array(ChannelKind).min(1).optional(),
  /** Only publications on these topics count. */
  topics: z.array(Id).optional(),
});
export type Rule = z.infer<typeof Rule>;

/** The units a per-unit quota applies to. */
export const Each = z
  .union([
    z.array(Id).min(1),
    z
      .strictObject({ parent: Id.optional(), type: Id.optional() })
      .refine((e) => e.parent !== undefined || e.type !== undefined, {
        params: { code: 'EACH_EMPTY_SELECTOR' },
      }),
  ])
  .describe('Units each held to the quota: [unit ids] or {parent: id, type: id}');
export type Each = z.infer<typeof Each>;

/** A task of another plan: `{ plan, task }`. */
export const TaskRef = z
  .strictObject({ plan: Id, task: Id })
  .describe('A task of a parent plan: { plan: plan id, task: task id }');
export type TaskRef = z.infer<typeof TaskRef>;

/** One quantitative requirement of the plan, with the clause it comes from. */
export const Task = z
  .strictObject({
    id: Id,
    title: Text,
    unit: Id,
    /** Units that take part besides the responsible one. */
    partners: z.array(Id).default([]),
    source: Clause,
    rule: Rule,
    /**
     * The quota applies to each of these units, not to all of them together: a list of
     * unit ids, or every unit under a `parent` and/or of a `type` ("mỗi xã", "mỗi huyện").
     */
    each: Each.optional(),
    /** Set for tasks no channel publishes: trainings, conferences, leaflets, LED screens… */
    manual: ManualForm.optional(),
    /**
     * Tasks of a parent plan (one of the plan's `parents`) this task carries out: a commune's
     * own programme that implements the district's "each commune station 3 times a week".
     * The auditor of the parent plan counts this task's entries for those tasks
     * (`audit --imported` over the unit's bundles).
     */
    implements: z.array(TaskRef).min(1).optional(),
    note: Text.optional(),
  })
  .refine((t) => (t.rule.channelKinds === undefined) !== (t.manual === undefined), {
    params: { code: 'TASK_EVIDENCE' },
  });
export type Task = z.infer<typeof Task>;

/** Report periods and when reports fall due. */
export const Reporting = z.strictObject({
  id: Id,
  title: Text,
  source: Clause,
  periods: z.array(z.enum(['month', 'quarter', 'half-year', 'year'])),
  /** Reports only when asked (no fixed period). */
  onRequest: z.boolean().default(false),
  /** Recipient, e.g. "UBND tỉnh (qua Sở Nội vụ)". */
  to: Text.optional(),
  /**
   * Data window: the window closes on this day of the period's last month and opens the day
   * after the previous period's cut-off (Q1 with 14: 15 Dec – 14 Mar). Absent: the period itself.
   */
  dataWindow: z.strictObject({ cutoffDay: z.number().int().min(1).max(28) }).optional(),
  /** Due on this day of the period's last month (`last`) or of the month after (`next`). */
  due: z
    .strictObject({
      day: z.number().int().min(1).max(31),
      month: z.enum(['last', 'next']).default('last'),
    })
    .optional(),
});
export type Reporting = z.infer<typeof Reporting>;

/** Kế hoạch tuyên truyền CCHC: one agency's communication plan. */
export const Plan = z
  .strictObject({
    id: Id,
    document: z.strictObject({
      /** e.g. `35/QĐ-BNV` */
      number: Text,
      date: IsoDate,
      issuer: Text,
      signer: Text.optional(),
      title: Text,
      place: Text.optional(),
      /** Căn cứ: the documents the plan rests on, as written. */
      basis: z.array(Text).default([]),
      /** What the source copy does not show (a missing number or date), said plainly. */
      note: Text.optional(),
    }),
    period: z
      .strictObject({ start: IsoDate, end: IsoDate })
      .refine((p) => p.start <= p.end, { params: { code: 'PERIOD_REVERSED' } }),
    /** Plans this one implements (ids of other plans in schedules/). */
    parents: z.array(Id).default([]),
    timeZone: TimeZone.default(DEFAULT_ZONE),
    units: z.array(Unit).min(1),
    topics: z.array(Topic).default([]),
    tasks: z.array(Task).min(1),
    reporting: z.array(Reporting).default([]),
  })
  .describe('A CCHC communication plan (Kế hoạch tuyên truyền cải cách hành chính)');
export type Plan = z.infer<typeof Plan>;
