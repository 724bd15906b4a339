import type { AuditEntry, AuditWarning } from './types.js';

/** The log as it stands after its corrections: what counts, and what could not be applied. */
export interface EffectiveLog {
  entries: AuditEntry[];
  warnings: AuditWarning[];
}

/** The fields a correction may restate; `index` and `kind` stay those of the original. */
function merged(original: AuditEntry, correction: AuditEntry): AuditEntry {
  const out: AuditEntry = { ...original };
  for (const [key, value] of Object.entries(correction)) {
    if (value === undefined) continue;
    if (key === 'index' || key === 'kind' || key === 'corrects' || key === 'void') continue;
    (out as unknown as Record<string, unknown>)[key] = value;
  }
  return out;
}

/**
 * Applies the corrections of an evidence log. The log is append-only, so a correction is a
 * later entry of kind `correction` whose `corrects` names an earlier index:
 * - the corrected entry then counts as the correction says: every field the correction sets
 *   replaces the original's (time, duration, topics, task…), the rest is kept;
 * - a correction with `void: true` removes the entry;
 * - a correction of a correction applies to the original; of several, the latest wins;
 * - correction entries themselves never count; `report` entries never count either, but are
 *   kept here (the caller filters by kind).
 * A correction that names no earlier entry in the input is ignored and reported as a warning.
 * When the log has no correction the input array is returned as is (no copy).
 */
export function applyCorrections(entries: readonly AuditEntry[]): EffectiveLog {
  const corrections = entries.filter((e) => e.kind === 'correction');
  if (corrections.length === 0) return { entries: entries as AuditEntry[], warnings: [] };

  const byIndex = new Map<number, AuditEntry>(entries.map((e) => [e.index, e]));
  const warnings: AuditWarning[] = [];
  /** The latest correction of each original, by the original's index. */
  const latest = new Map<number, AuditEntry>();
  for (const correction of [...corrections].sort((a, b) => a.index - b.index)) {
    let target = correction.corrects === undefined ? undefined : byIndex.get(correction.corrects);
    if (target === undefined) {
      warnings.push({ index: correction.index, problem: 'correction-target-missing' });
      continue;
    }
    if (target.index >= correction.index) {
      warnings.push({ index: correction.index, problem: 'correction-not-later' });
      continue;
    }
    const seen = new Set<number>();
    while (
      target.kind === 'correction' &&
      target.corrects !== undefined &&
      !seen.has(target.index)
    ) {
      seen.add(target.index);
      const next = byIndex.get(target.corrects);
      if (next === undefined) break;
      target = next;
    }
    if (target.kind === 'correction') {
      warnings.push({ index: correction.index, problem: 'correction-target-missing' });
      continue;
    }
    latest.set(target.index, correction);
  }

  const out: AuditEntry[] = [];
  for (const entry of entries) {
    if (entry.kind === 'correction') continue;
    const correction = latest.get(entry.index);
    if (correction === undefined) out.push(entry);
    else if (!correction.void) out.push(merged(entry, correction));
  }
  return { entries: out, warnings };
}
