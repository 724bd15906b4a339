import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LoaError } from '../../errors/loa-error.js';
import { type Pcm, readWav } from '../pcm.js';
import type { SpeechEngine, SpeechRequest } from '../speech-engine.js';

/** A local program that speaks: argv with placeholders, run without a shell. */
export interface CommandEngineOptions {
  /**
   * The program and its arguments. `{text}` (the text file), `{out}` (the WAV it must write),
   * `{voice}` and `{rate}` are replaced in each argument; the text also arrives on stdin.
   */
  command: readonly string[];
  /** Set by the agency when it changes the voice model: part of the cache key. */
  version: string;
  timeoutSec: number;
  /** Where the command runs (the project's root). */
  cwd: string;
}

/**
 * A command-template engine, e.g. a neural Vietnamese voice installed by the agency
 * (`piper --model vi_VN.onnx --output_file {out}`). The program gets the text on stdin and as
 * a file, must write a WAV file to `{out}` and exit 0 within the timeout; it is killed
 * otherwise and the error says which.
 */
export function commandEngine(options: CommandEngineOptions): SpeechEngine {
  const [program, ...rest] = options.command;
  return {
    kind: 'command',
    version: `command:${options.command.join(' ')}#${options.version}`,
    async synthesise(request: SpeechRequest): Promise<Pcm> {
      const dir = await mkdtemp(join(tmpdir(), 'loa-voice-'));
      try {
        const textFile = join(dir, 'text.txt');
        const out = join(dir, 'out.wav');
        await writeFile(textFile, request.text, 'utf8');
        const fill = (arg: string) =>
          arg
            .replaceAll('{text}', textFile)
            .replaceAll('{out}', out)
            .replaceAll('{voice}', request.voice)
            .replaceAll('{rate}', String(request.rate ?? ''));
        await run(program ?? '', rest.map(fill), request.text, options);
        let bytes: Buffer;
        try {
          bytes = await readFile(out);
        } catch (cause) {
          throw failed(options, 'no WAV file was written to {out}', cause);
        }
        return readWav(bytes, program ?? 'command');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

function failed(options: CommandEngineOptions, reason: string, cause?: unknown): LoaError {
  return new LoaError('AUDIO_SPEECH_FAILED', {
    params: { engine: options.command[0] ?? 'command', reason },
    cause,
  });
}

function run(
  program: string,
  args: string[],
  stdin: string,
  options: CommandEngineOptions,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd: options.cwd, stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new LoaError('AUDIO_SPEECH_TIMEOUT', {
          params: { engine: program, seconds: options.timeoutSec },
        }),
      );
    }, options.timeoutSec * 1000);
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 2000) stderr += chunk.toString('utf8');
    });
    child.on('error', (cause) => {
      clearTimeout(timer);
      reject(failed(options, (cause as Error).message, cause));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(failed(options, `exit ${code}: ${stderr.trim().slice(0, 300)}`));
    });
    child.stdin.on('error', () => {});
    child.stdin.end(stdin, 'utf8');
  });
}
