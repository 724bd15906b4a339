/** One benchmark figure beside its baseline, as every loa benchmark prints it. */
export interface BenchFigure {
  /** What was measured, e.g. "validate 10,000 content files". */
  name: string;
  /** Our figure and its unit, e.g. 1234 ms or 1500 publications/s. */
  ours: number;
  baseline: number;
  unit: string;
  baselineLabel: string;
  /** More baselines printed beside the first, each with its ratio (the goal is judged on the first). */
  moreBaselines?: { value: number; label: string }[];
  /** For rates, higher is better; for times, lower is better. */
  higherIsBetter?: boolean;
  /** The goal in words, e.g. "< 3000 ms, ratio ≤ 2". */
  goal: string;
  /** Whether the goal was met on this run. */
  met: boolean;
}

/** Ratio of ours to the baseline, oriented so that 1.0 means "as fast as the baseline". */
export function ratio(figure: Pick<BenchFigure, 'ours' | 'baseline' | 'higherIsBetter'>): number {
  return figure.higherIsBetter ? figure.baseline / figure.ours : figure.ours / figure.baseline;
}

export function printFigure(figure: BenchFigure): void {
  const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(2));
  console.log(
    [
      `${figure.met ? 'OK  ' : 'MISS'} ${figure.name}`,
      `  ours: ${fmt(figure.ours)} ${figure.unit}   baseline (${figure.baselineLabel}): ${fmt(figure.baseline)} ${figure.unit}   ratio: ${ratio(figure).toFixed(2)}`,
      ...(figure.moreBaselines ?? []).map(
        (b) =>
          `  baseline (${b.label}): ${fmt(b.value)} ${figure.unit}   ratio: ${ratio({ ...figure, baseline: b.value }).toFixed(2)}`,
      ),
      `  goal: ${figure.goal}`,
    ].join('\n'),
  );
}

/** Wall time of an async function in milliseconds. */
export async function timeMs(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
