import { describe, expect, it } from 'vitest';
import { latestOnly } from './latestOnly';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('latestOnly', () => {
  it('keeps one run in flight and collapses calls made meanwhile into one more', async () => {
    const runs: ReturnType<typeof deferred>[] = [];
    const run = latestOnly(() => {
      const d = deferred();
      runs.push(d);
      return d.promise;
    });
    const first = run();
    void run();
    void run();
    void run();
    expect(runs).toHaveLength(1);
    runs[0]!.resolve();
    await Promise.resolve();
    await Promise.resolve();
    expect(runs).toHaveLength(2);
    runs[1]!.resolve();
    await first;
    expect(runs).toHaveLength(2);
  });

  it('keeps going after a failed run', async () => {
    let calls = 0;
    const run = latestOnly(() => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error('x')) : Promise.resolve();
    });
    await run();
    await run();
    expect(calls).toBe(2);
  });
});
