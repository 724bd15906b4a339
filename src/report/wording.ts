import type { DateTime } from 'luxon';
import type { Period } from '../calendar/period.js';
import { message } from '../i18n/catalogue.js';
import type { Lang } from '../i18n/lang.js';
import type { PeriodKind } from '../model/plan.js';
import { PER } from '../plan/describe.js';

const ROMAN = ['I', 'II', 'III', 'IV'];

/** A report period in words: "quý I năm 2024", "6 tháng đầu năm 2024", "năm 2024". */
export function periodInWords(period: Period, lang: Lang = 'vi'): string {
  const start = period.start;
  const year = start.year;
  switch (period.kind) {
    case 'month':
      return message('REPORT_PERIOD_MONTH', { month: start.month, year }, lang);
    case 'quarter':
      // Vietnamese writes quarters in Roman numerals ("quý II"), English in digits ("Q2").
      return message(
        'REPORT_PERIOD_QUARTER',
        {
          quarter: lang === 'vi' ? (ROMAN[start.quarter - 1] ?? start.quarter) : start.quarter,
          year,
        },
        lang,
      );
    case 'half-year':
      return message(start.month <= 6 ? 'REPORT_PERIOD_H1' : 'REPORT_PERIOD_H2', { year }, lang);
    default:
      return message('REPORT_PERIOD_YEAR', { year }, lang);
  }
}

/**
 * "Thái Bình, ngày 05 tháng 02 năm 2024": place and date as Decree 30/2020/NĐ-CP writes them,
 * with a leading zero on days below 10 and on months 1 and 2.
 */
export function placeAndDate(place: string, date: DateTime, lang: Lang = 'vi'): string {
  const day = date.day < 10 ? `0${date.day}` : String(date.day);
  const month = date.month <= 2 ? `0${date.month}` : String(date.month);
  return message('REPORT_PLACE_DATE', { place, day, month, year: date.year }, lang);
}

/** The issuing body's abbreviation from a document number: `174/KH-UBND` → `UBND`. */
export function issuerAbbreviation(number: string): string {
  return /-([^\s/-]+)\s*$/.exec(number)?.[1] ?? '…';
}

/** The signature block from a plan's signer: "Lại Văn Hoàn (KT. Chủ tịch, Phó Chủ tịch)". */
export function signatureBlock(signer: string | undefined): { authority: string[]; name: string } {
  if (!signer) return { authority: [], name: '' };
  const match = /^(.*?)\s*\((.*)\)\s*$/.exec(signer);
  if (!match) return { authority: [], name: signer };
  const authority = (match[2] ?? '')
    .split(',')
    .map((part) => part.trim().toLocaleUpperCase('vi'))
    .filter((part) => part.length > 0);
  return { authority, name: (match[1] ?? '').trim() };
}

/** "1 lần mỗi tuần", or "không định mức" for a counted task. */
export function requirementInWords(per: PeriodKind, atLeast: number, lang: Lang = 'vi'): string {
  if (atLeast === 0) return message('REPORT_COUNTED', {}, lang);
  return message('REPORT_REQUIRED', { count: atLeast, per: message(PER[per], {}, lang) }, lang);
}
