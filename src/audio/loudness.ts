import type { Pcm } from './pcm.js';

/** Biquad coefficients, a0 normalised to 1. */
interface Biquad {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

/**
 * The K-weighting filter of ITU-R BS.1770-4 at any sample rate: the high shelf (stage 1) and
 * the high pass (stage 2), from their analogue prototypes (the same derivation as libebur128),
 * so that 48 kHz gives the coefficients printed in the standard.
 */
function kWeighting(rate: number): [Biquad, Biquad] {
  let f0 = 1681.974450955533;
  const gain = 3.999843853973347;
  let q = 0.7071752369554196;
  let k = Math.tan((Math.PI * f0) / rate);
  const vh = 10 ** (gain / 20);
  const vb = vh ** 0.4996667741545416;
  let a0 = 1 + k / q + k * k;
  const shelf: Biquad = {
    b0: (vh + (vb * k) / q + k * k) / a0,
    b1: (2 * (k * k - vh)) / a0,
    b2: (vh - (vb * k) / q + k * k) / a0,
    a1: (2 * (k * k - 1)) / a0,
    a2: (1 - k / q + k * k) / a0,
  };
  f0 = 38.13547087602444;
  q = 0.5003270373238773;
  k = Math.tan((Math.PI * f0) / rate);
  a0 = 1 + k / q + k * k;
  const highPass: Biquad = {
    b0: 1,
    b1: -2,
    b2: 1,
    a1: (2 * (k * k - 1)) / a0,
    a2: (1 - k / q + k * k) / a0,
  };
  return [shelf, highPass];
}

/** A second-order Butterworth low-pass (RBJ cookbook, Q = 1/√2). */
function lowPassBiquad(cutoff: number, rate: number): Biquad {
  const w = (2 * Math.PI * cutoff) / rate;
  const alpha = Math.sin(w) / (2 * Math.SQRT1_2);
  const cos = Math.cos(w);
  const a0 = 1 + alpha;
  return {
    b0: (1 - cos) / 2 / a0,
    b1: (1 - cos) / a0,
    b2: (1 - cos) / 2 / a0,
    a1: (-2 * cos) / a0,
    a2: (1 - alpha) / a0,
  };
}

/**
 * Removes what lies above a cutoff (4th order). Loudspeaker horns carry little above 7 kHz,
 * and an MP3 encoder would drop it anyway: filtering before loudness normalisation keeps the
 * level measured on the PCM the level of the encoded file.
 */
export function lowPass(pcm: Pcm, cutoff: number): Pcm {
  if (cutoff >= pcm.sampleRate / 2) return pcm;
  const f = lowPassBiquad(cutoff, pcm.sampleRate);
  const once = Float32Array.from(filter(pcm.samples, f));
  return { sampleRate: pcm.sampleRate, samples: Float32Array.from(filter(once, f)) };
}

function filter(input: Float32Array, f: Biquad): Float64Array {
  const out = new Float64Array(input.length);
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  for (let i = 0; i < input.length; i++) {
    const x = input[i] ?? 0;
    const y = f.b0 * x + f.b1 * x1 + f.b2 * x2 - f.a1 * y1 - f.a2 * y2;
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
    out[i] = y;
  }
  return out;
}

const ABSOLUTE_GATE = -70;
const toLufs = (power: number) => -0.691 + 10 * Math.log10(power);

/**
 * Integrated loudness (LUFS) of mono audio by EBU R128 / ITU-R BS.1770-4: K-weighted mean
 * square over 400 ms blocks every 100 ms, gated at −70 LUFS and then 10 LU below the mean.
 * −Infinity for silence or audio shorter than one block.
 */
export function integratedLoudness(pcm: Pcm): number {
  const [shelf, highPass] = kWeighting(pcm.sampleRate);
  const weighted = filter(Float32Array.from(filter(pcm.samples, shelf)), highPass);
  const block = Math.round(0.4 * pcm.sampleRate);
  const step = Math.round(0.1 * pcm.sampleRate);
  // Running sum of squares, so each block costs O(1).
  const cumulative = new Float64Array(weighted.length + 1);
  for (let i = 0; i < weighted.length; i++) {
    const w = weighted[i] ?? 0;
    cumulative[i + 1] = (cumulative[i] ?? 0) + w * w;
  }
  const powers: number[] = [];
  for (let start = 0; start + block <= weighted.length; start += step) {
    const power = ((cumulative[start + block] ?? 0) - (cumulative[start] ?? 0)) / block;
    if (power > 0 && toLufs(power) > ABSOLUTE_GATE) powers.push(power);
  }
  if (powers.length === 0) return Number.NEGATIVE_INFINITY;
  const mean = powers.reduce((a, b) => a + b, 0) / powers.length;
  const relative = toLufs(mean) - 10;
  const gated = powers.filter((p) => toLufs(p) > relative);
  return toLufs(gated.reduce((a, b) => a + b, 0) / gated.length);
}

/** The largest absolute sample value, in dBFS. */
export function samplePeakDb(pcm: Pcm): number {
  let peak = 0;
  for (const s of pcm.samples) peak = Math.max(peak, Math.abs(s));
  return 20 * Math.log10(peak || 1e-10);
}

/**
 * A peak limiter: gain drops instantly (with 5 ms look-ahead) where a sample would exceed the
 * ceiling and recovers over 100 ms, so loud syllables are held under it without clipping.
 */
export function limit(pcm: Pcm, ceilingDb: number): Pcm {
  const ceiling = 10 ** (ceilingDb / 20);
  const n = pcm.samples.length;
  const lookAhead = Math.max(1, Math.round(0.005 * pcm.sampleRate));
  const needed = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const a = Math.abs(pcm.samples[i] ?? 0);
    needed[i] = a > ceiling ? ceiling / a : 1;
  }
  const release = 1 - Math.exp(-1 / (0.1 * pcm.sampleRate));
  const out = new Float32Array(n);
  let gain = 1;
  // Minimum of the needed gain over the look-ahead window (monotonic deque).
  const deque: number[] = [];
  let head = 0;
  for (let i = 0; i < n + lookAhead; i++) {
    if (i < n) {
      while (deque.length > head && (needed[deque[deque.length - 1] ?? 0] ?? 1) >= (needed[i] ?? 1))
        deque.pop();
      deque.push(i);
    }
    const at = i - lookAhead;
    if (at < 0) continue;
    while ((deque[head] ?? n) < at) head++;
    const target = needed[deque[head] ?? at] ?? 1;
    gain = target < gain ? target : gain + (target - gain) * release;
    out[at] = (pcm.samples[at] ?? 0) * Math.min(gain, needed[at] ?? 1);
  }
  return { sampleRate: pcm.sampleRate, samples: out };
}

