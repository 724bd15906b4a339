import type { Lang } from './lang.js';

/**
 * Message templates. A template holds plain text, `{name}` placeholders, and plural forms in
 * the ICU MessageFormat way: `{count, plural, one {# token} other {# tokens}}` picks the branch
 * by the plural rules of the language (`Intl.PluralRules`: Vietnamese has one form, English
 * has `one` and `other`), `=0 {…}` matches an exact number first, and `#` inside a branch is
 * the number. Branches hold text only (no placeholders inside). The types below read the
 * placeholder names out of a template's literal type, so that `message('CODE', params)` fails
 * to typecheck when a placeholder is not given or an unknown one is passed.
 */

/** A value that fills a placeholder. */
export type ParamValue = string | number;

/** Untyped params, for code that renders a code it does not know statically (errors). */
export type MessageParams = Record<string, ParamValue | undefined>;

type WordChar =
  | 'a'
  | 'b'
  | 'c'
  | 'd'
  | 'e'
  | 'f'
  | 'g'
  | 'h'
  | 'i'
  | 'j'
  | 'k'
  | 'l'
  | 'm'
  | 'n'
  | 'o'
  | 'p'
  | 'q'
  | 'r'
  | 's'
  | 't'
  | 'u'
  | 'v'
  | 'w'
  | 'x'
  | 'y'
  | 'z'
  | 'A'
  | 'B'
  | 'C'
  | 'D'
  | 'E'
  | 'F'
  | 'G'
  | 'H'
  | 'I'
  | 'J'
  | 'K'
  | 'L'
  | 'M'
  | 'N'
  | 'O'
  | 'P'
  | 'Q'
  | 'R'
  | 'S'
  | 'T'
  | 'U'
  | 'V'
  | 'W'
  | 'X'
  | 'Y'
  | 'Z'
  | '0'
  | '1'
  | '2'
  | '3'
  | '4'
  | '5'
  | '6'
  | '7'
  | '8'
  | '9'
  | '_';

/** Whether S is a placeholder name (`\w+`), as the runtime reads it. */
type IsName<S extends string> = S extends ''
  ? false
  : S extends `${WordChar}${infer Rest}`
    ? Rest extends ''
      ? true
      : IsName<Rest>
    : false;

/** After the first branch of a plural form: skips ` other {…}` branches and the closing `}`. */
type SkipBranches<S extends string> = S extends `}${infer Rest}`
  ? Rest
  : S extends `${string}{${string}}${infer Rest}`
    ? SkipBranches<Rest>
    : S;

/** One placeholder of a template: its name, and whether a plural form counts with it. */
export interface Placeholder {
  name: string;
  plural: boolean;
}

/** The placeholders of a template literal type, as a union of `Placeholder`. */
export type Placeholders<T extends string> = T extends `${string}{${infer Body}}${infer Rest}`
  ? Body extends `${infer Name}, plural,${string}`
    ? { name: Name; plural: true } | Placeholders<SkipBranches<Rest>>
    : IsName<Body> extends true
      ? { name: Body; plural: false } | Placeholders<Rest>
      : Placeholders<Rest>
  : never;

type ValueOf<P extends Placeholder, K> = [Extract<P, { name: K; plural: true }>] extends [never]
  ? ParamValue
  : number;

/** The params object of required placeholders R and optional placeholders O. */
export type ParamsFor<R extends Placeholder, O extends Placeholder> = {
  [K in R['name']]: ValueOf<R, K>;
} & { [K in Exclude<O['name'], R['name']>]?: ValueOf<O, K> };

const pluralRules = new Map<Lang, Intl.PluralRules>();

/** The plural category of a number in a language (`one`, `other`…), by `Intl.PluralRules`. */
export function pluralOf(n: number, lang: Lang): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules.select(n);
}

const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const BRANCH = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

/** The branch of a plural form for n: an exact `=n` first, then the category, then `other`. */
function pluralBranch(branches: string, n: number, lang: Lang): string | undefined {
  const byKey = new Map<string, string>();
  for (const [, key, text] of branches.matchAll(BRANCH)) byKey.set(key as string, text as string);
  return byKey.get(`=${n}`) ?? byKey.get(pluralOf(n, lang)) ?? byKey.get('other');
}

/**
 * Fills a template: plural forms with the branch that agrees with their number, then `{name}`
 * placeholders. A placeholder without a value stays as written, so that a missing param shows.
 */
export function fill(template: string, params: MessageParams, lang: Lang): string {
  const agreed = template.replace(PLURAL, (whole, name: string, branches: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    // A value that is not a number (a "-" for none) is NaN: Intl.PluralRules says `other`.
    const text = pluralBranch(branches, Number(value), lang);
    return text === undefined ? whole : text.replaceAll('#', String(value));
  });
  return agreed.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The placeholder names of a template, plural ones included (for tests and checks). */
export function placeholderNames(template: string): Set<string> {
  const names = new Set<string>();
  const rest = template.replace(PLURAL, (_whole, name: string) => {
    names.add(name);
    return '';
  });
  for (const [, name] of rest.matchAll(/\{(\w+)\}/g)) names.add(name as string);
  return names;
}
