import type { AudioContext, AudioProgress } from '../../app/audio/service-build.js';
import type { Session } from '../../app/session.js';
import type { Clock } from '../../model/clock.js';
import { sessionBroadcastContext } from './rundown-context.js';

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
    ...sessionBroadcastContext(session, clock, options.as),
    root: session.project.root,
    dataDir: session.dataDir,
    env: session.env,
    ...(onProgress ? { onProgress } : {}),
  };
}
