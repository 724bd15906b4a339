import type { Command } from 'commander';
import {
  rundownStatuses,
  rundownWarnings,
  warningRecord,
} from '../../app/broadcast/service-status.js';
import { buildAdapters, openSession, type Session } from '../../app/session.js';
import { actorName } from '../../app/who-and-when.js';
import { withoutAdapter } from '../../channels/registry.js';
import { projectDirs } from '../../config/project.js';
import { LoaError } from '../../errors/loa-error.js';
import { message } from '../../i18n/catalogue.js';
import { type Clock, systemClock } from '../../model/clock.js';
import { runDaemon } from '../../scheduler/dispatch/daemon.js';
import { dispatchPass, workerName } from '../../scheduler/dispatch/dispatcher.js';
import type { DispatchEvent, DispatcherOptions } from '../../scheduler/dispatch/types.js';
import { planBulletins } from '../../scheduler/plan/bulletins.js';
import { type RunningServer, startServer } from '../../server/serve.js';
import { type Output, onClosedPipe } from '../output.js';
import { ingestAll, ingestChannels } from './ingest.js';
import { type ContentFollower, followContent } from './run-content.js';

export interface RunOptions {
  dir?: string;
  as?: string;
  once?: boolean;
  /** Seconds between wake-ups (default 30; divides 60). */
  interval?: string;
  /** Catch-up bound per channel per pass (default 20). */
  maxPerPass?: string;
  /** Lease length in seconds (default 120). */
  lease?: string;
  /** HTTP port of the API and pages (default 8080; 0 = any free port). Not served with --once. */
  port?: string;
  /** Address to listen on (default 127.0.0.1: loopback only). */
  host?: string;
}

function positive(
  option: string,
  value: string | undefined,
  fallback: number,
  check?: (n: number) => boolean,
) {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0 || (check && !check(n))) {
    throw new LoaError('OPTION_INVALID', {
      params: {
        option,
        value,
        expected: option === '--interval' ? '1–60, divides 60' : 'a whole number > 0',
      },
    });
  }
  return n;
}

/** What embeds `loa run` (`loa start`) may hook into. */
export interface RunHooks {
  /**
   * Called once content/ is synced and the server listens (`url`; none with `--once` or when
   * the port was taken), before the first pass: `loa start` prints its first screen here.
   */
  onReady?: (ready: { session: Session; url?: string }) => Promise<void>;
}

/** A JSON log line: one object per event, never a secret (only keys, ids and error codes). */
function logLine(output: Output, record: Record<string, unknown>): void {
  output.out(JSON.stringify({ level: 'info', ...record }));
}

/**
 * `loa run`: syncs content/, then dispatches once (`--once`) or as a daemon woken by
 * node-cron and by changes in content/, logging JSON lines. `stopSignal` stops it like
 * SIGTERM (for embedding and tests). SIGINT/SIGTERM stop it cleanly: what it holds is finished
 * or released.
 */
