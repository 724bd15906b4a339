import { createHash } from 'node:crypto';
import { decodeMp3 } from './decode.js';
import { integratedLoudness, limit, normaliseLoudness, samplePeakDb } from './loudness.js';
import { encodeMp3 } from './mp3.js';
import { durationOf, type Pcm, writeWav } from './pcm.js';

/** How a programme is finished. */
export interface MasterSettings {
  targetLufs: number;
  bitrateKbps: number;
  wav: boolean;
  /** Sample peak ceiling, dBFS. */
  ceilingDb?: number;
}

/** The finished programme: its files and what they measure. */
export interface MasteredProgramme {
  mp3: Uint8Array;
  wav?: Uint8Array;
  /** SHA-256 of the MP3, hex: what the playout schedule and the as-run evidence carry. */
  sha256: string;
  durationSec: number;
  /** Integrated loudness of the MP3 as decoded again. */
  loudnessLufs: number;
  peakDb: number;
}

/**
 * Normalises a programme to the loudness target, encodes it to MP3, decodes the MP3 again and
 * measures it: lossy coding moves the level (by about half a LU on synthetic speech), so when
 * the file is off by more than 0.2 LU the gain is corrected once and the MP3 encoded again.
 * The figures recorded are the ones measured on the MP3 itself; the WAV is the PCM at the target.
 */
export async function masterProgramme(
  pcm: Pcm,
  settings: MasterSettings,
): Promise<MasteredProgramme> {
  const ceiling = settings.ceilingDb ?? -1;
  let normalised = normaliseLoudness(pcm, settings.targetLufs, ceiling).pcm;
  const wav = settings.wav ? writeWav(normalised) : undefined;
  let mp3 = encodeMp3(normalised, settings.bitrateKbps);
  let decoded = await decodeMp3(mp3, 'programme.mp3');
  let level = integratedLoudness(decoded);
  const off = settings.targetLufs - level;
  if (Number.isFinite(level) && Math.abs(off) > 0.2) {
    const gain = 10 ** (off / 20);
    normalised = limit(
      { sampleRate: normalised.sampleRate, samples: normalised.samples.map((s) => s * gain) },
      ceiling,
    );
    mp3 = encodeMp3(normalised, settings.bitrateKbps);
    decoded = await decodeMp3(mp3, 'programme.mp3');
    level = integratedLoudness(decoded);
  }
  return {
    mp3,
    ...(wav ? { wav } : {}),
    sha256: createHash('sha256').update(mp3).digest('hex'),
    // NOTE: the MP3's own length (encoder delay and padding included), as players report it.
    durationSec: Math.round(durationOf(decoded) * 1000) / 1000,
    loudnessLufs: Math.round(level * 10) / 10,
    peakDb: Math.round(samplePeakDb(decoded) * 10) / 10,
  };
}