/** Result of loudness normalisation: the audio and its measured level. */
export interface Normalised {
  pcm: Pcm;
  loudnessLufs: number;
  peakDb: number;
}

/**
 * Brings audio to a target integrated loudness (EBU R128: −16 LUFS for outdoor speakers,
 * −23 for broadcast) with peaks held under −1 dBFS, measuring again after the limiter and
 * correcting until it is within 0.1 LU (at most eight passes).
 */
export function normaliseLoudness(pcm: Pcm, targetLufs: number, ceilingDb = -1): Normalised {
  const source = integratedLoudness(pcm);
  if (!Number.isFinite(source)) return { pcm, loudnessLufs: source, peakDb: samplePeakDb(pcm) };
  let gainDb = targetLufs - source;
  let out = pcm;
  let level = source;
  for (let pass = 0; pass < 8; pass++) {
    const g = 10 ** (gainDb / 20);
    const scaled = { sampleRate: pcm.sampleRate, samples: pcm.samples.map((s) => s * g) };
    out = limit(scaled, ceilingDb);
    level = integratedLoudness(out);
    if (Math.abs(level - targetLufs) <= 0.1) break;
    gainDb += targetLufs - level;
  }
  return { pcm: out, loudnessLufs: level, peakDb: samplePeakDb(out) };
}
