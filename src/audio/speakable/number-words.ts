/** Vietnamese words for the digits 0–9. */
export const DIGIT_WORDS = [
  'không',
  'một',
  'hai',
  'ba',
  'bốn',
  'năm',
  'sáu',
  'bảy',
  'tám',
  'chín',
] as const;

const digit = (d: number): string => DIGIT_WORDS[d] ?? '';

/** Groups of three digits, from the lowest: nghìn (10³), triệu (10⁶), tỷ (10⁹). */
const SCALES = ['', 'nghìn', 'triệu', 'tỷ'] as const;

/** A number below 100 as spoken after a hundreds digit or alone (`full` says "linh" for 0x). */
function tensAndUnits(n: number, afterHundreds: boolean): string[] {
  const tens = Math.floor(n / 10);
  const units = n % 10;
  if (tens === 0) {
    if (units === 0) return [];
    return afterHundreds ? ['linh', digit(units)] : [digit(units)];
  }
  const words = tens === 1 ? ['mười'] : [digit(tens), 'mươi'];
  if (units === 0) return words;
  if (units === 5) return [...words, 'lăm'];
  if (units === 1 && tens > 1) return [...words, 'mốt'];
  if (units === 4 && tens > 1) return [...words, 'tư'];
  return [...words, digit(units)];
}

/** Three digits; `inner` (a group after a higher one) says "không trăm" for a 0 hundreds. */
function group(n: number, inner: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0 && !inner) return tensAndUnits(rest, false);
  return [digit(hundreds), 'trăm', ...tensAndUnits(rest, true)];
}

/**
 * A whole number in Vietnamese words, Northern usage: 2024 → "hai nghìn không trăm hai mươi
 * tư", 105 → "một trăm linh năm", 21 → "hai mươi mốt", 15 → "mười lăm". Empty groups are not
 * read (1 000 500 → "một triệu năm trăm"); above 999 tỷ the tỷ count is read as a number.
 */
export function numberWords(value: string | number | bigint): string {
  let n = typeof value === 'bigint' ? value : BigInt(String(value).replace(/^0+(?=\d)/, ''));
  if (n === 0n) return 'không';
  if (n < 0n) return `âm ${numberWords(-n)}`;
  const billions = n / 1_000_000_000n;
  n %= 1_000_000_000n;
  const words: string[] = [];
  if (billions > 0n) words.push(numberWords(billions), 'tỷ');
  const groups = [Number((n / 1_000_000n) % 1000n), Number((n / 1000n) % 1000n), Number(n % 1000n)];
  groups.forEach((g, i) => {
    if (g === 0) return;
    words.push(...group(g, words.length > 0));
    const scale = SCALES[2 - i];
    if (scale) words.push(scale);
  });
  return words.join(' ');
}

/** Digits one by one: "113" → "một một ba". */
export function digitWords(digits: string): string {
  return [...digits]
    .filter((c) => c >= '0' && c <= '9')
    .map((c) => digit(Number(c)))
    .join(' ');
}

/**
 * A decimal with a Vietnamese decimal comma: "3,5" → "ba phẩy năm", "0,05" → "không phẩy
 * không năm" (the fraction is read digit by digit up to two digits, else as a number).
 */
export function decimalWords(whole: string, fraction: string): string {
  const frac =
    fraction.length <= 2 && !fraction.startsWith('0')
      ? numberWords(fraction)
      : digitWords(fraction);
  return `${numberWords(whole)} phẩy ${frac}`;
}

/** Ordinal after "thứ": 1 → "nhất", 4 → "tư", otherwise the number. */
export function ordinalWords(n: number): string {
  if (n === 1) return 'nhất';
  if (n === 4) return 'tư';
  return numberWords(n);
}

/** The month's name after "tháng": 4 → "tư", otherwise the number ("tháng mười hai"). */
export function monthWords(m: number): string {
  return m === 4 ? 'tư' : numberWords(m);
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** A Roman numeral (I–CC) as a number, or undefined when it is not one. */
export function romanValue(text: string): number | undefined {
  if (!/^(C{0,2})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/.test(text) || text === '') return undefined;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const v = ROMAN[text[i] ?? ''] ?? 0;
    const next = ROMAN[text[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}
