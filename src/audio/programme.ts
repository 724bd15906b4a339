import { durationOf, type Pcm, silence } from './pcm.js';

/** Sample rate of programmes: eSpeak's own, and more than horn loudspeakers reproduce. */
export const PROGRAMME_RATE = 22050;

/** One story of the programme, spoken or recorded. */
export interface StoryAudio {
  slug: string;
  pcm: Pcm;
}

/** Where each part sits in the programme, in seconds from its start. */
export interface ProgrammeLayout {
  pcm: Pcm;
  /** Intro jingle and the pause after it. */
  openingSec: number;
  /** Each story with the pause after it (none after the last when there is no outro). */
  stories: { slug: string; startSec: number; durationSec: number }[];
  /** The outro jingle. */
  closingSec: number;
}

/**
 * Trims leading and trailing near-silence (below −50 dBFS) of a spoken or recorded part, so
 * that the pauses between parts are exactly the configured ones.
 */
export function trimSilence(pcm: Pcm, thresholdDb = -50): Pcm {
  const threshold = 10 ** (thresholdDb / 20);
  const s = pcm.samples;
  let from = 0;
  while (from < s.length && Math.abs(s[from] ?? 0) < threshold) from++;
  let to = s.length;
  while (to > from && Math.abs(s[to - 1] ?? 0) < threshold) to--;
  return { sampleRate: pcm.sampleRate, samples: s.subarray(from, to) };
}

/**
 * Lays the programme out: intro jingle, pause, each story followed by a pause, outro jingle.
 * All parts must already be at the programme's sample rate.
 */
export function layOut(
  parts: { intro?: Pcm; stories: readonly StoryAudio[]; outro?: Pcm },
  pauseSec: number,
  sampleRate: number,
): ProgrammeLayout {
  const pause = silence(pauseSec, sampleRate);
  const pieces: Pcm[] = [];
  let at = 0;
  const add = (pcm: Pcm) => {
    pieces.push(pcm);
    at += pcm.samples.length;
  };
  if (parts.intro) {
    add(parts.intro);
    if (parts.stories.length > 0) add(pause);
  }
  const openingSec = at / sampleRate;
  const stories = parts.stories.map((story, i) => {
    const start = at;
    add(story.pcm);
    if (i < parts.stories.length - 1 || parts.outro) add(pause);
    return {
      slug: story.slug,
      startSec: start / sampleRate,
      durationSec: (at - start) / sampleRate,
    };
  });
  const beforeOutro = at;
  if (parts.outro) add(parts.outro);
  const samples = new Float32Array(at);
  let offset = 0;
  for (const p of pieces) {
    samples.set(p.samples, offset);
    offset += p.samples.length;
  }
  return {
    pcm: { sampleRate, samples },
    openingSec,
    stories,
    closingSec: (at - beforeOutro) / sampleRate,
  };
}

/**
 * Whole seconds for the rundown from the exact layout, rounded on the running total so that
 * opening + stories + closing add up to the programme's rounded length (never drifting by the
 * sum of each part's rounding).
 */
export function roundedTimings(layout: ProgrammeLayout): {
  openingSec: number;
  stories: Map<string, number>;
  closingSec: number;
} {
  const total = durationOf(layout.pcm);
  const openingSec = Math.round(layout.openingSec);
  const stories = new Map<string, number>();
  let previous = openingSec;
  for (const story of layout.stories) {
    const end = Math.round(story.startSec + story.durationSec);
    stories.set(story.slug, end - previous);
    previous = end;
  }
  return { openingSec, stories, closingSec: Math.round(total) - previous };
}
