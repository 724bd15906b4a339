import type { DateTime } from 'luxon';
import { auditPlan } from '../audit/audit-plan.js';
import { type ImportedLog, importedAuditEntries, unitsAtRisk } from '../audit/imported-entries.js';
import type { AuditEntry, AuditResult } from '../audit/types.js';
import type { Range } from '../calendar/period.js';
import { LoaError } from '../errors/loa-error.js';
import type { Plan } from '../model/plan.js';
import { listImportedLogs, readImportedEntries } from '../store/imported-logs.js';
import type { Db } from '../store/types.js';

/** What an audit over the imported logs is asked. */
export interface ImportedAuditOptions {
  plan: Plan;
  period: Range & { label?: string };
  now: DateTime;
  unit?: string;
}

/** Every imported unit's log, read from the store, in unit order. */
export async function readImportedLogs(db: Db): Promise<ImportedLog[]> {
  const logs = await listImportedLogs(db);
  if (logs.length === 0) throw new LoaError('IMPORT_NONE', { kind: 'not-found' });
  const byUnit = new Map<string, AuditEntry[]>();
  for (const s of await readImportedEntries(db)) {
    const list = byUnit.get(s.unit) ?? [];
    const text = s.entries;
    for (let from = 0; from < text.length; ) {
      const to = text.indexOf('\n', from);
      // NOTE: the parsed entry is used as it is (its other fields, such as actor or key, stay
      // on it): importedAuditEntries copies out only what the audit reads.
      list.push(JSON.parse(text.slice(from, to)) as AuditEntry);
      from = to + 1;
    }
    byUnit.set(s.unit, list);
  }
  return logs.map((l) => ({
    unit: l.unit,
    rootHex: l.root_hash,
    entries: byUnit.get(l.unit) ?? [],
    serving: JSON.parse(l.serving),
    channelKinds: JSON.parse(l.channel_kinds),
    implements: JSON.parse(l.implements),
  }));
}

/**
 * Audits a (parent) plan over the logs imported from the units' bundles, as of `now`: the
 * plan's own audit (per task and sub-period, each unit's completion and the roll-up under its
 * parent) from the units' entries (see `importedAuditEntries` for how they count), with the
 * sources (which audit indices are which unit's entries) and the units at risk or short.
 */
export async function auditImported(db: Db, options: ImportedAuditOptions): Promise<AuditResult> {
  return auditOfImported(await readImportedLogs(db), options);
}

/** The same, over logs already read. */
export function auditOfImported(
  logs: readonly ImportedLog[],
  options: ImportedAuditOptions,
): AuditResult {
  const { entries, sources, warnings } = importedAuditEntries(options.plan, logs);
  const result = auditPlan({
    plan: options.plan,
    channels: [],
    entries,
    period: options.period,
    now: options.now,
    ...(options.unit === undefined ? {} : { unit: options.unit }),
  });
  result.warnings = [...warnings, ...result.warnings].sort((a, b) => a.index - b.index);
  return { ...result, sources, atRisk: unitsAtRisk(result) };
}
