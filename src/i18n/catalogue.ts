import type { MessageEntry } from './entry.js';
import { currentLang, type Lang } from './lang.js';
import { audioMessages } from './messages/audio.js';
import { auditMessages } from './messages/audit.js';
import { authMessages } from './messages/auth.js';
import { broadcastMessages } from './messages/broadcast.js';
import { bulletinMessages } from './messages/bulletin.js';
import { calendarMessages } from './messages/calendar.js';
import { channelsMessages } from './messages/channels.js';
import { cliMessages } from './messages/cli.js';
import { commonMessages } from './messages/common.js';
import { configMessages } from './messages/config.js';
import { evidenceMessages } from './messages/evidence.js';
import { ingestMessages } from './messages/ingest.js';
import { pagesMessages } from './messages/pages.js';
import { planMessages } from './messages/plan.js';
import { queueMessages } from './messages/queue.js';
import { reportMessages } from './messages/report.js';
import { schedulerMessages } from './messages/scheduler.js';
import { serverMessages } from './messages/server.js';
import { storeMessages } from './messages/store.js';
import { witnessMessages } from './messages/witness.js';
import { wordpressMessages } from './messages/wordpress.js';

export type { MessageEntry } from './entry.js';

/**
 * Every message a user reads, keyed by a stable code, merged from one file per domain under
 * `messages/` (add a new message to the file of its domain). Codes are permanent: a code that
 * changes meaning gets a new name.
 */
export const CATALOGUE = {
  ...commonMessages,
  ...configMessages,
  ...planMessages,
  ...calendarMessages,
  ...cliMessages,
  ...schedulerMessages,
  ...storeMessages,
  ...queueMessages,
  ...channelsMessages,
  ...evidenceMessages,
  ...broadcastMessages,
  ...wordpressMessages,
  ...bulletinMessages,
  ...ingestMessages,
  ...auditMessages,
  ...reportMessages,
  ...witnessMessages,
  ...audioMessages,
  ...authMessages,
  ...serverMessages,
  ...pagesMessages,
} as const satisfies Record<string, MessageEntry>;

export type MessageCode = keyof typeof CATALOGUE;
export type MessageParams = Record<string, string | number | undefined>;

const pluralRules = new Map<Lang, Intl.PluralRules>();

/** The plural category of a number in a language (`one`, `other`…), by `Intl.PluralRules`. */
function pluralOf(n: number, lang: Lang): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules.select(n);
}

/**
 * Fills `{name}` placeholders, and `{name:one|other}` forms with the word that agrees with
 * the number `name` in the language (`{errors} {errors:error|errors}`); Vietnamese nouns do
 * not change, so its templates need none.
 */
function fill(template: string, params: MessageParams, lang: Lang): string {
  const agreed = template.replace(
    /\{(\w+):([^|{}]*)\|([^{}]*)\}/g,
    (whole, name: string, one: string, other: string) => {
      const n = Number(params[name]);
      if (!Number.isFinite(n)) return whole;
      return pluralOf(n, lang) === 'one' ? one : other;
    },
  );
  return agreed.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The message for a code in the user's language, with its placeholders filled. */
export function message(code: MessageCode, params: MessageParams = {}, lang: Lang = currentLang()) {
  const entry: MessageEntry = CATALOGUE[code];
  return fill(lang === 'en' ? entry.en : entry.vi, params, lang);
}

/** The hint for a code, or undefined when the code has none. */
export function hint(code: MessageCode, params: MessageParams = {}, lang: Lang = currentLang()) {
  const entry: MessageEntry = CATALOGUE[code];
  const template = lang === 'en' ? entry.hintEn : entry.hintVi;
  return template === undefined ? undefined : fill(template, params, lang);
}
