import { describe, expect, it } from 'vitest';
import { LoaError } from '../../src/errors/loa-error.js';
import { canonicalBytes, canonicalJson } from '../../src/model/canonical-json.js';

const entry = {
  kind: 'published',
  publishedAt: '2024-03-15T01:30:00.000Z',
  channel: 'cong-ttdt-tinh',
  item: { title: 'Đẩy mạnh cải cách hành chính năm 2024', topics: ['thủ tục', 'số hoá'] },
  durationMinutes: 15,
};

function errorOf(fn: () => unknown): LoaError | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof LoaError) return error;
    throw error;
  }
  return undefined;
}

const codeOf = (fn: () => unknown) => errorOf(fn)?.code;

describe('canonical JSON', () => {
  it('sorts keys recursively and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('gives the same bytes whatever the key order of the input', () => {
    const reordered = {
      durationMinutes: 15,
      item: { topics: ['thủ tục', 'số hoá'], title: entry.item.title },
      channel: entry.channel,
      publishedAt: entry.publishedAt,
      kind: 'published',
    };
    expect(canonicalBytes(reordered)).toEqual(canonicalBytes(entry));
  });

  it('gives NFD Vietnamese text the same bytes as NFC, keys included', () => {
    const nfd = JSON.parse(JSON.stringify(entry).normalize('NFD')) as unknown;
    expect(JSON.stringify(nfd)).not.toBe(JSON.stringify(entry));
    expect(canonicalBytes(nfd)).toEqual(canonicalBytes(entry));
    expect(canonicalJson({ ['Đơn vị'.normalize('NFD')]: 'Sở Nội vụ'.normalize('NFD') })).toBe(
      '{"Đơn vị":"Sở Nội vụ"}',
    );
    const text = new TextDecoder().decode(canonicalBytes(entry));
    expect(text).toBe(text.normalize('NFC'));
  });

  it('orders keys by UTF-16 code units as RFC 8785 does', () => {
    // After RFC 8785 §3.2.3: U+1F600 (surrogates D83D DE00) sorts before U+FF41 by code
    // units, though not by code points.
    const keys = { '\u20ac': 1, '\r': 2, '\uff41': 3, '1': 4, '\ud83d\ude00': 5, '\u00f6': 6 };
    expect(canonicalJson(keys)).toBe(
      '{"\\r":2,"1":4,"\u00f6":6,"\u20ac":1,"\ud83d\ude00":5,"\uff41":3}',
    );
  });

  it('writes numbers as JavaScript prints them, -0 as 0', () => {
    expect(canonicalJson([0, -0, 1e21, 1e-7, 0.1, -1.5, 123456789012345680000])).toBe(
      '[0,0,1e+21,1e-7,0.1,-1.5,123456789012345680000]',
    );
  });

  it('escapes control characters and quotes only', () => {
    expect(canonicalJson('a"b\\c\n\u0001é/')).toBe('"a\\"b\\\\c\\n\\u0001é/"');
  });

  it('leaves out object properties that are undefined', () => {
    expect(canonicalJson({ a: 1, note: undefined })).toBe('{"a":1}');
  });

  it('refuses values that have no single JSON form, naming where', () => {
    expect(codeOf(() => canonicalJson({ n: Number.NaN }))).toBe('EVIDENCE_NUMBER_NOT_FINITE');
    expect(codeOf(() => canonicalJson([Infinity]))).toBe('EVIDENCE_NUMBER_NOT_FINITE');
    expect(codeOf(() => canonicalJson({ at: new Date(0) }))).toBe('EVIDENCE_VALUE_UNSUPPORTED');
    expect(codeOf(() => canonicalJson(new Map()))).toBe('EVIDENCE_VALUE_UNSUPPORTED');
    expect(codeOf(() => canonicalJson({ big: 1n }))).toBe('EVIDENCE_VALUE_UNSUPPORTED');
    expect(codeOf(() => canonicalJson([undefined]))).toBe('EVIDENCE_VALUE_UNSUPPORTED');
    expect(codeOf(() => canonicalJson({ f: () => 1 }))).toBe('EVIDENCE_VALUE_UNSUPPORTED');
    expect(codeOf(() => canonicalJson({ s: 'x\ud800' }))).toBe('EVIDENCE_TEXT_MALFORMED');
    const twice = { ['Đơn vị'.normalize('NFD')]: 1, 'Đơn vị': 2 };
    expect(codeOf(() => canonicalJson(twice))).toBe('EVIDENCE_DUPLICATE_KEY');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(codeOf(() => canonicalJson(cyclic))).toBe('EVIDENCE_VALUE_CYCLE');

    const error = errorOf(() => canonicalJson({ items: [{ at: new Date(0) }] }));
    expect(error?.params).toEqual({ path: '$.items[0].at', type: 'Date' });
    expect(error?.message).toContain('$.items[0].at');
  });

  it('accepts the same object twice when it is not a cycle', () => {
    const shared = { unit: 'Sở Nội vụ' };
    expect(canonicalJson({ a: shared, b: shared })).toBe(
      '{"a":{"unit":"Sở Nội vụ"},"b":{"unit":"Sở Nội vụ"}}',
    );
  });

  it('writes what it took the fast way exactly as RFC 8785 spells it', () => {
    // Keys that JavaScript enumerates first (array indices) still sort as text.
    expect(canonicalJson({ b: 1, 10: 'x', 2: 'y', a: [] })).toBe('{"10":"x","2":"y","a":[],"b":1}');
    // A `__proto__` key read from JSON is a key like any other.
    expect(canonicalJson(JSON.parse('{"z":1,"__proto__":{"b":2,"a":1}}'))).toBe(
      '{"__proto__":{"a":1,"b":2},"z":1}',
    );
    // A combining mark after an escape stays after the escaped character (LF + U+0303).
    expect(canonicalJson({ a: 'x\n\u0303' })).toBe('{"a":"x\\n\u0303"}');
    // A string that begins with a combining mark keeps it; NFD inside a nested array is NFC.
    expect(canonicalJson({ a: ['\u0301e', 'Ho\u0302\u0300i'] })).toBe('{"a":["\u0301e","Hồi"]}');
    // Objects of the same keys in another order, one after the other, each sorted.
    expect(
      canonicalJson([
        { b: 1, a: 2 },
        { a: 3, b: 4 },
        { b: 5, a: 6 },
      ]),
    ).toBe('[{"a":2,"b":1},{"a":3,"b":4},{"a":6,"b":5}]');
    const deep: unknown[] = [];
    let level = deep;
    for (let i = 0; i < 200; i += 1) level = level[0] = [] as unknown[];
    expect(canonicalJson(deep)).toBe(`${'['.repeat(201)}${']'.repeat(201)}`);
  });
});
