/**
 * A progress bar on stderr: redrawn in place on a terminal, a plain line every few seconds
 * otherwise (CI logs, a file), so the output files stay clean either way.
 */

export interface ProgressState {
  done: number;
  total: number;
  failed: number;
  elapsedMs: number;
}

export function formatProgress(s: ProgressState, width = 24): string {
  const f = s.total > 0 ? Math.min(1, s.done / s.total) : 1;
  const filled = Math.round(f * width);
  const rate = s.elapsedMs > 0 ? (s.done / s.elapsedMs) * 1000 : 0;
  const eta = rate > 0 ? Math.round((s.total - s.done) / rate) : null;
  const failed = s.failed ? `, ${s.failed} failed` : '';
  return (
    `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${s.done}/${s.total} ` +
    `(${Math.round(f * 100)}%) ${rate.toFixed(1)} img/s` +
    (eta === null ? '' : `, ${eta} s left`) +
    failed
  );
}

export interface ProgressBar {
  update(state: ProgressState): void;
  finish(state: ProgressState): void;
}

export function progressBar(
  stream: { isTTY?: boolean; write(s: string): unknown } = process.stderr,
  everyMs = 5000,
): ProgressBar {
  let last = -Infinity;
  return {
    update(state) {
      if (stream.isTTY) {
        if (state.elapsedMs - last < 100) return; // at most ten redraws a second
        last = state.elapsedMs;
        stream.write(`\r${formatProgress(state)}\x1b[K`);
      } else if (state.elapsedMs - last >= everyMs) {
        last = state.elapsedMs;
        stream.write(`${formatProgress(state)}\n`);
      }
    },
    finish(state) {
      stream.write(
        stream.isTTY ? `\r${formatProgress(state)}\x1b[K\n` : `${formatProgress(state)}\n`,
      );
    },
  };
}
