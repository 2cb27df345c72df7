/**
 * The one store, in slices. Components read it through narrow selectors; actions are plain
 * functions (see recognition.ts, engine.ts) so non-React code can call them too.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { createEngineSlice, type EngineSlice } from './engineSlice';
import { createHighlightSlice, type HighlightSlice } from './highlightSlice';
import { createInputSlice, type InputSlice } from './inputSlice';
import { createParamsSlice, type ParamsSlice } from './paramsSlice';
import { createPersonalSlice, type PersonalSlice } from './personalSlice';
import { createSettingsSlice, type SettingsSlice } from './settingsSlice';

export type AppState = EngineSlice &
  HighlightSlice &
  InputSlice &
  ParamsSlice &
  PersonalSlice &
  SettingsSlice;

export const useAppStore = create<AppState>()(
  persist(
    (...a) => ({
      ...createEngineSlice(...a),
      ...createHighlightSlice(...a),
      ...createInputSlice(...a),
      ...createParamsSlice(...a),
      ...createPersonalSlice(...a),
      ...createSettingsSlice(...a),
    }),
    {
      name: 'digit-lens-settings',
      version: 1,
      // The global, not window.localStorage: the same object in browsers, and reachable in Node.
      storage: createJSONStorage(() => localStorage),
      // Only preferences are kept on the device; images and results never are.
      partialize: (s) => ({ settings: s.settings, params: s.params }),
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<Pick<AppState, 'settings' | 'params'>>;
        return {
          ...current,
          settings: { ...current.settings, ...p.settings },
          params: { ...current.params, ...p.params },
        };
      },
    },
  ),
);

export function activeItemId(s: AppState): string | null {
  return s.activeIds[s.mode];
}
