import cron from 'node-cron';
import { dispatchPass } from './dispatcher.js';
import type { DispatcherOptions, PassResult } from './types.js';

/** How the daemon runs. */
export interface DaemonOptions {
  /** Seconds between wake-ups; divides 60 (default 30). */
  intervalSec?: number;
  /** Called after each pass. */
  onPass?: (result: PassResult) => void;
  /** Called when a pass throws (the daemon goes on). */
  onError?: (error: unknown) => void;
  /** Runs before each pass (planning of bulletin issues); if it throws, the pass still runs. */
  beforePass?: () => Promise<void>;
  /** Receives a function that starts a pass now (skipped while one runs), e.g. after a sync. */
  onReady?: (passNow: () => void) => void;
}

/**
 * The dispatcher daemon: one pass at once, then one on every node-cron tick, until `stop`
 * is aborted. A tick that comes while a pass runs is skipped. Resolves after the running
 * pass has finished or released what it held.
 */
export async function runDaemon(
  dispatcher: DispatcherOptions & { stop: AbortSignal },
  options: DaemonOptions = {},
): Promise<void> {
  const interval = options.intervalSec ?? 30;
  let running: Promise<void> | undefined;
  let again = false;
  const pass = () => {
    if (running || dispatcher.stop.aborted) return running;
    running = Promise.resolve()
      .then(() => options.beforePass?.())
      .catch((error: unknown) => options.onError?.(error))
      .then(() => dispatchPass(dispatcher))
      .then((result) => options.onPass?.(result))
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = undefined;
        if (again && !dispatcher.stop.aborted) {
          again = false;
          void pass();
        }
      });
    return running;
  };
  const task = cron.schedule(`*/${interval} * * * * *`, () => {
    void pass();
  });
  options.onReady?.(() => {
    // Asked during a pass: one more pass right after it, so nothing waits for the next tick.
    if (running) again = true;
    else void pass();
  });
  await pass();
  await new Promise<void>((done) => {
    if (dispatcher.stop.aborted) return done();
    dispatcher.stop.addEventListener('abort', () => done(), { once: true });
  });
  await task.stop();
  await task.destroy();
  await running;
}
