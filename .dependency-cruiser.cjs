/**
 * The layers of src/ and the rules that keep imports going downward (issue 15; see
 * ARCHITECTURE.md). Checked by `npm test` twice: `depcruise` (these file rules, readable
 * output) and tests/architecture/layers.test.ts (these rules, plus no cycle between folders).
 *
 *   kernel  model, text, errors, i18n      imports nothing above itself
 *   base    store, config                  kernel only (and each other)
 *   domain  DOMAIN_ORDER below             kernel, base, and earlier domain folders
 *   app     app                            everything below
 *   edge    cli, server                    everything below; the server never imports cli
 */

const KERNEL = ['model', 'text', 'errors', 'i18n'];
const BASE = ['store', 'config'];
/**
 * Domain folders, in an order each may import only from folders before it (so they form a
 * DAG). The folder-cycle test enforces the DAG; this list documents it and places folders.
 */
const DOMAIN_ORDER = [
  'plan',
  'calendar',
  'audit',
  'report',
  'evidence',
  'witness',
  'media',
  'channels',
  'scheduler',
  'broadcast',
  'audio',
  'auth',
];
const APP = ['app'];
const EDGE = ['cli', 'server'];

/** `^src/(a|b)/`: a path under one of the folders. */
const under = (folders) => `^src/(${folders.join('|')})/`;

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A file imports itself through others: move the shared part into a leaf file.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'folder-has-a-layer',
      severity: 'error',
      comment:
        'Every folder under src/ belongs to a layer: add a new one to .dependency-cruiser.cjs.',
      from: {
        path: '^src/',
        pathNot: under([...KERNEL, ...BASE, ...DOMAIN_ORDER, ...APP, ...EDGE]),
      },
      to: {},
    },
    {
      name: 'kernel-imports-kernel',
      severity: 'error',
      comment: 'model, text, errors and i18n are the bottom layer: they import nothing above.',
      from: { path: under(KERNEL) },
      to: { path: '^src/', pathNot: under(KERNEL) },
    },
    {
      name: 'base-imports-kernel',
      severity: 'error',
      comment: 'store and config import only the kernel (and each other).',
      from: { path: under(BASE) },
      to: { path: under([...DOMAIN_ORDER, ...APP, ...EDGE]) },
    },
    {
      name: 'domain-not-up',
      severity: 'error',
      comment: 'A domain folder never imports the app layer, the CLI or the server.',
      from: { path: under(DOMAIN_ORDER) },
      to: { path: under([...APP, ...EDGE]) },
    },
    {
      name: 'scheduler-not-broadcast-or-evidence',
      severity: 'error',
      comment:
        'The scheduler plans and dispatches; evidence is written through its hooks (app/log-outcome.ts).',
      from: { path: '^src/scheduler/' },
      to: { path: under(['broadcast', 'evidence']) },
    },
    {
      name: 'app-not-up',
      severity: 'error',
      comment: 'The use cases are shared by the CLI and the server: they import neither.',
      from: { path: under(APP) },
      to: { path: under(EDGE) },
    },
    {
      name: 'server-not-cli',
      severity: 'error',
      comment: 'The server uses src/app, never a CLI command.',
      from: { path: '^src/server/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'sql-only-in-store',
      severity: 'error',
      comment:
        'SQL and the engine stay in src/store: call a named repository function of src/store (add one there) instead of importing the query builder or a driver.',
      from: { path: '^src/', pathNot: '^src/store/' },
      to: { path: '(^|/)node_modules/(@types/)?(kysely|pg|better-sqlite3)/' },
    },
    {
      name: 'store-handle-inside-store',
      severity: 'error',
      comment:
        "store/handle.ts turns a store or transaction into its query builder: only src/store's repositories use it.",
      from: { path: '^src/', pathNot: '^src/store/' },
      to: { path: '^src/store/handle\\.ts$' },
    },
    {
      name: 'store-testing-only-in-tests',
      severity: 'error',
      comment:
        'store/testing.ts (rawForTests, engineForTests) is for tests that tamper with rows on purpose: src/ never imports it.',
      from: { path: '^src/', pathNot: '^src/store/testing\\.ts$' },
      to: { path: '^src/store/testing\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // NOTE: type-only imports count: a cycle of types is a cycle for a reader too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // node_modules is not followed but kept, so that sql-only-in-store sees imports of kysely.
    exclude: { path: '^dist/' },
  },
};
