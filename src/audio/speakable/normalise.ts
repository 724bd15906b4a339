import { DEFAULT_ABBREVIATIONS, LETTER_NAMES, UNITS } from './abbreviations.js';
import { type MarkdownSpeechOptions, markdownToSpeech, speakableAddress } from './markdown.js';
import {
  decimalWords,
  digitWords,
  monthWords,
  numberWords,
  ordinalWords,
  romanValue,
} from './number-words.js';

/** How a story's text is made speakable. */
export interface SpeakableOptions extends Partial<MarkdownSpeechOptions> {
  /** Extra or overriding abbreviations (`UBND: Ủy ban nhân dân`), from the channel or plan. */
  abbreviations?: Readonly<Record<string, string>>;
  /** The text is Markdown (a content item's body); default true. */
  markdown?: boolean;
}

const L = '\\p{L}\\p{N}';
/** Not preceded / followed by a letter or digit: a word boundary that knows Vietnamese. */
const B0 = `(?<![${L}])`;
const B1 = `(?![${L}])`;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function dayMonthYear(d: number, m: number, y: string | undefined): string | undefined {
  if (d < 1 || d > 31 || m < 1 || m > 12) return undefined;
  const year = y ? ` năm ${numberWords(y)}` : '';
  return `ngày ${numberWords(d)} tháng ${monthWords(m)}${year}`;
}

/** Keeps the capital of a word the rule consumed ("Ngày 15/3" → "Ngày mười lăm…"). */
function capitalIf(original: string | undefined, text: string): string {
  if (original && /^\p{Lu}/u.test(original)) return text.charAt(0).toUpperCase() + text.slice(1);
  return text;
}

/** A phone number read digit by digit, its groups (as written) separated by a short pause. */
function phoneWords(raw: string): string {
  const groups = raw
    .replace(/^\+84/, '0')
    .split(/[\s.()-]+/)
    .filter((g) => g !== '');
  return groups.map(digitWords).join(', ');
}

/** A number as written in Vietnamese text: thousands with dots, a decimal comma. */
function writtenNumber(raw: string): string {
  if (/^\d{1,3}(\.\d{3})+$/.test(raw)) return numberWords(raw.replace(/\./g, ''));
  const decimal = /^(\d+),(\d+)$/.exec(raw);
  if (decimal) return decimalWords(decimal[1] ?? '0', decimal[2] ?? '0');
  const dotted = /^(\d+)\.(\d+)$/.exec(raw);
  if (dotted) return `${numberWords(dotted[1] ?? '0')} chấm ${digitWords(dotted[2] ?? '')}`;
  if (/^0\d{2,}$/.test(raw)) return digitWords(raw);
  return numberWords(raw);
}

const NUMBER = String.raw`\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?`;

