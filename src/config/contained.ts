import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Whether `path` is `root` or lies under it (both absolute, compared as written). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

function real(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Where a relative path under `root` leads, or undefined when it leaves `root`: by its name
 * (`../x`, `/etc/x`) or, once symbolic links are followed, by its real path (a link of the
 * file, or of a folder on the way, to anything outside). A path that does not exist yet is
 * judged by its name and returned as written.
 */
export function resolveInside(root: string, path: string): string | undefined {
  const base = resolve(root);
  const full = resolve(base, path);
  if (isAbsolute(path) || /^[a-zA-Z]:/.test(path) || !isInside(base, full)) return undefined;
  const target = real(full);
  if (target === undefined) return full;
  return isInside(real(base) ?? base, target) ? target : undefined;
}
