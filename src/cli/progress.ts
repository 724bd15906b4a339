/** A long command's progress: call `update` as work is done, `end` when it is over. */
export interface Progress {
  update(done: number, total: number): void;
  end(): void;
}

const NONE: Progress = { update: () => undefined, end: () => undefined };

/**
 * What a progress bar needs of a stream: a terminal (`isTTY`) it can rewrite a line on.
 * `afterMs` overrides the second a command waits before it draws (tests draw at once).
 */
export type ProgressStream = Pick<NodeJS.WriteStream, 'write'> & {
  isTTY?: boolean;
  afterMs?: number;
};

/**
 * A progress bar on standard error, `[██████░░░░░░] 45% label`, redrawn in place; only on a
 * terminal (never into a pipe or a file, where it would be noise) and only once the work has
 * taken more than `afterMs` (a second), so that quick commands print nothing. `end` clears
 * the line. `now` is injectable for tests.
 */
export function progressBar(
  label: string,
  stream: ProgressStream | undefined = process.stderr,
  options: { afterMs?: number; now?: () => number; width?: number } = {},
): Progress {
  if (!stream?.isTTY) return NONE;
  const now = options.now ?? Date.now;
  const afterMs = options.afterMs ?? stream.afterMs ?? 1000;
  const width = options.width ?? 24;
  const started = now();
  let drawn = false;
  let lastDraw = 0;
  let lastPercent = -1;
  return {
    update(done, total) {
      const at = now();
      if (at - started < afterMs) return;
      const ratio = total <= 0 ? 1 : Math.min(1, Math.max(0, done / total));
      const percent = Math.floor(ratio * 100);
      // Redraw at most ten times a second (the end always), and only when the figure changed.
      if (drawn && (percent === lastPercent || (at - lastDraw < 100 && ratio < 1))) return;
      const full = Math.round(ratio * width);
      stream.write(
        `\r[${'█'.repeat(full)}${'░'.repeat(width - full)}] ${String(percent).padStart(3)}% ${label}\u001b[K`,
      );
      drawn = true;
      lastDraw = at;
      lastPercent = percent;
    },
    end() {
      if (drawn) stream.write('\r\u001b[K');
      drawn = false;
    },
  };
}
