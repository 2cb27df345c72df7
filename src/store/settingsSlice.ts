import type { StateCreator } from 'zustand';
import type { BackendName } from '../engine/types';

export type ThemeSetting = 'system' | 'light' | 'dark';
export type BackendSetting = 'auto' | BackendName;

export interface SettingsSlice {
  settings: { theme: ThemeSetting; backend: BackendSetting };
  setTheme: (theme: ThemeSetting) => void;
  setBackendSetting: (backend: BackendSetting) => void;
}

export const createSettingsSlice: StateCreator<SettingsSlice, [], [], SettingsSlice> = (set) => ({
  settings: { theme: 'system', backend: 'auto' },
  setTheme: (theme) => set((s) => ({ settings: { ...s.settings, theme } })),
  setBackendSetting: (backend) => set((s) => ({ settings: { ...s.settings, backend } })),
});
