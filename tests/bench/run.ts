import { readdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BenchFigure, printFigure } from './report.js';

/**
 * Runs every `*.bench.js` beside this file (or those named on the command line), each of
 * which exports `run(): Promise<BenchFigure[]>`, and prints each figure beside its baseline.
 */
const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = (await readdir(here))
  .filter((f) => f.endsWith('.bench.js'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();
let missed = 0;
for (const file of files) {
  console.log(`\n== ${file.replace(/\.bench\.js$/, '')}`);
  const mod = (await import(pathToFileURL(`${here}/${file}`).href)) as {
    run: () => Promise<BenchFigure[]>;
  };
  for (const figure of await mod.run()) {
    printFigure(figure);
    if (!figure.met) missed += 1;
  }
}
console.log(`\n${files.length} benchmark files, ${missed} goals missed`);
