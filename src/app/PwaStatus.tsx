import { useEffect, useRef, useState } from 'react';
import { registerSW } from 'virtual:pwa-register';
import { useAppStore } from '../store/appStore';

type PwaState = 'idle' | 'offline-ready' | 'update-available';

/**
 * Registers the service worker (production builds only) and tells the person when the app works
 * offline and when a new version is waiting. An update is applied only when they choose to
 * reload, so no tab ever runs half old, half new code.
 */
export function PwaStatus() {
  const [state, setState] = useState<PwaState>('idle');
  const update = useRef<((reload?: boolean) => Promise<void>) | null>(null);

  // Registered once the engine has settled: the service worker's precache downloads every
  // asset again, which on a first visit would compete with the engine's own start-up.
  useEffect(() => {
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    const register = (): void => {
      unsubscribe();
      update.current ??= registerSW({
        onOfflineReady: () => setState('offline-ready'),
        onNeedRefresh: () => setState('update-available'),
      });
    };
    const settled = (): boolean => useAppStore.getState().engine.state !== 'loading';
    const unsubscribe = useAppStore.subscribe(() => {
      if (settled()) register();
    });
    if (settled()) register();
    return unsubscribe;
  }, []);

  // New input scrolls the result into view on phones: the good-news toast must not cover it.
  useEffect(
    () =>
      useAppStore.subscribe((s, before) => {
        if (s.revealSeq !== before.revealSeq) {
          setState((st) => (st === 'offline-ready' ? 'idle' : st));
        }
      }),
    [],
  );

  // "Ready offline" is good news, not a decision: let it go by itself.
  useEffect(() => {
    if (state !== 'offline-ready') return;
    const timer = setTimeout(() => setState('idle'), 8000);
    return () => clearTimeout(timer);
  }, [state]);

  if (state === 'idle') return null;
  return (
    <div
      role="status"
      data-testid="pwa-status"
      data-state={state}
      className="fixed inset-x-3 bottom-3 z-40 mx-auto flex max-w-md items-center gap-3 rounded-xl bg-slate-900 px-4 py-3 text-sm text-white shadow-lg ring-1 ring-white/10 sm:inset-x-auto sm:right-4"
    >
      <p className="flex-1">
        {state === 'offline-ready'
          ? 'Ready to work offline. You can install Digit Lens as an app.'
          : 'A new version of Digit Lens is available.'}
      </p>
      {state === 'update-available' && (
        <button
          type="button"
          data-testid="pwa-reload"
          className="rounded-lg bg-indigo-500 px-3 py-1.5 font-medium hover:bg-indigo-400"
          onClick={() => void update.current?.(true)}
        >
          Reload
        </button>
      )}
      <button
        type="button"
        aria-label="Dismiss"
        className="rounded-lg px-2 py-1 text-slate-300 hover:bg-white/10"
        onClick={() => setState('idle')}
      >
        ✕
      </button>
    </div>
  );
}
