import {
  type ErrorArgs,
  type MessageCode,
  type MessageParams,
  renderHint,
  renderMessage,
} from '../i18n/catalogue.js';

/** Where a configuration error sits: file, line, column (1-based) and field path. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
  field?: string;
}

/**
 * How a failed call to a remote service may be retried: `transient` (5xx, network: retry with
 * backoff), `permanent` (bad request: do not retry), `auth` (401/403: stop the channel, do not
 * retry in a storm), `unknown` (timed out after sending: look it up before any retry).
 */
export type FailureKind = 'transient' | 'permanent' | 'auth' | 'unknown';

/**
 * What a refused request did wrong, for a caller that answers one (the server maps each to
 * one HTTP status): `invalid` input (400, the default), a named thing that is `not-found`
 * (404), a `conflict` with the state of things (409: a move the state refuses, a name already
 * taken), `too-large` (413), an `unsupported` file type (415). Set where the error is thrown,
 * so that no caller guesses it from the code's name.
 */
export type ErrorKind = 'invalid' | 'not-found' | 'conflict' | 'too-large' | 'unsupported';

export interface LoaErrorOptions {
  params?: MessageParams;
  location?: SourceLocation;
  cause?: unknown;
  failure?: FailureKind;
  /** Defaults to `invalid`. */
  kind?: ErrorKind;
}

/**
 * The one error class of loa: a stable code from the catalogue, its params and where.
 * `new LoaError('CODE', { params })` is checked against the code's text and hint: a missing or
 * unknown param fails to typecheck.
 */
export class LoaError<C extends MessageCode = MessageCode> extends Error {
  readonly code: MessageCode;
  readonly params: MessageParams;
  readonly location: SourceLocation | undefined;
  readonly failure: FailureKind | undefined;
  readonly kind: ErrorKind;

  constructor(code: C, ...[given]: ErrorArgs<C, Omit<LoaErrorOptions, 'params'>>) {
    const options: LoaErrorOptions = given ?? {};
    super(renderMessage(code, options.params ?? {}, 'en'), { cause: options.cause });
    this.name = 'LoaError';
    this.code = code;
    this.params = options.params ?? {};
    this.location = options.location;
    this.failure = options.failure;
    this.kind = options.kind ?? 'invalid';
  }

  /** The message in the user's language. */
  localized(): string {
    return renderMessage(this.code, this.params);
  }

  /** The hint in the user's language, if the catalogue has one. */
  hint(): string | undefined {
    return renderHint(this.code, this.params);
  }
}
