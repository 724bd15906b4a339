import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Pcm, readWav, writeWav } from './pcm.js';
import type { SpeechEngine, SpeechRequest } from './speech-engine.js';

/** The cache key of an utterance: SHA-256 of (normalised text, voice, rate, engine version). */
export function synthesisKey(engine: SpeechEngine, request: SpeechRequest): string {
  return createHash('sha256')
    .update(JSON.stringify([request.text, request.voice, request.rate ?? null, engine.version]))
    .digest('hex');
}

/** What the cache did, for the progress line and the benchmark. */
export interface CacheStats {
  hits: number;
  misses: number;
}

/**
 * An engine wrapped by a file cache (`<dir>/<key>.wav`): an unchanged story is not spoken
 * again. A file is written under a temporary name and renamed, so a crash leaves no half file.
 */
export function cachedEngine(engine: SpeechEngine, dir: string, stats: CacheStats): SpeechEngine {
  return {
    kind: engine.kind,
    version: engine.version,
    async synthesise(request: SpeechRequest): Promise<Pcm> {
      const file = join(dir, `${synthesisKey(engine, request)}.wav`);
      try {
        const pcm = readWav(await readFile(file), file);
        stats.hits++;
        return pcm;
      } catch {
        // not cached (or unreadable): speak it again
      }
      const pcm = await engine.synthesise(request);
      stats.misses++;
      await mkdir(dir, { recursive: true });
      const part = `${file}.${process.pid}.part`;
      await writeFile(part, writeWav(pcm));
      await rename(part, file);
      return pcm;
    },
  };
}
