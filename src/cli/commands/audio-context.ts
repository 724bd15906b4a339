import type { AudioContext, AudioProgress } from '../../app/audio/service-build.js';
import type { Session } from '../../app/session.js';
import { actorName } from '../../app/who-and-when.js';
import { projectDirs } from '../../config/project.js';
import type { Clock } from '../../model/clock.js';

/** Options of `loa audio` commands. */
export interface AudioOptions {
  dir?: string;
  as?: string;
  json?: boolean;
  force?: boolean;
}

/** The audio use cases' context: the session's store, project and data folder, at the clock. */
export function audioContext(
  session: Session,
  clock: Clock,
  options: Pick<AudioOptions, 'as'>,
  onProgress?: (p: AudioProgress) => void,
): AudioContext {
  return {
    store: session.store,
    plans: session.project.plans.map((p) => p.value),
    planning: session.config,
    contentDir: projectDirs(session.project.root).content,
    now: clock.now(),
    actor: actorName(options.as),
    root: session.project.root,
    dataDir: session.dataDir,
    env: session.env,
    ...(onProgress ? { onProgress } : {}),
  };
}
