/**
 * The values of an entry that the store keeps beside its bytes, in columns that listings,
 * exports and audits filter on: `kind`, `time` (UTC ISO) and `plan_id` (NULL without a plan).
 * They are derived from the bytes; `evidence verify` checks that they still agree.
 */
export interface EntryColumns {
  kind: string;
  time: string;
  plan_id: string | null;
}

/** The derived columns, in the order verify names them. */
export const COLUMN_NAMES = ['kind', 'time', 'plan_id'] as const;

/** The derived columns of one entry, from its parsed bytes (undefined when not JSON). */
export function columnsOfEntry(bytes: Uint8Array): EntryColumns | undefined {
  try {
    const entry = JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, unknown>;
    return {
      kind: String(entry.kind),
      time: String(entry.time),
      plan_id: typeof entry.plan === 'string' ? entry.plan : null,
    };
  } catch {
    return undefined;
  }
}
