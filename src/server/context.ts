import type { BroadcastContext } from '../app/broadcast/service-context.js';
import type { QueueContext } from '../app/queue.js';
import type { Session } from '../app/session.js';
import type { AuthUser } from '../auth/roles.js';
import { projectDirs } from '../config/project.js';
import type { Clock } from '../model/clock.js';

/** One structured access-log record: never a token, never a body. */
export interface AccessRecord {
  at: string;
  method: string;
  path: string;
  status: number;
  ms: number;
  user?: string;
  /** The catalogue code of a refusal (401, 403, 413…), when the request was refused. */
  refused?: string;
}

/** What the server works on: the open session (shared with the dispatcher), a clock, a log. */
export interface ServerContext {
  session: Session;
  clock: Clock;
  /** Receives one record per request. */
  log(record: AccessRecord): void;
  /** Largest request body in bytes (default 1 MiB; uploads up to `maxUploadBytes`). */
  maxBodyBytes?: number;
  /** Largest evidence upload in bytes (default 20 MiB). */
  maxUploadBytes?: number;
}

/** Hono's per-request variables. */
export interface ServerEnv {
  Variables: {
    user: AuthUser | undefined;
    /** The session's CSRF token for forms (pages only). */
    csrf: string | undefined;
    refused: string | undefined;
    /** The names of the administrators, for refusals that say whom to ask. */
    administrators: (() => Promise<string[]>) | undefined;
  };
}

/** The queue context of a request: the user is the actor, now is the clock's. */
export function queueContext(ctx: ServerContext, user: AuthUser): QueueContext {
  const { store, config } = ctx.session;
  return { store, config, now: ctx.clock.now(), actor: user.name };
}

/** The broadcast context of a request. */
export function broadcastContext(ctx: ServerContext, user: AuthUser): BroadcastContext {
  const { session } = ctx;
  return {
    store: session.store,
    plans: session.project.plans.map((p) => p.value),
    planning: session.config,
    contentDir: projectDirs(session.project.root).content,
    now: ctx.clock.now(),
    actor: user.name,
  };
}
