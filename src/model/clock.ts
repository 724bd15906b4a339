import { DateTime } from 'luxon';

/** The source of "now". Injected everywhere, so tests and `loa simulate` can move time. */
export interface Clock {
  now(): DateTime;
}

/** The real clock, in UTC. */
export const systemClock: Clock = { now: () => DateTime.utc() };

/** A clock that stands still at one instant until moved; for tests and simulations. */
export class ManualClock implements Clock {
  private current: DateTime;

  constructor(start: DateTime | string) {
    this.current = (
      typeof start === 'string' ? DateTime.fromISO(start, { setZone: true }) : start
    ).toUTC();
  }

  now(): DateTime {
    return this.current;
  }

  set(instant: DateTime): void {
    this.current = instant.toUTC();
  }

  advance(duration: {
    milliseconds?: number;
    seconds?: number;
    minutes?: number;
    hours?: number;
    days?: number;
  }): void {
    this.current = this.current.plus(duration);
  }
}
