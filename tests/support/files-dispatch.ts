import type { Session } from '../../src/app/session.js';
import { filesAdapter } from '../../src/channels/files/adapter.js';
import type { ChannelAdapter } from '../../src/channels/types.js';
import type { ManualClock } from '../../src/model/clock.js';
import type { DispatcherOptions } from '../../src/scheduler/dispatch/types.js';

/**
 * Dispatcher options for a generated project's session (tests/support/sched-project.ts):
 * its `tep` files channel through the real files adapter (or `adapter` in its place), a
 * fixed jitter, and the session's evidence and follow-up hooks, as `loa run` wires them.
 */
export function filesDispatch(
  session: Session,
  clock: ManualClock,
  adapter?: ChannelAdapter,
): DispatcherOptions {
  const files = () =>
    filesAdapter({
      channel: session.config.channels.get('tep')!,
      env: {},
      dataDir: session.dataDir,
      clock,
    });
  return {
    store: session.store,
    channels: session.config.channels,
    adapters: new Map([['tep', adapter ?? files()]]),
    clock,
    random: () => 0.5,
    onOutcome: session.onOutcome,
    onFollowUp: session.onFollowUp,
  };
}