/** The rules in the order they must run (document numbers before dates, phones before thousands…). */
function rules(): [RegExp, (...m: string[]) => string][] {
  const unitKeys = Object.keys(UNITS)
    .filter((u) => u !== '%')
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  return [
    // Web and e-mail addresses.
    [/\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/gu, (m) => speakableAddress(m)],
    [/\bhttps?:\/\/[^\s)]+/gu, (m) => speakableAddress(m.replace(/[.,;:]$/, ''))],
    [
      /\b(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:gov|com|org|net|edu)(?:\.vn)?\b|\b[a-z0-9-]+\.vn\b/gu,
      (m) => speakableAddress(m),
    ],
    [/(?<![\p{L}\p{N}/])24\/7(?![\p{L}\p{N}/])/gu, () => 'hai mươi tư trên bảy'],
    // Dates: 15/3/2024, 15-03-2024, 15.03.2024, 2024-03-15, 15/3, tháng 3/2024.
    [
      /(?<![\p{L}\p{N}])(?:([Nn]gày)\s+)?(\d{4})-(\d{2})-(\d{2})(?![\p{L}\p{N}])/gu,
      (m, ngay, y, mo, d) => capitalIf(ngay, dayMonthYear(Number(d), Number(mo), y) ?? m),
    ],
    [
      /(?<![\p{L}\p{N}/])(?:([Nn]gày)\s+)?(\d{1,2})([/.-])(\d{1,2})\3(\d{4})(?![\p{L}\p{N}/])/gu,
      (m, ngay, d, _s, mo, y) => capitalIf(ngay, dayMonthYear(Number(d), Number(mo), y) ?? m),
    ],
    [
      /(?<![\p{L}\p{N}/])([Tt]háng)\s+(\d{1,2})[/-](\d{4})(?![\p{L}\p{N}/])/gu,
      (m, thang, mo, y) =>
        Number(mo) >= 1 && Number(mo) <= 12
          ? `${thang} ${monthWords(Number(mo))} năm ${numberWords(y ?? '0')}`
          : m,
    ],
    [
      /(?<![\p{L}\p{N}/])(?:([Nn]gày)\s+)?(\d{1,2})\/(\d{1,2})(?![\p{L}\p{N}/])/gu,
      (m, ngay, d, mo) => capitalIf(ngay, dayMonthYear(Number(d), Number(mo), undefined) ?? m),
    ],
    [
      /(?<![\p{L}\p{N}])([Tt]háng)\s+(\d{1,2})(?![\p{L}\p{N}/,.])/gu,
      (m, thang, mo) =>
        Number(mo) >= 1 && Number(mo) <= 12 ? `${thang} ${monthWords(Number(mo))}` : m,
    ],
    // Times: 17:30, 7h30, 7h30', 17h, 7 giờ 30 phút stays words.
    [
      /(?<![\p{L}\p{N}:])(\d{1,2})(?::|h|g)(\d{2})'?(?![\p{L}\p{N}:])/gu,
      (m, h, mi) =>
        Number(h) < 24 && Number(mi) < 60
          ? `${numberWords(h ?? '0')} giờ${Number(mi) === 0 ? '' : ` ${numberWords(mi ?? '0')} phút`}`
          : m,
    ],
    [
      /(?<![\p{L}\p{N}])(\d{1,2})h(?![\p{L}\p{N}])/gu,
      (m, h) => (Number(h) < 24 ? `${numberWords(h ?? '0')} giờ` : m),
    ],
    // Phone numbers: after a word that announces one, or any 0… number of 9–11 digits.
    [
      /(?<=(?:điện thoại|đường dây nóng|hotline|tổng đài|gọi|gọi số|ĐT|Zalo)[\s:]*(?:số\s+)?)(\+84|\(?0\d{1,3}\)?|1[89]00|11[1-6])((?:[\s.-]?\d{2,4})*)(?![\p{L}\p{N}])/giu,
      (m) => phoneWords(m),
    ],
    [/(?<![\p{L}\p{N}])1[89]00[\s.]?\d{3,4}(?![\p{L}\p{N}])/gu, (m) => phoneWords(m)],
    [
      /(?<![\p{L}\p{N}.,])(?:\+84|0)\d{2,3}(?:[\s.-]?\d{3,4}){2}(?![\p{L}\p{N}])/gu,
      (m) => (m.replace(/\D/g, '').length >= 9 ? phoneWords(m) : m),
    ],
    // Percentages and units after a number.
    [new RegExp(`${B0}(${NUMBER})\\s?%`, 'gu'), (_m, n) => `${writtenNumber(n ?? '0')} phần trăm`],
    [
      new RegExp(`${B0}(${NUMBER})\\s?(${unitKeys})${B1}`, 'gu'),
      (_m, n, unit) => `${writtenNumber(n ?? '0')} ${UNITS[unit ?? ''] ?? unit}`,
    ],
    // Ranges: 7-11 giờ, 2021–2030.
    [
      new RegExp(`${B0}(${NUMBER})\\s?[-–]\\s?(${NUMBER})${B1}`, 'gu'),
      (_m, a, b) => `${writtenNumber(a ?? '0')} đến ${writtenNumber(b ?? '0')}`,
    ],
    // Section references like III.3 or IV.1.a.
    [
      /(?<![\p{L}\p{N}])([IVX]+)\.(\d+)(?:\.([a-zđ]))?(?![\p{L}\p{N}])/gu,
      (m, roman, n, letter) => {
        const r = romanValue(roman ?? '');
        if (r === undefined) return m;
        return `${numberWords(r)} chấm ${numberWords(n ?? '0')}${letter ? ` chấm ${letter}` : ''}`;
      },
    ],
    // Ordinals: thứ 2 → thứ hai, lần thứ 1 → lần thứ nhất, Quý I → quý một.
    [
      /(?<![\p{L}\p{N}])([Tt]hứ)\s+(\d{1,2})(?![\p{L}\p{N}])/gu,
      (_m, thu, n) => `${thu} ${ordinalWords(Number(n))}`,
    ],
    [
      /(?<![\p{L}\p{N}])([Qq]uý|[Qq]uí|[Cc]hương|[Mm]ục|[Pp]hần|[Kk]hóa|[Kk]hoá|[Kk]ỳ|[Đđ]ợt|[Ll]a Mã)\s+([IVXLC]+)(?![\p{L}\p{N}])/gu,
      (m, word, roman) => {
        const n = romanValue(roman ?? '');
        return n === undefined ? m : `${word} ${numberWords(n)}`;
      },
    ],
    // Remaining numbers.
    [new RegExp(`${B0}(${NUMBER}|\\d+\\.\\d+)${B1}`, 'gu'), (_m, n) => writtenNumber(n ?? '0')],
  ];
}

