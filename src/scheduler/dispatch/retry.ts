/** The longest wait between two attempts, whatever the attempt number. */
export const MAX_RETRY_DELAY_SEC = 3600;

/**
 * Seconds to wait before the next attempt: exponential backoff from `baseDelaySec`, doubled
 * per failed attempt, capped, with jitter (between half and all of it) so that many failed
 * publications do not come back at the same instant.
 */
export function retryDelaySec(
  attempt: number,
  baseDelaySec: number,
  random: () => number = Math.random,
): number {
  const full = Math.min(MAX_RETRY_DELAY_SEC, baseDelaySec * 2 ** Math.max(0, attempt - 1));
  return full / 2 + (full / 2) * random();
}
