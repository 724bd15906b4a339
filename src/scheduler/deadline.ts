/** A signal that aborts after a time, and a way to drop its timer once the call is over. */
export interface Deadline {
  signal: AbortSignal;
  /** Clears the timer: call it when the guarded call has settled. */
  clear(): void;
}

/**
 * An abort signal that fires after `ms` with a TimeoutError, as `AbortSignal.timeout` does.
 * NOTE: `AbortSignal.timeout` leaves its timer (and a weak reference) alive until it fires,
 * and costs about twice as much to create; the dispatcher makes one per adapter call,
 * thousands per pass when catching up, so this one is cleared as soon as the call is over.
 */
export function deadline(ms: number): Deadline {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
  }, ms);
  timer.unref?.();
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}
