import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** A fresh temporary folder, removed after the test file; optionally a copy of a fixture. */
export async function tempDir(prefix: string, copyFrom?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `loa-${prefix}-`));
  if (copyFrom) await cp(copyFrom, dir, { recursive: true });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  return dir;
}
