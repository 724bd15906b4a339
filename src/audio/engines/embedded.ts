import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { LoaError } from '../../errors/loa-error.js';
import { type Pcm, readWav } from '../pcm.js';
import type { SpeechEngine, SpeechRequest } from '../speech-engine.js';

/** The npm package (eSpeak NG 1.52 compiled to WebAssembly, voices inside) and its version. */
const PACKAGE = 'espeak-ng';
const PACKAGE_VERSION = '1.0.2';

interface EspeakModule {
  FS: {
    writeFile(path: string, data: string | Uint8Array): void;
    readFile(path: string): Uint8Array;
  };
}
type EspeakFactory = (options: Record<string, unknown>) => Promise<EspeakModule>;

/** The few WebAssembly calls used here (tsconfig has no DOM library to type them). */
interface WasmApi {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: object): Promise<object>;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let compiled: Promise<{ factory: EspeakFactory; module: object }> | undefined;

/** Loads and compiles the 18 MB WebAssembly once per process; each utterance instantiates it. */
function load() {
  compiled ??= (async () => {
    const require = createRequire(import.meta.url);
    const main = require.resolve(PACKAGE);
    const wasm = await readFile(main.replace(/espeak-ng\.js$/, 'espeak-ng.wasm'));
    const module = await wasmApi.compile(wasm);
    const factory = ((await import(PACKAGE)) as { default: EspeakFactory }).default;
    return { factory, module };
  })();
  return compiled;
}

/**
 * eSpeak NG's voices, run in-process from WebAssembly: works after `npm ci` with no system
 * package, offline. Each request runs the program once on a fresh instance (its state is not
 * reentrant), reading the text from a file in its memory and writing a WAV there.
 */
export function embeddedEngine(): SpeechEngine {
  return {
    kind: 'embedded',
    version: `${PACKAGE}@${PACKAGE_VERSION}`,
    async synthesise(request: SpeechRequest): Promise<Pcm> {
      const { factory, module } = await load();
      const errors: string[] = [];
      const args = ['-v', request.voice, '-w', '/out.wav', '-f', '/in.txt'];
      if (request.rate) args.push('-s', String(request.rate));
      let status = 0;
      const instance = await factory({
        arguments: args,
        print: () => {},
        printErr: (line: string) => errors.push(line),
        // NOTE: by default Emscripten sets process.exitCode from the program's status.
        quit: (code: number) => {
          status = code;
        },
        preRun: [(m: EspeakModule) => m.FS.writeFile('/in.txt', request.text)],
        instantiateWasm: (imports: object, receive: (instance: object, module: object) => void) => {
          wasmApi.instantiate(module, imports).then((i) => receive(i, module));
          return {};
        },
      });
      let bytes: Uint8Array;
      try {
        bytes = instance.FS.readFile('/out.wav');
      } catch (cause) {
        throw new LoaError('AUDIO_SPEECH_FAILED', {
          params: { engine: 'embedded', reason: errors.join(' ') || `status ${status}` },
          cause,
        });
      }
      const voiceErrors = errors.filter((e) => !e.includes('keepRuntimeAlive'));
      if (bytes.length <= 44 && voiceErrors.length > 0) {
        throw new LoaError('AUDIO_SPEECH_FAILED', {
          params: { engine: 'embedded', reason: voiceErrors.join(' ') },
        });
      }
      return readWav(bytes, 'espeak-ng');
    },
  };
}
