import { Mp3Encoder } from '@breezystack/lamejs';
import { type Pcm, toInt16 } from './pcm.js';

/** Sample rates an MP3 (MPEG-1/2 layer III) can carry. */
export const MP3_RATES = [8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000] as const;

/**
 * Mono PCM as a constant-bit-rate MP3 (pure JavaScript LAME port: no native code). CBR keeps
 * the duration that players compute from the file size exact.
 */
export function encodeMp3(pcm: Pcm, kbps: number): Uint8Array {
  const encoder = new Mp3Encoder(1, pcm.sampleRate, kbps);
  const samples = toInt16(pcm.samples);
  const chunks: Uint8Array[] = [];
  const frame = 1152 * 8;
  for (let at = 0; at < samples.length; at += frame) {
    const chunk = encoder.encodeBuffer(samples.subarray(at, at + frame));
    if (chunk.length > 0) chunks.push(new Uint8Array(chunk));
  }
  const tail = encoder.flush();
  if (tail.length > 0) chunks.push(new Uint8Array(tail));
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
