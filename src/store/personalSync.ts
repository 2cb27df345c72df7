/**
 * Keeps the engine's personal samples in step with the store: all of them while learning is
 * on, none while it is off (the model alone, bit for bit), and again after every engine
 * (re)start, since a new worker starts with none.
 */
import type { PersonalSample } from '../engine/types';
import { useAppStore, type AppState } from './appStore';
import type { EngineClient } from '../worker/engineClient';
import { subscribeCorrections } from './corrections';
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
  // What which engine was last given: a restarted engine is a new client and gets them again.
  let sent: { client: EngineClient; samples: readonly PersonalSample[] } | null = null;
  let sending = false;
  const push = async (): Promise<void> => {
    if (sending) return;
    sending = true;
    try {
      // Loop until the current engine has what the store wants (changes during a send count).
      for (;;) {
        const s = useAppStore.getState();
        if (s.engine.state !== 'ready' || !s.personal.loaded) return;
        const next = wanted(s);
        const client = await engineClient();
        if (sent?.client === client && sent.samples === next) return;
        try {
          const count = await client.setPersonalSamples(next);
          useAppStore.getState().personalInUse(count);
        } catch (err) {
          // Not retried on this engine; the next change or engine start tries again.
          useAppStore.getState().personalInUse(null);
          console.warn('Personal samples were not applied:', err);
        }
        sent = { client, samples: next };
      }
    } finally {
      sending = false;
    }
  };
  useAppStore.subscribe((s, prev) => {
    if (s.engine !== prev.engine || s.personal !== prev.personal) void push();
  });
  // A corrected digit becomes a sample (kept only while learning is on); an undone one stays.
  subscribeCorrections((e) => {
    if (e.type === 'correct') {
      void useAppStore.getState().addPersonalSample(e.correction.crop28, e.correction.to);
    }
  });
  void useAppStore.getState().loadPersonalSamples();
}
