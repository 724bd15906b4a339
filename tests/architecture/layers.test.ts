import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';

// The layer rules live in one place, the config `depcruise` reads in `npm test`.
const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as {
  forbidden: IForbiddenRuleType[];
};
const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = resolve(ROOT, 'tests/fixtures/architecture');

/** Cruises `<baseDir>/src` with the project's rules; paths in the result start with `src/`. */
async function cruiseSrc(baseDir: string): Promise<ICruiseResult> {
  const tsConfigFile = resolve(ROOT, 'tsconfig.json');
  const result = await cruise(
    ['src'],
    {
      baseDir,
      ruleSet: { forbidden: config.forbidden },
      validate: true,
      tsPreCompilationDeps: true,
      tsConfig: { fileName: tsConfigFile },
      doNotFollow: { path: 'node_modules' },
      exclude: { path: '^dist/' },
    },
    {},
    { tsConfig: extractTSConfig(tsConfigFile) },
  );
  return result.output as ICruiseResult;
}

/** Each violation as `rule: from -> to` (a package as `node_modules/...`, from any base). */
function violations(result: ICruiseResult): string[] {
  return result.summary.violations
    .map((v) => `${v.rule.name}: ${v.from} -> ${v.to.replace(/^(\.\.\/)+/, '')}`)
    .sort();
}

/** The folder right under src/ a module sits in (`src/channels/wordpress/x.ts` -> channels). */
function folderOf(path: string): string | undefined {
  return /^src\/([^/]+)\//.exec(path)?.[1];
}

/** The import graph collapsed to folders under src/: folder -> the folders it imports. */
function folderGraph(result: ICruiseResult): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const module of result.modules) {
    const from = folderOf(module.source);
    if (from === undefined) continue;
    const targets = graph.get(from) ?? new Set<string>();
    graph.set(from, targets);
    for (const dependency of module.dependencies) {
      const to = folderOf(dependency.resolved);
      if (to !== undefined && to !== from) targets.add(to);
    }
  }
  return graph;
}

/** Every cycle of folders, each as `a -> b -> a`, found by a depth-first walk. */
function folderCycles(graph: Map<string, Set<string>>): string[] {
  const cycles = new Set<string>();
  const walk = (path: string[]) => {
    const last = path.at(-1) as string;
    for (const next of graph.get(last) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) {
        const cycle = path.slice(at);
        // One name per cycle whatever folder the walk entered it by: start at the smallest.
        const start = cycle.indexOf([...cycle].sort()[0] as string);
        const turned = [...cycle.slice(start), ...cycle.slice(0, start)];
        cycles.add([...turned, turned[0]].join(' -> '));
      } else {
        walk([...path, next]);
      }
    }
  };
  for (const folder of graph.keys()) walk([folder]);
  return [...cycles].sort();
}

describe('the layers of src/', () => {
  it('has no file cycle, no upward import and no folder outside a layer', async () => {
    const result = await cruiseSrc(ROOT);
    expect(result.summary.totalCruised).toBeGreaterThan(100);
    expect(violations(result)).toEqual([]);
  });

  it('has no cycle between folders: the domain folders form a DAG', async () => {
    const graph = folderGraph(await cruiseSrc(ROOT));
    expect(graph.get('cli')?.has('app')).toBe(true);
    expect(folderCycles(graph)).toEqual([]);
  });
});

describe('the layer check itself', () => {
  it('reports a file cycle, each upward import, a folder in no layer and SQL outside the store', async () => {
    expect(violations(await cruiseSrc(FIXTURE))).toEqual([
      'app-not-up: src/app/status.ts -> src/server/route.ts',
      'base-imports-kernel: src/store/rows.ts -> src/scheduler/dispatch.ts',
      'domain-not-up: src/channels/adapter.ts -> src/app/use-case.ts',
      'folder-has-a-layer: src/misc/helper.ts -> src/calendar/days.ts',
      'kernel-imports-kernel: src/model/upward.ts -> src/app/use-case.ts',
      'no-circular: src/auth/tokens.ts -> src/auth/users.ts',
      'scheduler-not-broadcast-or-evidence: src/scheduler/dispatch.ts -> src/evidence/log.ts',
      'server-not-cli: src/server/route.ts -> src/cli/command.ts',
      'sql-only-in-store: src/report/raw-sql.ts -> node_modules/kysely/dist/cjs/index.js',
      'store-handle-inside-store: src/report/raw-sql.ts -> src/store/handle.ts',
      'store-testing-only-in-tests: src/report/raw-sql.ts -> src/store/testing.ts',
    ]);
  });

  it('reports a cycle between folders that no single file closes', async () => {
    expect(folderCycles(folderGraph(await cruiseSrc(FIXTURE)))).toEqual([
      'calendar -> plan -> calendar',
    ]);
  });
});