const RULES = rules();

/** Document kinds that open a document number's code (`QĐ` in `35/QĐ-BNV`). */
const DOCUMENT_KINDS: Readonly<Record<string, string>> = {
  QĐ: 'quyết định',
  NĐ: 'nghị định',
  NQ: 'nghị quyết',
  KH: 'kế hoạch',
  TT: 'thông tư',
  TTLT: 'thông tư liên tịch',
  CT: 'chỉ thị',
  CV: 'công văn',
  TB: 'thông báo',
  BC: 'báo cáo',
  HD: 'hướng dẫn',
};

/**
 * Document numbers (`Số 35/QĐ-BNV`, `30/2020/NĐ-CP`, `581/BNV-CCHC`) read as a broadcaster
 * would: the number, the year, the kind unless the sentence just named it, and "của" the
 * issuer unless the sentence goes on to name it: "Nghị định số 30/2020/NĐ-CP của Chính phủ" →
 * "Nghị định số ba mươi năm hai nghìn không trăm hai mươi của Chính phủ".
 */
function documentNumbers(text: string, abbreviations: Readonly<Record<string, string>>): string {
  const pattern =
    /(?<![\p{L}\p{N}])(\d+)\/(?:(\d{4})\/)?([A-ZĐ][\p{L}]*(?:-[A-ZĐ][\p{L}]*)*)(?![\p{L}\p{N}])/gu;
  return text.replace(
    pattern,
    (_m, n: string, year: string | undefined, code: string, offset: number) => {
      const parts = code.split('-');
      const kind = DOCUMENT_KINDS[parts[0] ?? ''];
      if (kind) parts.shift();
      const words = (part: string) => abbreviations[part] ?? spell(part);
      const before = text.slice(Math.max(0, offset - 40), offset).toLowerCase();
      const rest =
        text
          .slice(offset + _m.length)
          .split(/[.!?\n]/)[0]
          ?.toLowerCase() ?? '';
      const issuer = parts.map(words).join(', ');
      const named = parts.some(
        (p) => rest.includes(p.toLowerCase()) || rest.includes(words(p).toLowerCase()),
      );
      const out = [numberWords(n)];
      if (year) out.push('năm', numberWords(year));
      if (kind && !before.includes(kind)) out.push(`, ${kind}`);
      if (parts.length > 0 && !named) out.push(`của ${issuer}`);
      return out.join(' ').replace(' ,', ',');
    },
  );
}

