import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { MPEGDecoder } from 'mpg123-decoder';
import { LoaError } from '../errors/loa-error.js';
import { type Pcm, readWav } from './pcm.js';

/** MP3 bytes as mono PCM (mpg123 compiled to WebAssembly), channels mixed down. */
export async function decodeMp3(bytes: Uint8Array, file: string): Promise<Pcm> {
  const decoder = new MPEGDecoder();
  await decoder.ready;
  try {
    const decoded = decoder.decode(bytes);
    if (decoded.samplesDecoded === 0) {
      throw new LoaError('AUDIO_WAV_UNREADABLE', {
        params: { file, reason: 'no MPEG audio frames' },
      });
    }
    const channels = decoded.channelData;
    const samples = new Float32Array(decoded.samplesDecoded);
    for (const channel of channels) {
      for (let i = 0; i < samples.length; i++)
        samples[i] = (samples[i] ?? 0) + (channel[i] ?? 0) / channels.length;
    }
    return { sampleRate: decoded.sampleRate, samples };
  } finally {
    decoder.free();
  }
}

/** Audio formats a jingle or a story's own recording may be in. */
export const AUDIO_EXTENSIONS = ['.wav', '.mp3'] as const;

/** Whether a media file is audio loa can put in a programme. */
export const isAudioFile = (file: string) =>
  (AUDIO_EXTENSIONS as readonly string[]).includes(extname(file).toLowerCase());

/** Reads a WAV or MP3 file as mono PCM; a missing or unreadable file says which and why. */
export async function readAudioFile(path: string, shown: string): Promise<Pcm> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw new LoaError('AUDIO_FILE_MISSING', { params: { file: shown }, cause });
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.mp3') return decodeMp3(new Uint8Array(bytes), shown);
  if (ext === '.wav') return readWav(new Uint8Array(bytes), shown);
  throw new LoaError('AUDIO_WAV_UNREADABLE', {
    params: { file: shown, reason: `${ext} is not WAV or MP3` },
  });
}
