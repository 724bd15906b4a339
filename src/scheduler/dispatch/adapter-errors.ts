import { type FailureKind, LoaError } from '../../errors/loa-error.js';
import { redact } from '../../text/redact.js';

/** How an adapter's error is retried (an error without a kind may have come after sending). */
export function failureOf(error: unknown): FailureKind {
  if (error instanceof LoaError && error.failure) return error.failure;
  // NOTE: a timeout or an unexpected error may come after the request was sent.
  return 'unknown';
}

/**
 * An adapter's error as it is recorded and logged (`CODE: message`), through the redactor:
 * its message may quote what a remote service answered.
 */
export function errorText(error: unknown): string {
  if (error instanceof LoaError) return redact(`${error.code}: ${error.message}`);
  return redact(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
}
