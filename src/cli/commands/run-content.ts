import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { watch } from 'chokidar';
import type { Session } from '../../app/session.js';
import type { SyncReport } from '../../app/sync.js';
import { loadProject, projectDirs } from '../../config/project.js';
import { LoaError } from '../../errors/loa-error.js';
import { message } from '../../i18n/catalogue.js';
import type { Clock } from '../../model/clock.js';
import { syncSession } from './sync.js';

/** A file written less than this long ago may still be half written. */
const WRITE_SETTLE_MS = 2_000;

/** How `loa run` follows content/. */
export interface ContentFollowerOptions {
  session: Session;
  clock: Clock;
  as?: string | undefined;
  /** One JSON log record. */
  log: (record: Record<string, unknown>) => void;
  /** Quiet time after the last change before syncing, in ms (default 300). */
  debounceMs?: number;
  /** Called after a sync that a file change started, so that what is due goes out now. */
  onSynced?: () => void;
}

/** What the daemon holds: a sync on demand (the periodic pass) and the watcher to close. */
export interface ContentFollower {
  /** Reads content/ again and syncs it; one sync at a time, in the order asked. */
  resync(trigger: 'start' | 'watch' | 'pass'): Promise<SyncReport | undefined>;
  /** Starts watching content/ (not with `--once`). */
  watch(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Keeps the queue in line with content/ while `loa run` runs: a watcher (chokidar) syncs
 * within a second of a file being added, changed or removed, and every pass syncs again as a
 * safety net (a change the watcher missed, a network folder). Each item that changed gets a
 * log line; a file that does not parse is reported once (file:line:column), again only
 * after it was fixed and broke anew, and the other items go on.
 */
export function followContent(options: ContentFollowerOptions): ContentFollower {
  const { session, clock, log } = options;
  const contentDir = projectDirs(session.project.root).content;
  const reported = new Set<string>();
  let queue: Promise<SyncReport | undefined> = Promise.resolve(undefined);
  let watcher: ReturnType<typeof watch> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const at = () => clock.now().toISO();
  // Real file-system time, not the injected clock: how long ago a file was written.
  const beingWritten = (file: string) => {
    try {
      return Date.now() - statSync(file).mtimeMs < WRITE_SETTLE_MS;
    } catch {
      return true;
    }
  };

  function reportInvalid(trigger: 'start' | 'watch' | 'pass'): void {
    const now = new Set<string>();
    for (const d of session.project.diagnostics) {
      if (d.severity !== 'error') continue;
      if (relative(contentDir, resolve(d.file)).startsWith('..')) continue;
      const key = `${d.file}:${d.line}:${d.column}:${d.code}`;
      now.add(key);
      if (reported.has(key)) continue;
      // NOTE: the periodic pass may read a file while an editor is still writing it (empty,
      // half a front matter); the watcher's sync, once the file is still, reports it.
      if (trigger === 'pass' && beingWritten(d.file)) continue;
      reported.add(key);
      log({
        level: 'warn',
        at: at(),
        event: 'content-invalid',
        file: d.file,
        line: d.line,
        column: d.column,
        field: d.field,
        code: d.code,
        detail: message(d.code, d.params, 'en'),
      });
    }
    for (const key of [...reported]) if (!now.has(key)) reported.delete(key);
  }

  /** One line per item that changed; at start only what needs a person (the summary says the rest). */
  function logChanges(report: SyncReport, everyItem: boolean): void {
    if (everyItem) {
      for (const item of report.added) log({ at: at(), event: 'content-added', item });
      for (const item of report.changed) log({ at: at(), event: 'content-changed', item });
      for (const item of report.withdrawn) log({ at: at(), event: 'content-withdrawn', item });
    }
    for (const item of report.reapproval)
      log({
        level: 'warn',
        at: at(),
        event: 'content-needs-approval',
        item,
        detail: message('SYNC_REAPPROVE', { id: item }, 'en'),
      });
  }

  async function syncOnce(trigger: 'start' | 'watch' | 'pass'): Promise<SyncReport> {
    if (trigger !== 'start') {
      const fresh = await loadProject({ root: session.project.root, env: session.env });
      session.project.items = fresh.items;
      session.project.diagnostics = fresh.diagnostics;
    }
    const report = await syncSession(session, clock, options.as);
    const changes = report.added.length + report.changed.length + report.withdrawn.length;
    if (trigger === 'start' || changes > 0 || report.scheduled > 0 || report.cancelled > 0) {
      log({
        at: at(),
        event: 'synced',
        trigger,
        added: report.added.length,
        changed: report.changed.length,
        withdrawn: report.withdrawn.length,
        scheduled: report.scheduled,
        cancelled: report.cancelled,
      });
    }
    logChanges(report, trigger !== 'start');
    reportInvalid(trigger);
    return report;
  }

  function resync(trigger: 'start' | 'watch' | 'pass') {
    const next = queue.then(
      () => (closed && trigger !== 'start' ? undefined : syncOnce(trigger)),
      () => undefined,
    );
    queue = next.catch((error: unknown) => {
      log({
        level: 'error',
        at: at(),
        event: 'sync-failed',
        trigger,
        error: error instanceof LoaError ? error.code : String((error as Error)?.message ?? error),
      });
      return undefined;
    });
    return queue;
  }

  return {
    resync,
    async watch() {
      watcher = watch(contentDir, {
        ignoreInitial: true,
        // NOTE: an editor writes a file in several steps; sync it once it stopped growing.
        awaitWriteFinish: { stabilityThreshold: 150, pollInterval: 50 },
        ignored: (path, stats) => Boolean(stats?.isFile()) && !/\.md$/i.test(path),
      });
      watcher.on('all', (_event, path) => {
        if (closed || !/\.md$/i.test(path)) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          void resync('watch').then((report) => {
            if (report) options.onSynced?.();
          });
        }, options.debounceMs ?? 300);
      });
      await new Promise<void>((ready) => watcher?.once('ready', () => ready()));
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await watcher?.close();
      await queue;
    },
  };
}
