import { storeBulletinAdapter } from './bulletin/entry-source.js';
import { filesAdapter } from './files/adapter.js';
import type { AdapterFactory } from './types.js';
import { wordpressAdapter } from './wordpress/index.js';

/**
 * Adapter factories by channel kind. Each adapter folder adds its line here. Bulletin issues
 * are planned by src/scheduler/plan-bulletins.ts (one publication per issue); broadcast
 * publications have no entry yet.
 */
export const ADAPTERS: Readonly<Partial<Record<string, AdapterFactory>>> = {
  bulletin: storeBulletinAdapter,
  files: filesAdapter,
  wordpress: wordpressAdapter,
};

/** Kinds that reach a remote service; `loa simulate` stands the files adapter in for them. */
export const REMOTE_KINDS: ReadonlySet<string> = new Set(['wordpress']);

/** How adapters are picked: for `loa run`, or for `loa simulate` (with or without `--live`). */
export type AdapterMode = 'run' | 'simulate' | 'simulate-live';

/**
 * The factory for a channel kind, or undefined when the kind has no adapter yet (its
 * publications then wait). In simulations, remote kinds get the files adapter unless live,
 * and kinds without an adapter get it too.
 */
export function adapterFactoryFor(
  kind: string,
  mode: AdapterMode = 'run',
  adapters: Readonly<Partial<Record<string, AdapterFactory>>> = ADAPTERS,
): AdapterFactory | undefined {
  const own = adapters[kind];
  if (mode === 'run') return own;
  if (mode === 'simulate' && REMOTE_KINDS.has(kind)) return filesAdapter;
  return own ?? filesAdapter;
}
