import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { DateTime } from 'luxon';
import { addUser, createToken } from '../../src/auth/users.js';
import { bulletinDir } from '../../src/channels/bulletin/files.js';
import { runRundownBuild } from '../../src/cli/commands/rundown.js';
import { main } from '../../src/cli/main.js';
import { ManualClock } from '../../src/model/clock.js';
import { openStore } from '../../src/store/open-store.js';
import { writeStation } from '../cli/rundown-project.js';
import type { BenchFigure } from './report.js';

const DURATION_SEC = 5;
const CONNECTIONS = 10;
const quiet = { out: () => undefined, err: () => undefined };

interface Load {
  rps: number;
  p99: number;
  bytes: number;
  errors: number;
}

async function load(url: string, headers: Record<string, string> = {}): Promise<Load> {
  const r = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION_SEC });
  return {
    rps: r.requests.average,
    p99: r.latency.p99,
    bytes: r.throughput.average / Math.max(1, r.requests.average),
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

/** `loa run` in its own process (dispatcher and server), as an operator starts it. */
function startRun(
  root: string,
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; base: string }> {
  const here = dirname(fileURLToPath(import.meta.url));
  const built = join(here, '../../src/cli/bin.js');
  const args = existsSync(built)
    ? [built]
    : ['--import', 'tsx', join(here, '../../src/cli/bin.ts')];
  const child = spawn(
    process.execPath,
    [...args, 'run', '--dir', root, '--port', '0', '--interval', '5'],
    {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const url = /"event":"listening","url":"([^"]+)"/.exec(buffer)?.[1];
      if (!url) return;
      // The access log is read and dropped from here on: the load generator shares this process.
      child.stdout?.off('data', onData);
      child.stdout?.on('data', () => undefined);
      resolve({ child, base: url.replace(/\/$/, '') });
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`loa run exited (${code}) before listening`)));
  });
}

/** A bare node:http server that answers every request with fixed bytes: the floor. */
async function bare(bytes: Buffer, type: string) {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': type, 'content-length': bytes.length });
    res.end(bytes);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

function rss(items: number): string {
  const entries = Array.from(
    { length: items },
    (_, i) =>
      `<item><title>Số ${i + 1}: Cải cách thủ tục hành chính</title><link>http://127.0.0.1/ban-tin/${i + 1}.html</link><guid>ban-tin-${i + 1}</guid><description>Bản tin điện tử về cải cách hành chính, số ${i + 1}.</description></item>`,
  ).join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bản tin CCHC</title>${entries}</channel></rss>`;
}

/**
 * GET of a week's rundown (bearer token, JSON) and of a bulletin feed (public, ETag) against
 * `loa run` on 127.0.0.1 while its dispatcher runs, beside a bare node:http server sending
 * the same bytes. Goal: at least 1,000 requests/s with p99 under 50 ms.
 */
export async function run(): Promise<BenchFigure[]> {
  const root = await mkdtemp(join(tmpdir(), 'loa-bench-server-'));
  const data = await mkdtemp(join(tmpdir(), 'loa-bench-server-data-'));
  const saved = { ...process.env };
  let child: ChildProcess | undefined;
  try {
    await writeStation(root);
    await writeFile(
      join(root, 'channels/ban-tin.yaml'),
      [
        'id: ban-tin',
        'name: Bản tin CCHC tỉnh',
        'kind: bulletin',
        'unit: cong-ttdt',
        'title: Bản tin Cải cách hành chính',
        'issueDays: [7, 14, 21, 28]',
        'issueTime: "08:00"',
        'siteUrl: http://127.0.0.1:8082/ban-tin/',
        'serves: []',
        '',
      ].join('\n'),
    );
    delete process.env.LOA_DATABASE_URL;
    process.env.LOA_DATA_DIR = data;
    if ((await main(['sync', '--dir', root], quiet)) !== 0) throw new Error('sync failed');
    const monday = new ManualClock(
      DateTime.fromISO('2024-03-04T09:00', { zone: 'Asia/Ho_Chi_Minh' }),
    );
    if ((await runRundownBuild('tv', '2024-W10', { dir: root }, quiet, monday)) !== 0)
      throw new Error('rundown build failed');
    const store = await openStore({ dataDir: data });
    const by = { actor: 'bench', at: new Date().toISOString() };
    await addUser(store, 'dai', 'broadcaster', by);
    const { token } = await createToken(store, 'dai', by);
    await store.close();
    const feedDir = bulletinDir(data, 'ban-tin');
    await mkdir(feedDir, { recursive: true });
    const feed = Buffer.from(rss(12));
    await writeFile(join(feedDir, 'feed.xml'), feed);

    const started = await startRun(root, { ...process.env });
    child = started.child;
    const rundownUrl = `${started.base}/api/rundowns/tv/2024-W10?format=json`;
    const auth = { authorization: `Bearer ${token}` };
    const rundownBytes = Buffer.from(
      await (await fetch(rundownUrl, { headers: auth })).arrayBuffer(),
    );
    const rundown = await load(rundownUrl, auth);
    const feedLoad = await load(`${started.base}/feeds/ban-tin/feed.xml`);

    const floorRundown = await bare(rundownBytes, 'application/json');
    const baseRundown = await load(floorRundown.url);
    await floorRundown.close();
    const floorFeed = await bare(feed, 'application/rss+xml');
    const baseFeed = await load(floorFeed.url);
    await floorFeed.close();

    const figures: BenchFigure[] = [];
    for (const [name, ours, base] of [
      [
        `GET rundown JSON (${rundownBytes.length} B, token) while loa run dispatches`,
        rundown,
        baseRundown,
      ],
      [
        `GET feed.xml (${feed.length} B, public, ETag) while loa run dispatches`,
        feedLoad,
        baseFeed,
      ],
    ] as const) {
      const ok = ours.errors === 0;
      figures.push({
        name: `${name}: requests/s, ${CONNECTIONS} connections, ${DURATION_SEC} s`,
        ours: ours.rps,
        baseline: base.rps,
        unit: 'req/s',
        baselineLabel: 'bare node:http, same bytes',
        higherIsBetter: true,
        goal: '≥ 1000 req/s, no errors',
        met: ok && ours.rps >= 1000,
      });
      figures.push({
        name: `${name}: p99 latency`,
        ours: ours.p99,
        baseline: base.p99,
        unit: 'ms',
        baselineLabel: 'bare node:http, same bytes',
        goal: 'p99 < 50 ms',
        met: ok && ours.p99 < 50,
      });
    }
    return figures;
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child?.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    process.env = saved;
    await rm(root, { recursive: true, force: true });
    await rm(data, { recursive: true, force: true });
  }
}
