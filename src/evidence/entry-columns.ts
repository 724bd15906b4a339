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
/** Length of `,"kind":"`, `,"plan":"` and `,"time":"`. */
const KEY = 9;

/** The next occurrence of `needle` in `text` at or after a position that only grows. */
function forward(text: string, needle: string): (from: number) => number {
  let at = -2;
  return (from) => {
    if (at !== -1 && at < from) at = text.indexOf(needle, from);
    return at;
  };
}

/**
 * Whether the key found at `key` (-1: none) is followed in `text` by `value[from, to)` and a
 * quote, before `end`.
 */
function spelledAt(
  text: string,
  key: number,
  end: number,
  value: string,
  from: number,
  to: number,
): boolean {
  if (key < 0) return false;
  const at = key + KEY;
  if (at + to - from >= end) return false;
  for (let i = from; i < to; i += 1) {
    if (text.charCodeAt(at + i - from) !== value.charCodeAt(i)) return false;
  }
  return text.charCodeAt(at + to - from) === QUOTE;
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
 * rows one by one and names only real disagreements. Keys are sorted in canonical JSON
 * (kind < plan < time), so `time` is searched from where those were found; values are
 * compared where they lie in both strings, so a page makes no string per row (a million
 * rows are checked in each verify).
 */
export function columnsSpelled(
  text: string,
  ends: Uint32Array,
  rows: string,
  rowSeparator: string,
  fieldSeparator: string,
): boolean {
  const kindAt = forward(text, ',"kind":"');
  const timeAt = forward(text, ',"time":"');
  const planAt = forward(text, ',"plan":"');
  if (ends.length === 0) return false;
  let start = 0;
  let row = 0;
  for (let i = 0; i < ends.length; i += 1) {
    const last = i === ends.length - 1;
    const next = rows.indexOf(rowSeparator, row);
    // As many rows as ends: a row separator after each row but the last.
    if (last ? next >= 0 : next < 0) return false;
    const rowEnd = last ? rows.length : next;
    const end = ends[i]!;
    const a = rows.indexOf(fieldSeparator, row);
    const b = a < 0 ? -1 : rows.indexOf(fieldSeparator, a + 1);
    if (a < 0 || b < 0 || b >= rowEnd) return false;
    const third = rows.indexOf(fieldSeparator, b + 1);
    if (third >= 0 && third < rowEnd) return false;
    const kind = kindAt(start);
    if (!spelledAt(text, kind, end, rows, row, a)) return false;
    const plan = planAt(start);
    if (b + 1 === rowEnd) {
      if (plan >= 0 && plan < end) return false;
    } else if (
      rows.charCodeAt(b + 1) !== 0x2b ||
      !spelledAt(text, plan, end, rows, b + 2, rowEnd)
    ) {
      return false;
    }
    const time = timeAt(plan >= kind && plan < end ? plan : kind);
    if (!spelledAt(text, time, end, rows, a + 1, b)) return false;
    start = end;
    row = rowEnd + rowSeparator.length;
  }
  return true;
}
