import { LoaError } from '../errors/loa-error.js';

/** Mono audio as 32-bit float samples in [-1, 1]. */
export interface Pcm {
  sampleRate: number;
  samples: Float32Array;
}

/** The length of a PCM buffer in seconds. */
export const durationOf = (pcm: Pcm): number => pcm.samples.length / pcm.sampleRate;

/** Silence of a given length. */
export function silence(seconds: number, sampleRate: number): Pcm {
  return { sampleRate, samples: new Float32Array(Math.max(0, Math.round(seconds * sampleRate))) };
}

/** Buffers of one sample rate, one after the other. */
export function concat(parts: readonly Pcm[], sampleRate: number): Pcm {
  const total = parts.reduce((n, p) => n + p.samples.length, 0);
  const samples = new Float32Array(total);
  let at = 0;
  for (const part of parts) {
    samples.set(part.samples, at);
    at += part.samples.length;
  }
  return { sampleRate, samples };
}

/**
 * The buffer at another sample rate. Upsampling interpolates linearly; downsampling first
 * averages over the ratio (a box low-pass), enough for speech and jingles on loudspeakers.
 */
export function resample(pcm: Pcm, sampleRate: number): Pcm {
  if (pcm.sampleRate === sampleRate) return pcm;
  const ratio = pcm.sampleRate / sampleRate;
  const length = Math.floor(pcm.samples.length / ratio);
  const out = new Float32Array(length);
  const src = pcm.samples;
  const last = src.length - 1;
  if (ratio <= 1) {
    for (let i = 0; i < length; i++) {
      const x = i * ratio;
      const i0 = Math.floor(x);
      const f = x - i0;
      const a = src[i0] ?? 0;
      const b = src[Math.min(i0 + 1, last)] ?? 0;
      out[i] = a + (b - a) * f;
    }
  } else {
    for (let i = 0; i < length; i++) {
      const from = Math.floor(i * ratio);
      const to = Math.min(src.length, Math.max(from + 1, Math.floor((i + 1) * ratio)));
      let sum = 0;
      for (let j = from; j < to; j++) sum += src[j] ?? 0;
      out[i] = sum / (to - from);
    }
  }
  return { sampleRate, samples: out };
}

function badWav(file: string, reason: string): LoaError {
  return new LoaError('AUDIO_WAV_UNREADABLE', { params: { file, reason } });
}

/**
 * A RIFF/WAVE file as mono PCM: integer PCM of 8, 16, 24 or 32 bits or 32-bit float, any
 * sample rate, channels mixed down. `file` names it in errors.
 */
export function readWav(bytes: Uint8Array, file: string): Pcm {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') {
    throw badWav(file, 'not a RIFF/WAVE file');
  }
  let format = 0;
  let channels = 0;
  let sampleRate = 0;
  let bits = 0;
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = tag(at);
    // NOTE: streaming writers (eSpeak among them) leave the data size at 0 or 0xFFFFFFFF.
    let size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      format = view.getUint16(body, true);
      channels = view.getUint16(body + 2, true);
      sampleRate = view.getUint32(body + 4, true);
      bits = view.getUint16(body + 14, true);
      if (format === 0xfffe && size >= 26) format = view.getUint16(body + 24, true);
    } else if (id === 'data') {
      if (size === 0 || size === 0xffffffff || body + size > bytes.length)
        size = bytes.length - body;
      if (channels < 1 || sampleRate < 1) throw badWav(file, 'the data comes before its format');
      return decodeData(
        bytes.subarray(body, body + size),
        { format, channels, sampleRate, bits },
        file,
      );
    }
    at = body + size + (size % 2);
  }
  throw badWav(file, 'no audio data');
}

function decodeData(
  data: Uint8Array,
  fmt: { format: number; channels: number; sampleRate: number; bits: number },
  file: string,
): Pcm {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const width = fmt.bits / 8;
  const frame = width * fmt.channels;
  const frames = Math.floor(data.length / frame);
  const read = sampleReader(view, fmt.format, fmt.bits, file);
  const samples = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < fmt.channels; c++) sum += read(i * frame + c * width);
    samples[i] = sum / fmt.channels;
  }
  return { sampleRate: fmt.sampleRate, samples };
}

function sampleReader(view: DataView, format: number, bits: number, file: string) {
  if (format === 3 && bits === 32) return (at: number) => view.getFloat32(at, true);
  if (format !== 1) throw badWav(file, `encoding ${format} is not PCM (use 16-bit PCM WAV)`);
  switch (bits) {
    case 8:
      return (at: number) => (view.getUint8(at) - 128) / 128;
    case 16:
      return (at: number) => view.getInt16(at, true) / 32768;
    case 24:
      return (at: number) =>
        (view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16)) / 8388608;
    case 32:
      return (at: number) => view.getInt32(at, true) / 2147483648;
    default:
      throw badWav(file, `${bits}-bit samples are not supported`);
  }
}

/** Float samples as 16-bit integers, clipped. */
export function toInt16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i] ?? 0));
    out[i] = s < 0 ? Math.round(s * 32768) : Math.round(s * 32767);
  }
  return out;
}

/** Mono PCM as a 16-bit RIFF/WAVE file. */
export function writeWav(pcm: Pcm): Uint8Array {
  const data = toInt16(pcm.samples);
  const bytes = new Uint8Array(44 + data.byteLength);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) bytes[at + i] = s.charCodeAt(i);
  };
  text(0, 'RIFF');
  view.setUint32(4, 36 + data.byteLength, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, pcm.sampleRate, true);
  view.setUint32(28, pcm.sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, data.byteLength, true);
  bytes.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), 44);
  return bytes;
}