/** Spells an unknown all-capitals word letter by letter ("QR" → "quy rờ"). */
function spell(word: string): string {
  return [...word].map((c) => LETTER_NAMES[c.toUpperCase()] ?? c).join(' ');
}

function expandAbbreviations(
  text: string,
  abbreviations: Readonly<Record<string, string>>,
): string {
  const keys = Object.keys(abbreviations).sort((a, b) => b.length - a.length);
  if (keys.length === 0) return text;
  const pattern = new RegExp(`${B0}(${keys.map(escapeRegExp).join('|')})${B1}`, 'gu');
  return text.replace(pattern, (m) => abbreviations[m] ?? m);
}

/** Spells what is left in capitals: a word of 2–5 capital letters that is no Vietnamese word. */
function spellCapitals(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}])[A-ZĐ]{2,5}(?![\p{L}\p{N}])/gu, (m) => spell(m));
}

/** Words after a slash that make it "per" (`đồng/người/năm` → "đồng mỗi người mỗi năm"). */
const PER_UNIT =
  /^(?:người|năm|tháng|tuần|ngày|giờ|bản|trang|hộ|lần|lượt|hồ sơ|km|kg|tấn|m2|ha|con|chiếc|suất)(?![\p{L}\p{N}])/u;

/** Capitals at the start of each sentence (an abbreviation read out may have lost one). */
function capitalise(text: string): string {
  return text.replace(
    /(^|[.!?]\s+)(\p{Ll})/gu,
    (_m, lead: string, c: string) => lead + c.toUpperCase(),
  );
}

/** Punctuation that a voice would read or stumble on, turned into pauses or words. */
function tidyPunctuation(text: string): string {
  return text
    .replace(/&/g, ' và ')
    .replace(/…/g, '.')
    .replace(/\s[–—-]\s/g, ', ')
    .replace(/[–—]/g, ', ')
    .replace(/[()[\]{}]/g, ', ')
    .replace(/[;]/g, ',')
    .replace(/["“”„«»*#_~`|]/g, '')
    .replace(/(?<=\p{L})\/(?=\p{L})/gu, (_m, offset: number, whole: string) =>
      PER_UNIT.test(whole.slice(offset + 1)) ? ' mỗi ' : ' hoặc ',
    )
    .replace(/\//g, ' ')
    .replace(/\s+([,.!?:])/g, '$1')
    .replace(/([,.!?:])(?:\s*,)+/g, '$1')
    .replace(/^[\s,]+/, '')
    .replace(/[,:]\s*([.!?])/g, '$1')
    .replace(/([,.!?:])(?=\p{L})/gu, '$1 ')
    .replace(/\s{2,}/g, ' ')
    .replace(/[,:]\s*$/, '.')
    .trim();
}

/**
 * Text made speakable for a Vietnamese voice: Markdown reduced to sentences, then numbers,
 * dates, times, ordinals, percentages, phone numbers, document numbers and abbreviations read
 * out in words. Pure: the same text and options always give the same words.
 */
export function speakable(text: string, options: SpeakableOptions = {}): string {
  const abbreviations = { ...DEFAULT_ABBREVIATIONS, ...(options.abbreviations ?? {}) };
  const md: MarkdownSpeechOptions = {
    links: options.links ?? 'text',
    images: options.images ?? 'drop',
  };
  let out = text.normalize('NFC');
  if (options.markdown !== false) out = markdownToSpeech(out, md);
  else out = out.replace(/\s+/g, ' ');
  out = documentNumbers(out, abbreviations);
  for (const [pattern, replace] of RULES) {
    out = out.replace(pattern, (...args: unknown[]) => {
      const groups = args.filter((a): a is string => typeof a === 'string' || a === undefined);
      return replace(...(groups as string[]));
    });
  }
  out = expandAbbreviations(out, abbreviations);
  out = spellCapitals(out);
  return capitalise(tidyPunctuation(out)).normalize('NFC');
}
