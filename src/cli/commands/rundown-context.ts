import type { BroadcastContext } from '../../app/broadcast/service-context.js';
import { openSession, type Session } from '../../app/session.js';
import { actorName } from '../../app/who-and-when.js';
import { projectDirs } from '../../config/project.js';
import type { Clock } from '../../model/clock.js';

/** Options every `loa rundown` command takes. */
export interface RundownOptions {
  dir?: string;
  as?: string;
  json?: boolean;
  slot?: string;
  force?: boolean;
  reason?: string;
  start?: string;
  duration?: string;
  item?: string;
}

/** The broadcast use cases' context of a session: its store and project, at the clock's now. */
export function sessionBroadcastContext(
  session: Session,
  clock: Clock,
  as: string | undefined,
): BroadcastContext {
  return {
    store: session.store,
    plans: session.project.plans.map((p) => p.value),
    planning: session.config,
    contentDir: projectDirs(session.project.root).content,
    now: clock.now(),
    actor: actorName(as),
  };
}

/**
 * Opens the project and store, and runs `fn` with a rundown context at the clock's now (and
 * the session, for what lies beyond the store: the data folder).
 */
export async function withRundowns<T>(
  options: Pick<RundownOptions, 'dir' | 'as'>,
  clock: Clock,
  fn: (ctx: BroadcastContext, session: Session) => Promise<T>,
): Promise<T> {
  const session = await openSession(options.dir ?? '.');
  try {
    return await fn(sessionBroadcastContext(session, clock, options.as), session);
  } finally {
    await session.store.close();
  }
}
