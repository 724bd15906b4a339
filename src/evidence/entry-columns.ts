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

const QUOTE = 0x22;

/** The next occurrence of `needle` in `text` at or after a position that only grows. */
function forward(text: string, needle: string): (from: number) => number {
  let at = -2;
  return (from) => {
    if (at !== -1 && at < from) at = text.indexOf(needle, from);
    return at;
  };
}

/**
 * Whether every row of a page spells its stored derived columns in its bytes, as
 * `,"kind":"<kind>"`, `,"time":"<time>"` and `,"plan":"<plan_id>"` (no `"plan"` when
 * plan_id is NULL). `text` is the page's bytes as latin1 (one character a byte), `ends` the
 * rows' end offsets in it, and `rows` the rows' columns as the store joined them (rows by
 * `rowSeparator`, `kind`, `time` and `+plan_id` or nothing by `fieldSeparator`).
 *
 * NOTE: canonical JSON escapes every `"` inside a string, so these can only be keys. A row
 * this doubts (a value JSON escapes or that is not ASCII, a separator inside a value, a
 * NULL, a nested key found first) makes the answer false: the caller then parses the page's
 * rows one by one and names only real disagreements. Each key is searched once per page
 * position, so a page costs one pass over its text.
 */
export function columnsSpelled(
  text: string,
  ends: Uint32Array,
  rows: string,
  rowSeparator: string,
  fieldSeparator: string,
): boolean {
  const columns = rows.split(rowSeparator);
  if (columns.length !== ends.length) return false;
  const kindAt = forward(text, ',"kind":"');
  const timeAt = forward(text, ',"time":"');
  const planAt = forward(text, ',"plan":"');
  const spelled = (at: number, value: string, end: number) =>
    at >= 0 &&
    at + 9 + value.length < end &&
    text.startsWith(value, at + 9) &&
    text.charCodeAt(at + 9 + value.length) === QUOTE;
  let start = 0;
  for (let i = 0; i < columns.length; i += 1) {
    const row = columns[i]!;
    const end = ends[i]!;
    const a = row.indexOf(fieldSeparator);
    const b = row.indexOf(fieldSeparator, a + 1);
    if (a < 0 || b < 0 || row.indexOf(fieldSeparator, b + 1) >= 0) return false;
    if (!spelled(kindAt(start), row.slice(0, a), end)) return false;
    if (!spelled(timeAt(start), row.slice(a + 1, b), end)) return false;
    const plan = planAt(start);
    if (b + 1 === row.length) {
      if (plan >= 0 && plan < end) return false;
    } else if (row.charCodeAt(b + 1) !== 0x2b || !spelled(plan, row.slice(b + 2), end)) {
      return false;
    }
    start = end;
  }
  return true;
}
