import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const created: string[] = [];

// NOTE: registered once when a test file first imports this module (vitest evaluates it per
// file), so folders made inside a test are removed too; an afterAll called inside a running
// test would never run.
afterAll(async () => {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh temporary folder, removed after the test file; optionally a copy of a fixture. */
export async function tempDir(prefix: string, copyFrom?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `loa-${prefix}-`));
  created.push(dir);
  if (copyFrom) await cp(copyFrom, dir, { recursive: true });
  return dir;
}
