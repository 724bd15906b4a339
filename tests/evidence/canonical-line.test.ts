import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineForm } from '../../src/evidence/canonical-line.js';
import { canonicalJson } from '../../src/model/canonical-json.js';

/** The form of one line as the import reads it: inside a file, followed by its newline. */
const formOf = (line: string) => {
  const bytes = Buffer.from(`x\n${line}\ny`, 'utf8');
  return lineForm(bytes, 2, bytes.length - 2);
};

const ENTRY = canonicalJson({
  kind: 'airing',
  plan: 'huyen-kien-xuong-2025',
  task: 'loa-xa',
  time: '2025-01-03T10:30:00.000Z',
  durationSec: 600,
  index: 12,
  void: false,
  files: [],
  meta: { note: null, n: -7 },
});

describe('lineForm: an entries.jsonl line as loa writes it', () => {
  it('accepts entries as loa writes them, Vietnamese text and escapes included', () => {
    expect(formOf(ENTRY)).toBe('canonical');
    expect(formOf(canonicalJson({ title: 'Tuyên truyền cải cách hành chính', index: 0 }))).toBe(
      'canonical',
    );
    expect(formOf(canonicalJson({ text: 'a "quoted"\nline\t\\', x: 1.5, y: 1e21 }))).toBe(
      'canonical',
    );
    expect(formOf('{}')).toBe('canonical');
  });

  it.each([
    ['cut short', ENTRY.slice(0, -1)],
    ['a trailing comma', ENTRY.replace(/}$/, ',}')],
    ['text that is no JSON', 'airing at 17:30 on loa-vu-ninh'],
    ['two values on one line', `${ENTRY}${ENTRY}`],
    ['a leading zero', ENTRY.replace('"durationSec":600', '"durationSec":0600')],
    ['an empty line', ''],
  ])('calls %s not JSON', (_, line) => {
    expect(formOf(line)).toBe('not-json');
  });

  it.each([
    ['a space after a colon', ENTRY.replace('"kind":"airing"', '"kind": "airing"')],
    ['a space before it', ` ${ENTRY}`],
    [
      'keys out of order',
      ENTRY.replace('{"durationSec":600,', '{').replace('}', ',"durationSec":600}'),
    ],
    ['a duplicate key', ENTRY.replace('"index":12', '"index":12,"index":12')],
    ['a number written 600.0', ENTRY.replace('"durationSec":600', '"durationSec":600.0')],
    ['a number written 6e2', ENTRY.replace('"durationSec":600', '"durationSec":6e2')],
    ['minus zero', ENTRY.replace('"n":-7', '"n":-0')],
    ['a letter escaped', ENTRY.replace('"airing"', '"\\u0061iring"')],
    ['a slash escaped', ENTRY.replace('"loa-xa"', '"loa\\/xa"')],
    ['text not in NFC', canonicalJson({ title: 'x' }).replace('x', 'Tuye\u0302n')],
    ['an array', '[1,2]'],
    ['a string', '"airing"'],
    ['null', 'null'],
  ])('calls %s not canonical', (_, line) => {
    expect(formOf(line)).toBe('not-canonical');
  });

  it('calls bytes that are not UTF-8 not canonical', () => {
    const bytes = Buffer.concat([
      Buffer.from('{"a":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}\n'),
    ]);
    expect(lineForm(bytes, 0, bytes.length - 1)).toBe('not-canonical');
  });

  it('agrees with canonicalJson on any JSON object: canonical exactly when written so', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.boolean(), (value, respace) => {
        const canonical = canonicalJson(JSON.parse(JSON.stringify(value)));
        expect(formOf(canonical)).toBe('canonical');
        const other = JSON.stringify(value, null, respace ? 1 : undefined);
        expect(formOf(other)).toBe(other === canonical ? 'canonical' : 'not-canonical');
      }),
      { numRuns: 500 },
    );
  });
});
