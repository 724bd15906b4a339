import { lstatSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Whether `path` is `root` or lies under it (both absolute, compared as written). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

/**
 * Whether a name is there (a link counts, even one that leads nowhere). Absent when it, or a
 * folder on the way, does not exist or is a file; any other failure counts as there.
 */
function present(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code !== 'ENOENT' && code !== 'ENOTDIR';
  }
}

/**
 * Where an absolute path really leads: its real path when it exists; when it does not exist
 * yet, the real path of its nearest existing ancestor with the rest appended (so a missing
 * folder under a symbolic link is judged where the link goes). Undefined when a link on the
 * way leads nowhere (a dangling link could be made to point anywhere later).
 */
export function realPathOf(path: string): string | undefined {
  let existing = path;
  const rest: string[] = [];
  for (;;) {
    try {
      return join(realpathSync(existing), ...rest);
    } catch {
      // A name that exists but cannot be resolved is a dangling (or looping) link.
      if (present(existing)) return undefined;
      const parent = dirname(existing);
      if (parent === existing) return undefined;
      rest.unshift(basename(existing));
      existing = parent;
    }
  }
}

/**
 * Where a relative path under `root` leads, or undefined when it leaves `root`: by its name
 * (`../x`, `/etc/x`) or, once symbolic links are followed, by its real path (a link of the
 * file, or of a folder on the way, to anything outside). A path that does not exist yet is
 * judged by the real path of its nearest existing ancestor, and returned as written.
 */
export function resolveInside(root: string, path: string): string | undefined {
  const base = resolve(root);
  const full = resolve(base, path);
  if (isAbsolute(path) || /^[a-zA-Z]:/.test(path) || !isInside(base, full)) return undefined;
  const target = realPathOf(full);
  const realBase = realPathOf(base) ?? base;
  if (target === undefined || !isInside(realBase, target)) return undefined;
  return present(full) ? target : full;
}
