import { LoaError } from '../../errors/loa-error.js';
import { type Pcm, readWav } from '../pcm.js';
import type { SpeechEngine, SpeechRequest } from '../speech-engine.js';

/** A speech service over HTTP. */
export interface HttpEngineOptions {
  url: string;
  /** Part of the cache key: change it when the service's voice changes. */
  version: string;
  timeoutSec: number;
  /** A bearer token (from the environment variable the channel names); never logged. */
  token?: string;
}

/**
 * An HTTP speech endpoint: `POST {url}` with JSON `{ "text", "voice", "rate" }`, answered
 * with a WAV body. A timeout aborts the request; an error status is reported with the
 * service's address and status, never with the token.
 */
export function httpEngine(options: HttpEngineOptions): SpeechEngine {
  const where = new URL(options.url);
  const label = `${where.origin}${where.pathname}`;
  return {
    kind: 'http',
    version: `http:${label}#${options.version}`,
    async synthesise(request: SpeechRequest): Promise<Pcm> {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        accept: 'audio/wav',
      };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ text: request.text, voice: request.voice, rate: request.rate }),
          signal: AbortSignal.timeout(options.timeoutSec * 1000),
        });
      } catch (cause) {
        const timedOut = (cause as Error).name === 'TimeoutError';
        throw timedOut
          ? new LoaError('AUDIO_SPEECH_TIMEOUT', {
              params: { engine: label, seconds: options.timeoutSec },
            })
          : new LoaError('AUDIO_SPEECH_FAILED', {
              params: { engine: label, reason: (cause as Error).message },
            });
      }
      if (!response.ok) {
        throw new LoaError('AUDIO_SPEECH_FAILED', {
          params: { engine: label, reason: `HTTP ${response.status}` },
        });
      }
      return readWav(new Uint8Array(await response.arrayBuffer()), label);
    },
  };
}
