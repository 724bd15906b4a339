/**
 * One catalogue entry: what happened (vi, en) and, for errors, what to do (both hints or
 * none). `{name}` placeholders are filled from the params of `message(code, params)`.
 */
export interface MessageEntry {
  vi: string;
  en: string;
  hintVi?: string;
  hintEn?: string;
}
