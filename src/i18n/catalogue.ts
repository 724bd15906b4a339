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
import { rollupMessages } from './messages/rollup.js';
import { schedulerMessages } from './messages/scheduler.js';
import { serverMessages } from './messages/server.js';
import { storeMessages } from './messages/store.js';
import { witnessMessages } from './messages/witness.js';
import { wordpressMessages } from './messages/wordpress.js';
import { fill, type MessageParams, type ParamsFor, type Placeholders } from './template.js';

export type { MessageEntry } from './entry.js';

/** The messages of each domain, one file each under `messages/`: add a message to its domain's file. */
export const MESSAGES_BY_DOMAIN = {
  common: commonMessages,
  config: configMessages,
  plan: planMessages,
  calendar: calendarMessages,
  cli: cliMessages,
  scheduler: schedulerMessages,
  store: storeMessages,
  queue: queueMessages,
  channels: channelsMessages,
  evidence: evidenceMessages,
  broadcast: broadcastMessages,
  wordpress: wordpressMessages,
  bulletin: bulletinMessages,
  ingest: ingestMessages,
  audit: auditMessages,
  report: reportMessages,
  witness: witnessMessages,
  rollup: rollupMessages,
  audio: audioMessages,
  auth: authMessages,
  server: serverMessages,
  pages: pagesMessages,
} as const;

/**
 * Every message a user reads, keyed by a stable code (a code is in one domain only: the test
 * checks it). Codes are permanent: a code that changes meaning gets a new name.
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
  ...rollupMessages,
  ...audioMessages,
  ...authMessages,
  ...serverMessages,
  ...pagesMessages,
} as const satisfies Record<string, MessageEntry>;

export type MessageCode = keyof typeof CATALOGUE;
export type { MessageParams, ParamValue } from './template.js';

type Entry<C extends MessageCode> = (typeof CATALOGUE)[C];
type TextOf<C extends MessageCode> = Entry<C>['vi'] | Entry<C>['en'];
type HintOf<C extends MessageCode> =
  Entry<C> extends { hintVi: infer V extends string; hintEn: infer E extends string }
    ? V | E
    : never;

/** What `message(code, …)` takes: the placeholders of the text, and those only the hint uses, optional. */
export type ParamsOf<C extends MessageCode> = ParamsFor<
  Placeholders<TextOf<C>>,
  Placeholders<HintOf<C>>
>;
/** What `hint(code, …)` takes: the placeholders of the hint, and those only the text uses, optional. */
export type HintParamsOf<C extends MessageCode> = ParamsFor<
  Placeholders<HintOf<C>>,
  Placeholders<TextOf<C>>
>;

type NoParams = Record<string, never>;
type ArgsFor<P> = [keyof P] extends [never]
  ? [params?: NoParams, lang?: Lang]
  : Partial<P> extends P
    ? [params?: P, lang?: Lang]
    : [params: P, lang?: Lang];

/** The params that fill every code of a union at once (`cond ? 'A' : 'B'`). */
type Both<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;
type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : false;
type Untyped = [params?: MessageParams, lang?: Lang];

/**
 * The arguments after the code: its params (when it has placeholders) and the language. A code
 * among a few (`cond ? 'A' : 'B'`) takes the params of each; a code typed only as `MessageCode`
 * (a `Record<…, MessageCode>` lookup) cannot be checked and takes untyped params.
 */
export type MessageArgs<C extends MessageCode> = [MessageCode] extends [C]
  ? Untyped
  : IsUnion<C> extends true
    ? ArgsFor<Both<C extends MessageCode ? ParamsOf<C> : never>>
    : ArgsFor<ParamsOf<C>>;
export type HintArgs<C extends MessageCode> = [MessageCode] extends [C]
  ? Untyped
  : IsUnion<C> extends true
    ? ArgsFor<Both<C extends MessageCode ? HintParamsOf<C> : never>>
    : ArgsFor<HintParamsOf<C>>;

/** What an error with code C carries: every placeholder of its text and of its hint. */
export type ErrorParamsOf<C extends MessageCode> = ParamsFor<
  Placeholders<TextOf<C> | HintOf<C>>,
  never
>;

/** The params object of a code C (text and hint), or untyped params for a code chosen at run time. */
export type CodeParams<C extends MessageCode> =
  IsUnion<C> extends true ? MessageParams : ErrorParamsOf<C>;

/**
 * The params of a code C for a helper that renders its text and hint (a page's refusal, a
 * validation finding): every placeholder, checked like `message`'s; untyped for a code chosen
 * at run time. Take it as `...[params]: ParamsArg<C>`.
 */
export type ParamsArg<C extends MessageCode> =
  IsUnion<C> extends true
    ? [params?: MessageParams]
    : [keyof ErrorParamsOf<C>] extends [never]
      ? [params?: NoParams]
      : [params: ErrorParamsOf<C>];

/**
 * The options argument of an error with code C, whose `params` fill its text and hint: required
 * when C has placeholders, checked like `message`'s (untyped for a code chosen at run time).
 */
export type ErrorArgs<C extends MessageCode, O extends object> =
  IsUnion<C> extends true
    ? [options?: O & { params?: MessageParams }]
    : [keyof ErrorParamsOf<C>] extends [never]
      ? [options?: O & { params?: NoParams }]
      : [options: O & { params: ErrorParamsOf<C> }];

/** The message for a code in the user's language, with its placeholders filled. */
export function message<C extends MessageCode>(code: C, ...[params, lang]: MessageArgs<C>): string {
  return renderMessage(code, params ?? {}, lang);
}

/** The hint for a code, or undefined when the code has none. */
export function hint<C extends MessageCode>(
  code: C,
  ...[params, lang]: HintArgs<C>
): string | undefined {
  return renderHint(code, params ?? {}, lang);
}

/**
 * `message` for a code and params known only at run time (an error's code and params): not
 * checked by the compiler, so prefer `message` wherever the code is written out.
 */
export function renderMessage(
  code: MessageCode,
  params: MessageParams,
  lang: Lang = currentLang(),
): string {
  const entry: MessageEntry = CATALOGUE[code];
  return fill(lang === 'en' ? entry.en : entry.vi, params, lang);
}

/** `hint` for a code and params known only at run time. */
export function renderHint(
  code: MessageCode,
  params: MessageParams,
  lang: Lang = currentLang(),
): string | undefined {
  const entry: MessageEntry = CATALOGUE[code];
  const template = lang === 'en' ? entry.hintEn : entry.hintVi;
  return template === undefined ? undefined : fill(template, params, lang);
}
