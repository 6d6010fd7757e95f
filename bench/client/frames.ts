/**
 * Frame-time figures for the client benchmark: from the start times of consecutive frames
 * (requestAnimationFrame timestamps, ms) to p50/p95/max of the gaps and the frames dropped, and
 * from the long tasks seen to their count, total and longest. Pure functions, no browser.
 */

export interface FrameFigures {
  /** Frames produced in the window. */
  frames: number;
  /** Milliseconds between consecutive frames. */
  p50: number;
  p95: number;
  max: number;
  /** Frames that should have been produced but were not: a gap of k frame budgets drops k − 1. */
  dropped: number;
  /** Share of the window's frame budget that was dropped, 0–1. */
  droppedShare: number;
}

export interface LongTaskFigures {
  count: number;
  /** Sum of their durations, ms. */
  totalMs: number;
  longestMs: number;
}

/** The q-quantile (0–1) of `values` by the nearest-rank method; 0 when there are none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

/** Gaps between frames, judged against `budgetMs` (the display's frame time: 1000/60 at 60 Hz). */
export function frameFigures(times: readonly number[], budgetMs: number): FrameFigures {
  const gaps = times.slice(1).map((t, i) => t - times[i]!);
  const dropped = gaps.reduce((sum, g) => sum + Math.max(0, Math.round(g / budgetMs) - 1), 0);
  const span = times.length > 1 ? times.at(-1)! - times[0]! : 0;
  const budgets = span / budgetMs;
  return {
    frames: times.length,
    p50: round(quantile(gaps, 0.5)),
    p95: round(quantile(gaps, 0.95)),
    max: round(gaps.length ? Math.max(...gaps) : 0),
    dropped,
    droppedShare: budgets > 0 ? round(Math.min(1, dropped / budgets), 3) : 0,
  };
}

export function longTaskFigures(tasks: readonly { duration: number }[]): LongTaskFigures {
  return {
    count: tasks.length,
    totalMs: round(tasks.reduce((sum, t) => sum + t.duration, 0)),
    longestMs: round(tasks.reduce((most, t) => Math.max(most, t.duration), 0)),
  };
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
