import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');

/** What only src/store may say: engine names, engine-specific SQL, the store's engine. */
const ENGINE_WORDS = [
  /'postgres'|'sqlite'/,
  /\bstrpos\(|\binstr\(|group_concat|string_agg|pg_advisory/,
  /\bstore\.engine\b|\.store\.engine\b/,
  /store\/migrations\.js/,
];

async function sources(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await sources(path)));
    else if (entry.name.endsWith('.ts')) found.push(path);
  }
  return found;
}

describe('the store keeps its engine behind one door', () => {
  it('names no engine and writes no engine-specific SQL outside src/store', async () => {
    const offending: string[] = [];
    for (const file of await sources(SRC)) {
      const name = relative(SRC, file);
      if (name.startsWith('store/')) continue;
      const lines = (await readFile(file, 'utf8')).split('\n');
      lines.forEach((line, i) => {
        if (ENGINE_WORDS.some((word) => word.test(line))) {
          offending.push(`src/${name}:${i + 1}: ${line.trim()}`);
        }
      });
    }
    expect(offending).toEqual([]);
  });
});
