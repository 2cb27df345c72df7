import { useEffect, useState } from 'react';

/**
 * How many of `total` list items to render: all of a small list at once, a long one in steps
 * of `step` per animation frame. Rendering 500 batch items in one go blocked the main thread
 * for over half a second (npm run bench); in steps no single task holds it that long.
 */
export function useProgressiveCount(total: number, step = 40): number {
  const [count, setCount] = useState(step);
  useEffect(() => {
    // Grow towards the total; after the list shrank, fall back so the next batch steps again.
    const target = count < total ? Math.min(total, count + step) : Math.max(total, step);
    if (target === count) return;
    const frame = requestAnimationFrame(() => setCount(target));
    return () => cancelAnimationFrame(frame);
  }, [count, total, step]);
  return Math.min(count, total);
}
