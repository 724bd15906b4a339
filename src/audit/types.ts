import type { DateTime } from 'luxon';
import type { Range } from '../calendar/period.js';
import type { Channel } from '../model/channel.js';
import type { PeriodKind, Plan } from '../model/plan.js';

/** What an evidence entry records. `report` and `correction` never count for a task. */
export type AuditEntryKind =
  | 'publication'
  | 'airing'
  | 'bulletin-issue'
  | 'manual'
  | 'report'
  | 'correction';

/**
 * Tài liệu kiểm chứng: one entry of the evidence log, as the audit reads it. The evidence log
 * produces these; the audit never writes them.
 */
export interface AuditEntry {
  /** Position in the log (contiguous from 0). */
  index: number;
  kind: AuditEntryKind;
  plan?: string;
  task?: string;
  unit?: string;
  channel?: string;
  /** The kind of the channel it went through (`broadcast`, `wordpress`…). */
  channelKind?: string;
  item?: string;
  /** UTC ISO 8601 instant it happened (an airing's start). */
  time: string;
  durationSec?: number;
  topics?: string[];
  url?: string;
  externalId?: string;
  /** Index of the entry this correction replaces. */
  corrects?: number;
  /** A correction that cancels the entry it corrects. */
  void?: boolean;
  /** The audio scheduled for an airing and the audio the speaker platform played (issue 16). */
  audioSha256?: string;
  audioPlayedSha256?: string;
}

/** What `auditPlan` is given. Everything is data: the engine reads no file and no clock. */
export interface AuditInput {
  plan: Plan;
  channels: Channel[];
  entries: readonly AuditEntry[];
  /** The period asked about: a calendar period, a report's data window, the plan's period. */
  period: Range & { label?: string };
  /** The instant the audit is made "as of": later entries are ignored. */
  now: DateTime;
  /** Only tasks whose unit or partners is this unit or one of its descendants. */
  unit?: string;
}

/**
 * Trạng thái: how a task stands in one sub-period.
 * - `met`: the quota is reached (also before the sub-period ends);
 * - `missed`: the sub-period is over and the quota was not reached;
 * - `at-risk`: still open, not met, and what is left cannot reach the quota;
 * - `open`: still open, not met, on pace;
 * - `not-yet-due`: the sub-period has not started;
 * - `counted`: the task has no quota (atLeast 0); only the count is shown.
 */
export type TaskStatus = 'met' | 'missed' | 'at-risk' | 'open' | 'not-yet-due' | 'counted';

/** Why an entry that belongs to a task did not count for it. */
export type RejectReason =
  | 'too-short'
  | 'no-duration'
  | 'outside-window'
  | 'weekday'
  | 'topic'
  | 'channel-kind'
  | 'unit'
  /** The speaker platform played another file than the one scheduled (issue 16). */
  | 'audio-mismatch';

/** An entry of the task that a rule filter turned away. */
export interface RejectedEntry {
  index: number;
  reason: RejectReason;
}

/** One task in one sub-period (an ISO week, a month…): required, achieved, proof, status. */
export interface TaskPeriodResult {
  /** `2024-W09`, `2024-03`, `2024`, or the plan id for per-plan tasks. */
  label: string;
  kind: PeriodKind;
  /** Local ISO instants in the plan's zone: start inclusive, end exclusive (clipped to the plan). */
  start: string;
  end: string;
  /** The sub-period reaches outside the audited period; it is still counted once, whole. */
  spills: boolean;
  /**
   * The plan's period cuts the sub-period (its first or last week or month): `required` is
   * the quota in proportion to its days inside the plan, rounded down (0: not weighed).
   */
  partial?: true;
  required: number;
  achieved: number;
  status: TaskStatus;
  /** Indices of the entries that count. */
  evidence: number[];
  /** Entries a rule filter turned away, inside the audited period only. */
  rejected: RejectedEntry[];
  /** Broadcast slots or bulletin issues still ahead in an open sub-period, when scheduled. */
  remainingOpportunities?: number;
  /** For a per-unit task's roll-up: how many of its units met the quota, of how many. */
  units?: { met: number; total: number };
  /** Entries of `evidence` that count for other tasks of the plan too, and which. */
  alsoCountsFor?: { index: number; tasks: string[] }[];
}

/** One task of the plan over the audited period. */
export interface TaskAudit {
  id: string;
  title: string;
  source: string;
  unit: string;
  unitName: string;
  partners: string[];
  per: PeriodKind;
  atLeast: number;
  /** True when the task has no quota: shown with counts, left out of the percentage. */
  counted: boolean;
  /** Channels that serve the task per the channels' `serves`. */
  channels: string[];
  periods: TaskPeriodResult[];
  /** Entries counted over all its sub-periods. */
  achieved: number;
  /**
   * A per-unit task (`each`): every unit with its own sub-periods; `periods` is then their
   * roll-up (required and achieved summed, met only when every unit met).
   */
  each?: UnitAudit[];
}

/** One unit of a per-unit task: its sub-periods against the task's quota. */
export interface UnitAudit {
  unit: string;
  unitName: string;
  parent?: string;
  periods: TaskPeriodResult[];
  achieved: number;
}

/** A unit's completion over the per-unit tasks, with its parent's rolled up from it. */
export interface UnitCompletion extends Completion {
  unit: string;
  name: string;
  parent?: string;
  /** 0 for a unit with no parent in the roll-up, 1 under it… */
  depth: number;
}

/** Share of task-periods met, as the PAR Index counts. */
export interface Completion {
  met: number;
  /** Task-periods with a quota that are decided: over, or already met. */
  assessed: number;
  /** Task-periods with a quota still open and not met, or not started. */
  pending: number;
  /** `met / assessed` in percent with one decimal, or null when nothing is assessed. */
  percent: number | null;
}

/** A focus topic (trọng tâm) of the plan and the entries on it in the audited period. */
export interface FocusCoverage {
  topic: string;
  title: string;
  entries: number;
  covered: boolean;
}

/** Something in the evidence the audit could not use, said plainly. */
export interface AuditWarning {
  index: number;
  problem: 'bad-time' | 'correction-target-missing' | 'correction-not-later';
}

/** The audit of one plan over one period. */
export interface AuditResult {
  plan: { id: string; number: string; title: string; issuer: string; timeZone: string };
  period: { label: string; start: string; end: string };
  now: string;
  /** The unit filter and every unit it rolled up. */
  unit?: { id: string; name: string; included: string[] };
  tasks: TaskAudit[];
  completion: Completion;
  /** Per-unit tasks' completion per unit, each parent after its children are summed. */
  rollUp?: UnitCompletion[];
  focus: FocusCoverage[];
  warnings: AuditWarning[];
  /**
   * An audit over the logs imported from units' bundles: each unit's log and the audit
   * indices its entries got (`#first` … `#last` are its entries 0 … size - 1).
   */
  sources?: AuditSource[];
  /** In such an audit: each unit with a per-unit task's sub-periods at risk or missed. */
  atRisk?: UnitAtRisk[];
}

/** One unit's imported log in an audit over imported logs. */
export interface AuditSource {
  unit: string;
  first: number;
  last: number;
  size: number;
  /** The root of the unit's latest imported checkpoint, hex. */
  root: string;
}

/** A unit that fell short, or risks it, in sub-periods of a per-unit task. */
export interface UnitAtRisk {
  unit: string;
  name: string;
  task: string;
  /** The sub-periods and their status (`2025-W03 missed`). */
  periods: { label: string; status: 'at-risk' | 'missed' }[];
}
