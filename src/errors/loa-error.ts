import { hint, type MessageCode, type MessageParams, message } from '../i18n/catalogue.js';

/** Where a configuration error sits: file, line, column (1-based) and field path. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
  field?: string;
}

export interface LoaErrorOptions {
  params?: MessageParams;
  location?: SourceLocation;
  cause?: unknown;
}

/** The one error class of loa: a stable code from the catalogue, its params and where. */
export class LoaError extends Error {
  readonly code: MessageCode;
  readonly params: MessageParams;
  readonly location: SourceLocation | undefined;

  constructor(code: MessageCode, options: LoaErrorOptions = {}) {
    super(message(code, options.params ?? {}, 'en'), { cause: options.cause });
    this.name = 'LoaError';
    this.code = code;
    this.params = options.params ?? {};
    this.location = options.location;
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
