import type { DateTime } from 'luxon';
import type { Channel } from '../../model/channel.js';
import type { Clock } from '../../model/clock.js';

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

/** What bounds one adapter call. */
export interface CallBound {
  channel: Channel;
  /** The end of the worker's lease on what the call is for. */
  leaseUntil: DateTime;
  clock: Clock;
  /** Seconds, for a channel without its own `timeoutSec`. */
  defaultTimeoutSec?: number;
}

/**
 * The deadline of one adapter call: the channel's timeout (or the default, 30 s), and never
 * later than a second before the lease runs out.
 */
export function callDeadline(bound: CallBound): Deadline {
  const remainingMs = bound.leaseUntil.toMillis() - bound.clock.now().toMillis() - 1_000;
  const timeoutSec =
    'timeoutSec' in bound.channel ? bound.channel.timeoutSec : (bound.defaultTimeoutSec ?? 30);
  return deadline(Math.max(1, Math.min(timeoutSec * 1000, remainingMs)));
}
