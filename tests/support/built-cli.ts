import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import type { TestProject } from 'vitest/node';

const ROOT = join(import.meta.dirname, '../..');
/** Where the compiled copies live, one folder per state of `src/` (by its hash). */
const CACHE = join(ROOT, 'dist', 'cli-for-tests');

/**
 * Vitest's global setup: compiles `src/` once into `dist/cli-for-tests/<hash>/src` (what
 * `npm run build` emits for it, without type-checking, which `npm test` does before) so that
 * the tests that start the real CLI run `node …/src/cli/bin.js` instead of transpiling every
 * module again in each process (`node --import tsx` costs seconds of CPU per start). A copy
 * for the same sources is reused; its path reaches the tests as `inject('builtCli')`.
 */
export default async function setup(project: TestProject): Promise<void> {
  const files = (await readdir(join(ROOT, 'src'), { recursive: true }))
    .filter((f) => f.endsWith('.ts'))
    .sort();
  const sources = await Promise.all(files.map((f) => readFile(join(ROOT, 'src', f), 'utf8')));
  const hash = createHash('sha256');
  for (const [i, file] of files.entries()) hash.update(`${file}\0${sources[i]}\0`);
  const id = hash.digest('hex').slice(0, 16);
  const out = join(CACHE, id);
  if (!existsSync(join(out, 'src/cli/bin.js'))) {
    const partial = `${out}.${process.pid}.partial`;
    const options = compilerOptions();
    for (const [i, file] of files.entries()) {
      const { outputText } = ts.transpileModule(sources[i] ?? '', {
        compilerOptions: options,
        fileName: join(ROOT, 'src', file),
      });
      const target = join(partial, 'src', file.replace(/\.ts$/, '.js'));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, outputText);
    }
    // Copies of older sources go; a run beside this one that built the same copy first wins.
    for (const old of await readdir(CACHE)) {
      if (old !== id && !old.endsWith('.partial'))
        await rm(join(CACHE, old), { recursive: true, force: true });
    }
    await rename(partial, out).catch(() => rm(partial, { recursive: true, force: true }));
  }
  project.provide('builtCli', relative(ROOT, join(out, 'src/cli/bin.js')));
}

/** tsconfig.json's options, emitting ES modules with inline source maps. */
function compilerOptions(): ts.CompilerOptions {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  // NOTE: ES modules, as `npm run build` emits them under `"type": "module"`: a file
  // transpiled alone cannot see package.json, so NodeNext would fall back to CommonJS.
  return {
    ...config?.options,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    sourceMap: false,
    inlineSourceMap: true,
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The compiled CLI's entry, relative to the repository root (tests/support/built-cli.ts). */
    builtCli: string;
  }
}
