import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnsSpelled } from '../../src/evidence/entry-columns.js';
import { evidenceBytes } from '../../src/evidence/log.js';
import { PAGE_FIELD_SEPARATOR, PAGE_ROW_SEPARATOR } from '../../src/store/evidence.js';

/**
 * The fast column check of `evidence verify` (one pass over a page's bytes) against reading
 * each entry's JSON: when it says a page's columns agree, every row's kind, time and plan_id
 * are its entry's own; and a page whose columns were stored as loa stores them agrees.
 */
interface Row {
  bytes: string;
  kind: string;
  time: string;
  plan: string | null;
}

const text = fc.oneof(
  fc.constantFrom('tinh-thu', 'thai-binh-2024', 'Kế hoạch', 'a"b', 'x\u001fy', 'x\u001ey', ''),
  fc.string({ maxLength: 12 }),
);
const kind = fc.constantFrom('publication', 'airing', 'manual', 'bulletin-issue', 'correction');
const time = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((ms) => new Date(ms).toISOString());

const entry = fc.record(
  {
    kind,
    time,
    plan: text,
    task: text,
    item: text,
    channel: text,
    note: text,
    files: fc.array(
      fc.record({ name: text, sha256: fc.constant('ab'.repeat(32)), bytes: fc.nat() }),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: ['kind', 'time'] },
);

/** A stored column changed the way a tamperer would (or left alone). */
const tamper = fc.oneof(
  fc.constant(undefined),
  fc.record({ field: fc.constantFrom('kind', 'time', 'plan'), value: fc.option(text) }),
);

function rowOf(input: Record<string, unknown>, i: number): Row {
  const bytes = evidenceBytes({ actor: 'dispatcher', ...input } as never, i);
  const parsed = JSON.parse(bytes) as Record<string, unknown>;
  return {
    bytes,
    kind: String(parsed.kind),
    time: String(parsed.time),
    plan: typeof parsed.plan === 'string' ? parsed.plan : null,
  };
}

/** The page as readLogPage hands it over: latin1 text of the UTF-8 bytes, ends, columns. */
function page(rows: readonly Row[]) {
  const buffers = rows.map((r) => Buffer.from(r.bytes, 'utf8'));
  const ends = new Uint32Array(rows.length);
  let at = 0;
  buffers.forEach((b, i) => {
    at += b.length;
    ends[i] = at;
  });
  const columns = rows
    .map((r) => [r.kind, r.time, r.plan === null ? '' : `+${r.plan}`].join(PAGE_FIELD_SEPARATOR))
    .join(PAGE_ROW_SEPARATOR);
  const spelled = columnsSpelled(
    Buffer.concat(buffers).toString('latin1'),
    ends,
    columns,
    PAGE_ROW_SEPARATOR,
    PAGE_FIELD_SEPARATOR,
  );
  return spelled;
}

describe('the column check of a verified page', () => {
  it('agrees only when every row’s stored kind, time and plan_id are its entry’s own', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(entry, tamper), { minLength: 1, maxLength: 8 }), (cases) => {
        const honest = cases.map(([input], i) => rowOf(input, i));
        const stored = honest.map((row, i) => {
          const t = cases[i]?.[1];
          if (t === undefined) return row;
          return { ...row, [t.field]: t.field === 'plan' ? t.value : (t.value ?? '') };
        });
        const agree = stored.every(
          (s, i) =>
            s.kind === honest[i]?.kind && s.time === honest[i]?.time && s.plan === honest[i]?.plan,
        );
        const spelled = page(stored);
        if (!agree) expect(spelled).toBe(false);
        // Plain values (printable ASCII that JSON does not escape) are always seen to agree.
        const plain = (v: string | null) =>
          v === null || /^[\x20-\x21\x23-\x5b\x5d-\x7e]*$/.test(v);
        if (agree && honest.every((r) => plain(r.plan) && plain(r.kind)))
          expect(spelled).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a page whose columns hold more or fewer rows than its bytes', () => {
    const rows = [0, 1, 2].map((i) =>
      rowOf({ kind: 'publication', time: '2024-03-01T02:00:00.000Z', plan: 'p' }, i),
    );
    expect(page(rows)).toBe(true);
    const ends = new Uint32Array([rows[0]!.bytes.length]);
    const two = `publication${PAGE_FIELD_SEPARATOR}2024-03-01T02:00:00.000Z${PAGE_FIELD_SEPARATOR}+p`;
    expect(
      columnsSpelled(
        rows[0]!.bytes,
        ends,
        `${two}${PAGE_ROW_SEPARATOR}${two}`,
        PAGE_ROW_SEPARATOR,
        PAGE_FIELD_SEPARATOR,
      ),
    ).toBe(false);
    expect(
      columnsSpelled('', new Uint32Array(0), '', PAGE_ROW_SEPARATOR, PAGE_FIELD_SEPARATOR),
    ).toBe(false);
  });
});
