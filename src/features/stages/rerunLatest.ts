import { useAppStore } from '../../store/appStore';
import { rerunActive } from '../../store/recognition';
import { latestOnly } from './latestOnly';

/** Longest a stuck reading may hold back the next one. */
const SETTLE_TIMEOUT_MS = 15_000;

/** Resolves once the item on screen is no longer being read (or has gone away). */
function activeItemSettled(): Promise<void> {
  const settled = (): boolean => {
    const s = useAppStore.getState();
    const id = s.activeIds[s.mode];
    return !id || s.items[id]?.status !== 'working';
  };
  if (settled()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      unsubscribe();
      window.clearTimeout(timer);
      resolve();
    };
    const unsubscribe = useAppStore.subscribe(() => {
      if (settled()) done();
    });
    const timer = window.setTimeout(done, SETTLE_TIMEOUT_MS);
  });
}

/** Re-reads the item on screen after a parameter change, one reading in flight at a time. */
export const rerunLatest = latestOnly(() => {
  rerunActive();
  return activeItemSettled();
});
