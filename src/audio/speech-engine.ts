import type { Pcm } from './pcm.js';

/** What a voice is asked to say. */
export interface SpeechRequest {
  /** Speakable text (already normalised): words, no digits or abbreviations. */
  text: string;
  /** The engine's voice name, e.g. `vi` for eSpeak NG's Northern Vietnamese. */
  voice: string;
  /** Speaking rate in words per minute, where the engine takes one. */
  rate?: number;
}

/**
 * A speech engine: text in, mono PCM out. The embedded eSpeak NG is the default; a channel
 * may name a command (a neural voice the agency installs) or an HTTP endpoint instead.
 */
export interface SpeechEngine {
  /** The engine's kind: `embedded`, `command` or `http`. */
  readonly kind: string;
  /**
   * What identifies its output: engine, build and settings. Part of the synthesis cache key,
   * so a new engine version never serves audio an older one made.
   */
  readonly version: string;
  synthesise(request: SpeechRequest): Promise<Pcm>;
}
