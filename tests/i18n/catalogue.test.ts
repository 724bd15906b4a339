import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LoaError } from '../../src/errors/loa-error.js';
import {
  CATALOGUE,
  hint,
  MESSAGES_BY_DOMAIN,
  type MessageCode,
  type MessageEntry,
  message,
} from '../../src/i18n/catalogue.js';
import { fill, placeholderNames } from '../../src/i18n/template.js';

const SRC = join(import.meta.dirname, '..', '..', 'src');
const entries = Object.entries(CATALOGUE) as [MessageCode, MessageEntry][];

/** Every template of an entry: text and hint, in both languages. */
function templates(e: MessageEntry): string[] {
  return [e.vi, e.en, e.hintVi, e.hintEn].filter((t): t is string => t !== undefined);
}

/** The names an entry's templates use: what `message` and `hint` are declared to take. */
function declared(e: MessageEntry): Set<string> {
  return new Set(templates(e).flatMap((t) => [...placeholderNames(t)]));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    return d.name.endsWith('.ts') ? [path] : [];
  });
}

describe('the message catalogue', () => {
  it('holds each code in one domain file only', () => {
    const perDomain = Object.values(MESSAGES_BY_DOMAIN).flatMap((m) => Object.keys(m));
    const twice = perDomain.filter((code, i) => perDomain.indexOf(code) !== i);
    expect(twice).toEqual([]);
    expect(perDomain.length).toBe(entries.length);
  });

  it('has every message in Vietnamese and English, and both hints or none', () => {
    const bad = entries.filter(
      ([, e]) =>
        !e.vi.trim() ||
        !e.en.trim() ||
        (e.hintVi === undefined) !== (e.hintEn === undefined) ||
        (e.hintVi !== undefined && (!e.hintVi.trim() || !e.hintEn?.trim())),
    );
    expect(bad.map(([code]) => code)).toEqual([]);
  });

  it('uses the same placeholders in Vietnamese and in English', () => {
    const same = (a: string | undefined, b: string | undefined) =>
      [...placeholderNames(a ?? '')].sort().join() === [...placeholderNames(b ?? '')].sort().join();
    const bad = entries.filter(([, e]) => !same(e.vi, e.en) || !same(e.hintVi, e.hintEn));
    expect(bad.map(([code]) => code)).toEqual([]);
  });

  it('leaves no {name} behind when every declared param is given, for 1 and for 2', () => {
    // Braces in plain text stay ("each: { parent: … }"); placeholders and plural forms must not,
    // nor the retired '{n:one|other}' form.
    const left: string[] = [];
    for (const [code, e] of entries) {
      for (const n of [1, 2]) {
        const params = Object.fromEntries([...declared(e)].map((name) => [name, n]));
        for (const t of templates(e)) {
          for (const lang of ['vi', 'en'] as const) {
            const out = fill(t, params, lang);
            if (/\{\w+(\}|, plural,|:[^{}]*\|)/.test(out)) left.push(`${code}: ${out}`);
          }
        }
      }
    }
    expect(left).toEqual([]);
  });

  it('writes Vietnamese in NFC (precomposed), as users type and search it', () => {
    const bad = entries.filter(([, e]) =>
      [e.vi, e.hintVi].some((t) => t !== undefined && t !== t.normalize('NFC')),
    );
    expect(bad.map(([code]) => code)).toEqual([]);
  });

  it('reads right in English for 1: no "1 tokens", "1 items", "1 days", "1 error(s)"', () => {
    // Placeholders that are names, not counts: "through wordpress channels", "3000×2000 pixels".
    const notCounts = new Set<MessageCode>([
      'RULE_VIA',
      'CHANNEL_KIND_EXPECTED',
      'MEDIA_TOO_MANY_PIXELS',
    ]);
    const verbs = new Set(['is', 'was', 'has', 'does', 'needs', 'offers', 'lies', 'takes']);
    const more = new Set(['leaves', 'lacks', 'exists', 'matches', 'its', 'this', 'reads']);
    const wrong: string[] = [];
    for (const [code, e] of entries) {
      if (notCounts.has(code)) continue;
      const params = Object.fromEntries([...declared(e)].map((name) => [name, 1]));
      for (const t of [e.en, e.hintEn]) {
        if (t === undefined) continue;
        const out = fill(t, params, 'en');
        if (/\b1 [a-z-]+\(s\)/.test(out)) wrong.push(`${code}: ${out}`);
        for (const m of out.matchAll(/\b1 ((?:[a-z-]+ )?([a-z-]+s))\b/g)) {
          const word = m[2] as string;
          if (verbs.has(word) || more.has(word) || /\b(was|are)\b/.test(m[1] as string)) continue;
          wrong.push(`${code}: ${out}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no unused code: each one is named somewhere in src/', () => {
    const messagesDir = join(SRC, 'i18n', 'messages');
    const text = sourceFiles(SRC)
      .filter((f) => relative(messagesDir, f).startsWith('..'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const named = new Set(text.match(/\b[A-Z][A-Z0-9_]*[A-Z0-9]\b/g));
    const unused = entries.map(([code]) => code).filter((code) => !named.has(code));
    expect(unused).toEqual([]);
  });
});

describe('plurals by Intl.PluralRules', () => {
  it('says "1 token" and "2 tokens" in English, one form in Vietnamese', () => {
    expect(message('TOKEN_AMBIGUOUS', { id: 'ab', count: 1, ids: 'ab12' }, 'en')).toBe(
      'The id ab matches 1 token: ab12',
    );
    expect(message('TOKEN_AMBIGUOUS', { id: 'ab', count: 2, ids: 'ab12, ab34' }, 'en')).toBe(
      'The id ab matches 2 tokens: ab12, ab34',
    );
    expect(message('PAGE_ENTRIES', { count: 1 }, 'vi')).toBe('1 mục');
    expect(message('PAGE_ENTRIES', { count: 2 }, 'vi')).toBe('2 mục');
    expect(message('PAGE_ENTRIES', { count: 1 }, 'en')).toBe('1 entry');
    expect(message('PAGE_ENTRIES', { count: 0 }, 'en')).toBe('0 entries');
  });

  it('takes an exact =n branch before the category, and "other" for a value that is no number', () => {
    const t = '{n, plural, =0 {no item} one {# item} other {# items}}';
    expect(fill(t, { n: 0 }, 'en')).toBe('no item');
    expect(fill(t, { n: 1 }, 'en')).toBe('1 item');
    expect(fill(t, { n: 21 }, 'en')).toBe('21 items');
    expect(fill(t, { n: '-' }, 'en')).toBe('- items');
    expect(fill(t, {}, 'en')).toBe(t);
  });

  it('fills the hint with its own params', () => {
    expect(hint('FIELD_REQUIRED', { expected: 'string' }, 'en')).toBe('Add this field (string).');
    expect(hint('LABEL_ERROR')).toBeUndefined();
  });
});

describe('typed params (checked by npm run typecheck)', () => {
  it('refuses a missing or an unknown param, and a count that is not a number, in messages and errors', () => {
    const typed = () => {
      // @ts-expect-error: the placeholder {count} is not given
      message('PAGE_ENTRIES', {});
      // @ts-expect-error: PAGE_ENTRIES has no {size}
      message('PAGE_ENTRIES', { count: 1, size: 2 });
      // @ts-expect-error: a plural count must be a number
      message('PAGE_ENTRIES', { count: '1' });
      // @ts-expect-error: LABEL_ERROR has no placeholder
      message('LABEL_ERROR', { x: 1 });
      // @ts-expect-error: the hint of FIELD_REQUIRED needs {expected}
      hint('FIELD_REQUIRED', {});
      // @ts-expect-error: an error carries every param of its text and hint ({max} missing)
      new LoaError('FILE_TOO_LARGE', { params: { size: 1 } });
      // @ts-expect-error: FILE_TOO_LARGE has placeholders, so its params are required
      new LoaError('FILE_TOO_LARGE');
      // @ts-expect-error: FIELD_REQUIRED's hint needs {expected}
      new LoaError('FIELD_REQUIRED', { params: {} });
      new LoaError('FIELD_REQUIRED', { params: { expected: 'string' } });
      const either = (one: boolean) => (one ? 'PAGE_ENTRIES' : 'REPORT_PERIOD_YEAR');
      // @ts-expect-error: a code among a few takes the params of each ({year} missing)
      message(either(true), { count: 1 });
      message(either(true), { count: 1, year: 2024 });
      // The text of FIELD_REQUIRED has no placeholder; {expected} of its hint is optional.
      return [message('FIELD_REQUIRED', {}, 'vi'), message('LABEL_ERROR', {}, 'en')];
    };
    expect(typed()).toEqual(['Thiếu trường bắt buộc', 'error']);
  });
});
