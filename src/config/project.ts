import { realpathSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { LoaError } from '../errors/loa-error.js';
import { Channel as ChannelSchema } from '../model/channel.js';
import type { ContentItem } from '../model/item.js';
import { type Plan, Plan as PlanSchema } from '../model/plan.js';
import { crossCheck } from './cross-check.js';
import type { Diagnostic } from './diagnostic.js';
import { type LoadResult, type Located, loadYamlFile } from './load-file.js';
import { parseItem } from './parse-item.js';
import type { Project, ProjectDirs } from './project-types.js';
import { readSource } from './source.js';

export interface LoadProjectOptions {
  /** Folder that holds schedules/, channels/ and content/. */
  root?: string;
  /** Environment, for checking that channel credentials are set. */
  env?: NodeJS.ProcessEnv;
  /** How many files are read at once. */
  concurrency?: number;
}

/** Folders of a project root. */
export function projectDirs(root: string): ProjectDirs {
  return {
    schedules: join(root, 'schedules'),
    channels: join(root, 'channels'),
    content: join(root, 'content'),
  };
}

/**
 * The files of a folder whose names match, and the symbolic links among them whose real
 * path leaves the folder (refused: a link must not make loa read a file from elsewhere). A
 * link that stays inside is read like a file.
 */
async function listFiles(
  dir: string,
  pattern: RegExp,
  recursive: boolean,
): Promise<{ files: string[]; outside: string[] }> {
  try {
    const entries = await readdir(dir, { recursive, withFileTypes: true });
    const files: string[] = [];
    const outside: string[] = [];
    const root = realpathSync(dir);
    for (const e of entries) {
      if (!pattern.test(e.name) || !(e.isFile() || e.isSymbolicLink())) continue;
      const path = join(e.parentPath, e.name);
      if (e.isFile()) {
        files.push(path);
        continue;
      }
      let real: string | undefined;
      try {
        real = realpathSync(path);
      } catch {
        real = undefined;
      }
      const rel = real === undefined ? '..' : relative(root, real);
      if (isAbsolute(rel) || rel === '..' || rel.startsWith(`..${sep}`)) outside.push(path);
      else files.push(path);
    }
    return { files: files.sort(), outside: outside.sort() };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { files: [], outside: [] };
    throw error;
  }
}

async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      out[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function collect<T>(results: LoadResult<T>[], into: Located<T>[], diagnostics: Diagnostic[]): void {
  for (const result of results) {
    if (result.ok) {
      into.push(result.located);
      diagnostics.push(...result.warnings);
    } else {
      diagnostics.push(...result.diagnostics);
    }
  }
}

/**
 * A project folder must exist and hold at least one of schedules/, channels/, content/: a
 * mistyped `--dir` is an error, never a silent "0 errors".
 */
function requireProjectFolder(given: string, root: string, dirs: ReturnType<typeof projectDirs>) {
  if (!isDirectory(root)) throw new LoaError('PROJECT_DIR_MISSING', { params: { dir: given } });
  if (![dirs.schedules, dirs.channels, dirs.content].some(isDirectory)) {
    throw new LoaError('PROJECT_DIR_NOT_PROJECT', { params: { dir: given } });
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Reads and validates plans, channels and content items under a root. Throws only for a
 * folder that is missing or not a project; never for bad files: every problem of every file becomes a diagnostic, and cross-references are checked
 * among the files that parsed.
 */
export async function loadProject(options: LoadProjectOptions = {}): Promise<Project> {
  const root = resolve(options.root ?? '.');
  const dirs = projectDirs(root);
  requireProjectFolder(options.root ?? '.', root, dirs);
  const limit = options.concurrency ?? 64;
  const shown = (path: string) => relative(process.cwd(), path) || path;

  const listed = await Promise.all([
    listFiles(dirs.schedules, /\.ya?ml$/i, false),
    listFiles(dirs.channels, /\.ya?ml$/i, false),
    listFiles(dirs.content, /\.md$/i, true),
  ]);
  const [planFiles, channelFiles, itemFiles] = listed.map((l) => l.files) as [
    string[],
    string[],
    string[],
  ];

  const project: Project = { root, plans: [], channels: [], items: [], diagnostics: [] };
  for (const link of listed.flatMap((l) => l.outside)) {
    project.diagnostics.push({
      severity: 'error',
      code: 'FILE_LINK_OUTSIDE',
      params: {},
      file: shown(link),
      line: 1,
      column: 1,
    });
  }
  const [plans, channels, items] = await Promise.all([
    mapLimit(planFiles, limit, (p) => loadYamlFile(PlanSchema, p, shown(p))),
    mapLimit(channelFiles, limit, (p) => loadYamlFile(ChannelSchema, p, shown(p))),
    mapLimit(itemFiles, limit, async (p): Promise<LoadResult<ContentItem>> => {
      const text = readSource(p, shown(p));
      if (Array.isArray(text)) return { ok: false, diagnostics: text };
      return parseItem(text, relative(dirs.content, p));
    }),
  ]);
  collect(plans, project.plans, project.diagnostics);
  collect(channels, project.channels, project.diagnostics);
  collect(items, project.items, project.diagnostics);
  project.diagnostics.push(...(await crossCheck(project, options.env ?? process.env)));
  return project;
}

/** True when the project has no error (warnings allowed). */
export function isValid(project: Project): boolean {
  return project.diagnostics.every((d) => d.severity !== 'error');
}

/** Loads the project, refusing to go on when the configuration has errors. */
export async function loadValidProject(dir = '.'): Promise<Project> {
  const project = await loadProject({ root: dir });
  if (!isValid(project)) {
    const count = project.diagnostics.filter((d) => d.severity === 'error').length;
    throw new LoaError('CONFIG_INVALID', { params: { count } });
  }
  return project;
}

/** Finds a plan by id, or throws PLAN_NOT_FOUND naming the known ones. */
export function findPlan(project: Project, id: string): Plan {
  const plan = project.plans.find((p) => p.value.id === id)?.value;
  if (!plan) {
    const known = project.plans.map((p) => p.value.id).join(', ');
    throw new LoaError('PLAN_NOT_FOUND', { params: { id, known } });
  }
  return plan;
}
