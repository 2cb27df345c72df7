import type { StateCreator } from 'zustand';
import type { BackendName } from '../engine/types';
import type { LoadStep } from '../engine/types';

export type EngineState = 'loading' | 'ready' | 'error';

export interface EngineSlice {
  engine: {
    state: EngineState;
    backend: BackendName | null;
    /** Load steps seen so far, for the progress display. */
    steps: Partial<Record<LoadStep, 'started' | 'done'>>;
    loadMs: number | null;
    error: string | null;
    /** Bytes received of OpenCV's wasm and the models, while loading. */
    download: { loaded: number; total: number } | null;
  };
  engineLoading: () => void;
  engineStep: (step: LoadStep, done: boolean) => void;
  engineDownload: (loaded: number, total: number) => void;
  engineReady: (backend: BackendName, loadMs: number) => void;
  engineFailed: (message: string) => void;
}

const LOADING: EngineSlice['engine'] = {
  state: 'loading',
  backend: null,
  steps: {},
  loadMs: null,
  error: null,
  download: null,
};

export const createEngineSlice: StateCreator<EngineSlice, [], [], EngineSlice> = (set) => ({
  engine: { ...LOADING },
  engineLoading: () => set({ engine: { ...LOADING } }),
  engineDownload: (loaded, total) =>
    set((s) => ({ engine: { ...s.engine, download: { loaded, total } } })),
  engineStep: (step, done) =>
    set((s) => ({
      engine: { ...s.engine, steps: { ...s.engine.steps, [step]: done ? 'done' : 'started' } },
    })),
  engineReady: (backend, loadMs) =>
    set((s) => ({ engine: { ...s.engine, state: 'ready', backend, loadMs, error: null } })),
  engineFailed: (message) =>
    set((s) => ({ engine: { ...s.engine, state: 'error', error: message } })),
});
