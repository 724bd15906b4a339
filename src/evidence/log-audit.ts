import type { Kysely } from 'kysely';
import type { DateTime } from 'luxon';
import { auditPlan } from '../audit/audit-plan.js';
import type { AuditEntry, AuditResult } from '../audit/types.js';
import type { Range } from '../calendar/period.js';
import type { Channel } from '../channels/schema.js';
import type { Plan } from '../plan/schema.js';
import type { Database } from '../store/schema.js';
import { type EvidenceEntry, readEvidence } from './log.js';

/** An evidence entry as the audit reads it (the fields the rule engine looks at). */
export function toAuditEntry(entry: EvidenceEntry): AuditEntry {
  const out: AuditEntry = { index: entry.index, kind: entry.kind, time: entry.time };
  if (entry.plan !== undefined) out.plan = entry.plan;
  if (entry.task !== undefined) out.task = entry.task;
  if (entry.unit !== undefined) out.unit = entry.unit;
  if (entry.channel !== undefined) out.channel = entry.channel;
  if (entry.channelKind !== undefined) out.channelKind = entry.channelKind;
  if (entry.item !== undefined) out.item = entry.item;
  if (entry.durationSec !== undefined) out.durationSec = entry.durationSec;
  if (entry.topics !== undefined) out.topics = entry.topics;
  if (entry.url !== undefined) out.url = entry.url;
  if (entry.externalId !== undefined) out.externalId = entry.externalId;
  if (entry.corrects !== undefined) out.corrects = entry.corrects;
  if (entry.void !== undefined) out.void = entry.void;
  return out;
}

/** Every entry of the log up to `now`, as audit entries (corrections may reach back). */
export async function auditEntries(db: Kysely<Database>, now: DateTime): Promise<AuditEntry[]> {
  const to = now.toUTC().toISO() as string;
  return (await readEvidence(db, { to })).map(toAuditEntry);
}

/** What `auditFromLog` is asked. */
export interface LogAuditOptions {
  plan: Plan;
  channels: Channel[];
  period: Range & { label?: string };
  now: DateTime;
  unit?: string;
}

/** Audits a plan from the entries stored in the log: the I/O edge of the pure `auditPlan`. */
export async function auditFromLog(
  db: Kysely<Database>,
  options: LogAuditOptions,
): Promise<AuditResult> {
  const entries = await auditEntries(db, options.now);
  return auditPlan({ ...options, entries });
}
