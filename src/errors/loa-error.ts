import { hint, type MessageCode, type MessageParams, message } from '../i18n/catalogue.js';

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

export interface LoaErrorOptions {
  params?: MessageParams;
  location?: SourceLocation;
  cause?: unknown;
  failure?: FailureKind;
}

/** The one error class of loa: a stable code from the catalogue, its params and where. */
export class LoaError extends Error {
  readonly code: MessageCode;
  readonly params: MessageParams;
  readonly location: SourceLocation | undefined;
  readonly failure: FailureKind | undefined;

  constructor(code: MessageCode, options: LoaErrorOptions = {}) {
    super(message(code, options.params ?? {}, 'en'), { cause: options.cause });
    this.name = 'LoaError';
    this.code = code;
    this.params = options.params ?? {};
    this.location = options.location;
    this.failure = options.failure;
  }

  /** The message in the user's language. */
  localized(): string {
    return message(this.code, this.params);
  }

  /** The hint in the user's language, if the catalogue has one. */
  hint(): string | undefined {
    return hint(this.code, this.params);
  }
}
