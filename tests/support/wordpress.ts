import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A throwaway WordPress started by tests/support/wp-test-server.sh. */
export interface WordpressInstance {
  url: string;
  user: string;
  appPassword: string;
  /** The instance folder (database, docroot, logs). */
  dir: string;
  /** Stops both servers and deletes the folder. */
  stop(): Promise<void>;
}

export interface StartWordpressOptions {
  /** Concurrent PHP workers (WP_TEST_WORKERS); default 1. */
  workers?: number;
}

/** The script's path, found from this file in the source tree or in dist/. */
export function wpTestServerScript(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth++) {
    const candidate = join(dir, 'tests', 'support', 'wp-test-server.sh');
    if (existsSync(candidate)) return candidate;
    const beside = join(dir, 'wp-test-server.sh');
    if (existsSync(beside)) return beside;
    dir = dirname(dir);
  }
  throw new Error('tests/support/wp-test-server.sh not found');
}

function parseEnv(stdout: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match?.[1]) values[match[1]] = (match[2] ?? '').replace(/^'(.*)'$/, '$1');
  }
  return values;
}

/** Starts a fresh WordPress in its own temporary folder on a free port. Throws if it cannot. */
export async function startWordpress(
  options: StartWordpressOptions = {},
): Promise<WordpressInstance> {
  const script = wpTestServerScript();
  const dir = await mkdtemp(join(tmpdir(), 'loa-wp-'));
  const env = { ...process.env, WP_TEST_WORKERS: String(options.workers ?? 1) };
  let stdout: string;
  try {
    ({ stdout } = await run('bash', [script, 'start', dir], { env, timeout: 120_000 }));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(
      `WordPress test server did not start: ${stderr.trim().split('\n').slice(-5).join(' | ')}`,
      {
        cause: error,
      },
    );
  }
  const values = parseEnv(stdout);
  const { WP_URL: url, WP_USER: user, WP_APP_PASSWORD: appPassword } = values;
  if (!url || !user || !appPassword) throw new Error(`unexpected output: ${stdout}`);
  let stopped = false;
  return {
    url,
    user,
    appPassword,
    dir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await run('bash', [script, 'stop', dir], { timeout: 60_000 });
    },
  };
}

/** Whether the environment demands real services (CI): then a missing WordPress fails. */
export function servicesRequired(): boolean {
  return process.env.LOA_REQUIRE_SERVICES === '1';
}

/**
 * A WordPress for one test file, or undefined when it cannot start and services are not
 * required (a developer machine without the Debian packages): the caller then skips its
 * WordPress suites with `describe.runIf`. With LOA_REQUIRE_SERVICES=1 the error is raised,
 * so the suite fails.
 */
export async function wordpressForTests(
  options: StartWordpressOptions = {},
): Promise<WordpressInstance | undefined> {
  try {
    return await startWordpress(options);
  } catch (error) {
    if (servicesRequired()) throw error;
    console.warn(
      `[wordpress] not available, WordPress suites skipped (set LOA_REQUIRE_SERVICES=1 to fail instead): ${(error as Error).message}`,
    );
    return undefined;
  }
}
