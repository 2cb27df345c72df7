import type { StateCreator } from 'zustand';
import type { RecognizeResult, RgbaImage } from '../engine/types';

export type InputMode = 'draw' | 'upload' | 'camera';
export type ItemStatus = 'idle' | 'working' | 'done' | 'error';

/** One thing to read: the drawing, an uploaded file, or a camera capture. */
export interface InputItem {
  id: string;
  source: InputMode;
  name: string;
  /** Uploads: decoded inside the worker. */
  file?: File;
  /** Drawings and captures: pixels the UI already has. */
  image?: RgbaImage;
  status: ItemStatus;
  result: RecognizeResult | null;
  error: string | null;
}

export const DRAWING_ID = 'drawing';

export interface InputSlice {
  mode: InputMode;
  items: Record<string, InputItem>;
  /** Uploaded items in the order they were added. */
  uploadOrder: string[];
  /** Camera captures, newest last. */
  captureOrder: string[];
  /** The item each mode shows in the result panel. */
  activeIds: Record<InputMode, string | null>;
  setMode: (mode: InputMode) => void;
  putItem: (item: InputItem) => void;
  patchItem: (id: string, patch: Partial<InputItem>) => void;
  addUploads: (items: InputItem[]) => void;
  addCapture: (item: InputItem) => void;
  removeUploads: () => void;
  removeCaptures: () => void;
  selectItem: (mode: InputMode, id: string | null) => void;
}

export const createInputSlice: StateCreator<InputSlice, [], [], InputSlice> = (set) => ({
  mode: 'draw',
  items: {},
  uploadOrder: [],
  captureOrder: [],
  activeIds: { draw: DRAWING_ID, upload: null, camera: null },
  setMode: (mode) => set({ mode }),
  putItem: (item) => set((s) => ({ items: { ...s.items, [item.id]: item } })),
  patchItem: (id, patch) =>
    set((s) => {
      const current = s.items[id];
      if (!current) return s;
      return { items: { ...s.items, [id]: { ...current, ...patch } } };
    }),
  addUploads: (added) =>
    set((s) => ({
      items: { ...s.items, ...Object.fromEntries(added.map((i) => [i.id, i])) },
      uploadOrder: [...s.uploadOrder, ...added.map((i) => i.id)],
      activeIds: { ...s.activeIds, upload: s.activeIds.upload ?? added[0]?.id ?? null },
    })),
  addCapture: (item) =>
    set((s) => ({
      items: { ...s.items, [item.id]: item },
      captureOrder: [...s.captureOrder, item.id],
      activeIds: { ...s.activeIds, camera: item.id },
    })),
  removeUploads: () =>
    set((s) => {
      const items = { ...s.items };
      for (const id of s.uploadOrder) delete items[id];
      return { items, uploadOrder: [], activeIds: { ...s.activeIds, upload: null } };
    }),
  removeCaptures: () =>
    set((s) => {
      const items = { ...s.items };
      for (const id of s.captureOrder) delete items[id];
      return { items, captureOrder: [], activeIds: { ...s.activeIds, camera: null } };
    }),
  selectItem: (mode, id) => set((s) => ({ activeIds: { ...s.activeIds, [mode]: id } })),
});