export async function runRun(
  options: RunOptions,
  output: Output,
  clock: Clock = systemClock,
  stopSignal?: AbortSignal,
  hooks: RunHooks = {},
): Promise<number> {
  const intervalSec = positive('--interval', options.interval, 30, (n) => n <= 60 && 60 % n === 0);
  const perChannelPerPass = positive('--max-per-pass', options.maxPerPass, 20);
  const leaseSec = positive('--lease', options.lease, 120);
  const port = options.port === '0' ? 0 : positive('--port', options.port, 8080, (n) => n < 65536);
  const session = await openSession(options.dir ?? '.');
  const stop = new AbortController();
  let server: RunningServer | undefined;
  let content: ContentFollower | undefined;
  let wake: (() => void) | undefined;
  if (stopSignal) {
    if (stopSignal.aborted) stop.abort();
    else stopSignal.addEventListener('abort', () => stop.abort(), { once: true });
  }
  const onSignal = (signal: string) => {
    logLine(output, { at: clock.now().toISO(), event: 'stopping', signal });
    stop.abort();
  };
  const sigint = () => onSignal('SIGINT');
  const sigterm = () => onSignal('SIGTERM');
  process.once('SIGINT', sigint);
  process.once('SIGTERM', sigterm);
  // A reader that closed our output (`loa run | head`) stops the daemon like Ctrl+C does.
  const offClosedPipe = onClosedPipe(() => stop.abort());
  try {
    // A content file that does not parse keeps its item's last good version; the follower
    // says which, once.
    content = followContent({
      session,
      clock,
      as: options.as,
      log: (record) =>
        record.level === 'error' ? output.err(JSON.stringify(record)) : logLine(output, record),
      onSynced: () => wake?.(),
    });
    await content.resync('start');
    const adapters = buildAdapters(session.config.channels.values(), 'run', session, clock);
    // A channel the dispatcher does not publish to is named once, with what it is for.
    for (const channel of session.config.channels.values()) {
      const note = adapters.has(channel.id) ? undefined : withoutAdapter(channel.kind);
      if (note) {
        logLine(output, {
          at: clock.now().toISO(),
          event: note === 'CHANNEL_NO_ADAPTER' ? 'no-adapter' : 'not-dispatched',
          channel: channel.id,
          detail: message(note, { channel: channel.id, kind: channel.kind }, 'en'),
        });
      }
    }
    const dispatcher: DispatcherOptions & { stop: AbortSignal } = {
      store: session.store,
      channels: session.config.channels,
      contentDir: projectDirs(session.project.root).content,
      adapters,
      clock,
      worker: workerName(),
      leaseSec,
      perChannelPerPass,
      stop: stop.signal,
      onOutcome: session.onOutcome,
      onFollowUp: session.onFollowUp,
      log: (event: DispatchEvent) => {
        if (event.event !== 'waiting') logLine(output, { ...event });
      },
    };
    // Bulletin issues are planned before every pass; ingest channels are read in the
    // background at their intervals (runIngest skips feeds not yet due), never blocking a pass.
    const actor = actorName(options.as);
    let ingesting: Promise<void> | undefined;
    const beforePass = async () => {
      // The periodic pass re-reads content/ as a safety net for what the watcher missed.
      if (!options.once) await content?.resync('pass');
      const ingest = ingestChannels(session.config);
      if (!ingesting && ingest.length > 0 && !stop.signal.aborted) {
        const dataDir = session.dataDir;
        ingesting = ingestAll(ingest, { dataDir, clock, store: session.store, signal: stop.signal })
          .then((reports) => {
            for (const r of reports)
              for (const f of r.feeds.filter((f) => f.status !== 'not-due')) {
                const { error, created: _created, legacy: _legacy, ...rest } = f;
                logLine(output, {
                  at: clock.now().toISO(),
                  event: 'ingest',
                  channel: r.channel,
                  ...rest,
                  ...(error ? { error: error.code } : {}),
                });
              }
          })
          .catch(() => undefined)
          .finally(() => {
            ingesting = undefined;
          });
      }
      const planned = await planBulletins(session.store, session.config, clock.now(), {
        dataDir: session.dataDir,
        actor,
      });
      for (const key of planned.missed)
        logLine(output, { at: clock.now().toISO(), event: 'bulletin-empty', key });
      const plans = session.project.plans.map((p) => p.value);
      const slots = await rundownStatuses(
        session.store,
        { planning: session.config, plans },
        clock.now(),
      );
      for (const w of rundownWarnings(slots))
        logLine(output, { at: clock.now().toISO(), ...warningRecord(w) });
    };
    if (!options.once) {
      // NOTE: a port already taken (another `loa run` on this machine sharing the database)
      // is reported, not fatal: dispatching is the job that must go on.
      server = await startServer(
        { session, clock, log: (record) => logLine(output, { event: 'http', ...record }) },
        { port, ...(options.host ? { host: options.host } : {}) },
      ).catch((error: NodeJS.ErrnoException) => {
        output.err(
          JSON.stringify({
            level: 'error',
            at: clock.now().toISO(),
            event: 'http-failed',
            port,
            error: error.code ?? error.message,
          }),
        );
        return undefined;
      });
      if (server)
        logLine(output, {
          at: clock.now().toISO(),
          event: 'listening',
          url: `http://${server.host}:${server.port}/`,
        });
    }
    await hooks.onReady?.({
      session,
      ...(server ? { url: `http://${server.host}:${server.port}/` } : {}),
    });
    logLine(output, {
      at: clock.now().toISO(),
      event: 'started',
      worker: dispatcher.worker,
      store: session.store.location,
      once: Boolean(options.once),
    });
    if (options.once) {
      await beforePass();
      await ingesting;
      const result = await dispatchPass(dispatcher);
      logLine(output, {
        at: clock.now().toISO(),
        event: 'pass',
        claimed: result.claimed,
        ...result.counts,
        waiting: result.waiting,
      });
    } else {
      await content.watch();
      await runDaemon(dispatcher, {
        intervalSec,
        onReady: (passNow) => {
          wake = passNow;
        },
        beforePass,
        onPass: (result) => {
          if (result.claimed > 0)
            logLine(output, {
              at: clock.now().toISO(),
              event: 'pass',
              claimed: result.claimed,
              ...result.counts,
            });
        },
        onError: (error) =>
          output.err(
            JSON.stringify({
              level: 'error',
              at: clock.now().toISO(),
              event: 'pass-failed',
              error:
                error instanceof LoaError ? error.code : String((error as Error)?.message ?? error),
            }),
          ),
      });
    }
    await ingesting;
    logLine(output, { at: clock.now().toISO(), event: 'stopped' });
    return 0;
  } finally {
    await content?.close();
    await server?.close();
    process.off('SIGINT', sigint);
    process.off('SIGTERM', sigterm);
    offClosedPipe();
    await session.store.close();
  }
}

export function registerRun(program: Command, output: Output, setExit: (code: number) => void) {
  program
    .command('run')
    .description('Chạy bộ đăng bài / run the dispatcher')
    .option('--dir <dir>', 'thư mục dự án / project folder', '.')
    .option('--as <name>', 'người thực hiện / who acts')
    .option('--once', 'một lượt rồi thoát / one pass, then exit')
    .option('--interval <sec>', 'giây giữa hai lượt / seconds between passes', '30')
    .option('--max-per-pass <n>', 'tối đa mỗi kênh mỗi lượt / at most per channel per pass', '20')
    .option('--lease <sec>', 'thời hạn giữ việc / lease seconds', '120')
    .option('--port <port>', 'cổng HTTP / HTTP port', '8080')
    .option('--host <host>', 'địa chỉ lắng nghe / listen address', '127.0.0.1')
    .action(async (opts: RunOptions) => setExit(await runRun(opts, output)));
}
