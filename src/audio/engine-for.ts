import type { AudioSettings } from '../model/channel.js';
import { commandEngine } from './engines/command.js';
import { embeddedEngine } from './engines/embedded.js';
import { httpEngine } from './engines/http.js';
import type { SpeechEngine } from './speech-engine.js';

/** The engine a channel's audio settings name; `root` is where a command runs. */
export function engineFor(
  settings: AudioSettings,
  root: string,
  env: NodeJS.ProcessEnv,
): SpeechEngine {
  const engine = settings.engine;
  switch (engine.kind) {
    case 'command':
      return commandEngine({ ...engine, cwd: root });
    case 'http': {
      const token = engine.tokenEnv ? env[engine.tokenEnv] : undefined;
      return httpEngine({ ...engine, ...(token ? { token } : {}) });
    }
    default:
      return embeddedEngine();
  }
}
