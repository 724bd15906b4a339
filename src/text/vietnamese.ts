/** Normalises text to NFC, the precomposed form loa stores and compares. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * A URL- and file-safe slug: diacritics dropped, `đ` → `d`, lower case, runs of anything
 * else folded to one hyphen. `Cải cách hành chính` → `cai-cach-hanh-chinh`.
 */
export function slugify(text: string, maxLength = 80): string {
  const ascii = text
    .normalize('NFD')
    .replace(/\p{Mn}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/g, '');
}

// C0 controls and DEL, except tab and line feed (CR is folded to LF before this is asked).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/;

/** UTF-16 offset of the first control character a text must not hold, if any. */
export function firstControlCharacter(text: string): number | undefined {
  const match = CONTROL.exec(text);
  return match ? match.index : undefined;
}

/** `U+0000`: how a control character is named in a message (it cannot be shown). */
export function controlName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A legacy Vietnamese encoding found in text that should have been Unicode. */
export interface LegacyEncodingMatch {
  encoding: 'TCVN3' | 'VNI';
  /** The first word that gave it away. */
  sample: string;
  /** UTF-16 offset of that word in the text. */
  offset: number;
}

// NOTE: TCVN3 (ABC) text shown as Unicode puts Latin-1 symbols (¸ µ ¶ ¨ « ¬ …) inside words:
// "C¶i c¸ch hµnh chÝnh". VNI writes tone marks as separate Latin-1 letters that Vietnamese
// never uses (ø û ï ö ñ ä å ë): "Caûi caùch haønh chính". Real Vietnamese Unicode has neither
// inside a word, so two such words are a reliable signal with no false alarm on quotes («»).
const TCVN3_WORD =
  /\p{L}*[A-Za-z][\u00A1-\u00BF]+[\p{L}\u00A1-\u00BF]*|[\u00A1-\u00BF]+[A-Za-z]\p{L}*/gu;
// NOTE: VNI also writes a circumflex as `â` and a breve as `ê` after the vowel ("Keânh" for
// "Kênh", "naêm" for "năm"), and a circumflex with a tone as `à á ã` after it ("truyeàn"):
// pairs no Vietnamese word has (e, a or o then â; a then ê; e or a then à á ã).
const VNI_WORD =
  /\p{L}*(?:[A-Za-z][øûïöñäåëØÛÏÖÑÄÅË]|[aeoAEO][âÂ]|[aA][êÊ]|[aeAE][àáãÀÁÃ])\p{L}*/gu;
const LEGACY_MIN_WORDS = 2;
/** Any character either encoding needs; text without one is skipped cheaply. */
const LEGACY_SUSPECT = /[\u00A1-\u00BFøûïöñäåëØÛÏÖÑÄÅËâÂêÊàáãÀÁÃ]/;

function firstMatches(text: string, pattern: RegExp): RegExpMatchArray[] {
  const found: RegExpMatchArray[] = [];
  for (const match of text.matchAll(pattern)) {
    // «» and ¿¡ around a word are quotes and punctuation, not letters.
    if (/^[«»¿¡]|[«»¿¡]$/.test(match[0]) && !/[A-Za-z][«»][A-Za-z]/.test(match[0])) continue;
    found.push(match);
    if (found.length >= LEGACY_MIN_WORDS) break;
  }
  return found;
}

/** Finds text typed in the TCVN3 or VNI legacy encodings, or returns undefined. */
export function detectLegacyEncoding(text: string): LegacyEncodingMatch | undefined {
  if (!LEGACY_SUSPECT.test(text)) return undefined;
  for (const [encoding, pattern] of [
    ['TCVN3', TCVN3_WORD],
    ['VNI', VNI_WORD],
  ] as const) {
    const found = firstMatches(text, pattern);
    const first = found[0];
    if (found.length >= LEGACY_MIN_WORDS && first) {
      return { encoding, sample: first[0], offset: first.index ?? 0 };
    }
  }
  return undefined;
}
