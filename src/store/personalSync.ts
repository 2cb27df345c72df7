/**
 * Keeps the engine's personal samples in step with the store: all of them while learning is
 * on, none while it is off (the model alone, bit for bit), and again after every engine
 * (re)start, since a new worker starts with none.
 */
import type { PersonalSample } from '../engine/types';
import { useAppStore, type AppState } from './appStore';
import { engineClient } from './engine';

const NONE: readonly PersonalSample[] = [];

function wanted(s: AppState): readonly PersonalSample[] {
  return s.personal.enabled ? s.personal.samples : NONE;
}

let started = false;

/** Starts the sync once (safe to call again) and reads the stored samples. */
export function startPersonalSync(): void {
  if (started) return;
  started = true;
  let sent: readonly PersonalSample[] | null = null;
  let sending = false;
  const push = async (): Promise<void> => {
    if (sending) return;
    sending = true;
    try {
      // Loop until what the engine has matches the store (changes during a send are caught).
      for (;;) {
        const s = useAppStore.getState();
        if (s.engine.state !== 'ready' || !s.personal.loaded) return;
        const next = wanted(s);
        if (next === sent) return;
        const client = await engineClient();
        try {
          const count = await client.setPersonalSamples(next);
          sent = next;
          useAppStore.getState().personalInUse(count);
        } catch (err) {
          sent = next; // not retried in a loop; the next change or engine start tries again
          useAppStore.getState().personalInUse(null);
          console.warn('Personal samples were not applied:', err);
        }
      }
    } finally {
      sending = false;
    }
  };
  useAppStore.subscribe((s, prev) => {
    if (s.engine.state === 'ready' && prev.engine.state !== 'ready') sent = null; // a new worker
    if (s.engine !== prev.engine || s.personal !== prev.personal) void push();
  });
  void useAppStore.getState().loadPersonalSamples();
}
