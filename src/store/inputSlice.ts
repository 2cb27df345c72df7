import type { StateCreator } from 'zustand';
import type { RecognizeResult, RgbaImage } from '../engine/types';
import type { Correction } from './corrections';

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
  /** Folder uploads: the path inside the chosen folder, e.g. "forms/a.png". */
  path?: string;
  status: ItemStatus;
  /** What the engine read, with the person's corrections applied. */
  result: RecognizeResult | null;
  error: string | null;
  /** Corrections in the order made (see corrections.ts); absent when there are none. */
  corrections?: Correction[];
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
  /** Bumped when new input arrives (an upload, a capture): phones scroll the result into view. */
  revealSeq: number;
  setMode: (mode: InputMode) => void;
  putItem: (item: InputItem) => void;
  patchItem: (id: string, patch: Partial<InputItem>) => void;
  addUploads: (items: InputItem[]) => void;
  addCapture: (item: InputItem) => void;
  removeUploads: () => void;
  removeUpload: (id: string) => void;
  removeCaptures: () => void;
  selectItem: (mode: InputMode, id: string | null) => void;
}

export const createInputSlice: StateCreator<InputSlice, [], [], InputSlice> = (set) => ({
  mode: 'draw',
  items: {},
  uploadOrder: [],
  captureOrder: [],
  activeIds: { draw: DRAWING_ID, upload: null, camera: null },
  revealSeq: 0,
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
      // The newest upload is the one shown (the first of a batch added together).
      activeIds: { ...s.activeIds, upload: added[0]?.id ?? s.activeIds.upload },
      revealSeq: added.length > 0 ? s.revealSeq + 1 : s.revealSeq,
    })),
  addCapture: (item) =>
    set((s) => ({
      items: { ...s.items, [item.id]: item },
      captureOrder: [...s.captureOrder, item.id],
      activeIds: { ...s.activeIds, camera: item.id },
      revealSeq: s.revealSeq + 1,
    })),
  removeUploads: () =>
    set((s) => {
      const items = { ...s.items };
      for (const id of s.uploadOrder) delete items[id];
      return { items, uploadOrder: [], activeIds: { ...s.activeIds, upload: null } };
    }),
  removeUpload: (id) =>
    set((s) => {
      const at = s.uploadOrder.indexOf(id);
      if (at < 0) return s;
      const items = { ...s.items };
      delete items[id];
      const uploadOrder = s.uploadOrder.filter((x) => x !== id);
      // Removing the item on screen shows its neighbour (the next one, else the previous).
      const upload =
        s.activeIds.upload === id
          ? (uploadOrder[Math.min(at, uploadOrder.length - 1)] ?? null)
          : s.activeIds.upload;
      return { items, uploadOrder, activeIds: { ...s.activeIds, upload } };
    }),
  removeCaptures: () =>
    set((s) => {
      const items = { ...s.items };
      for (const id of s.captureOrder) delete items[id];
      return { items, captureOrder: [], activeIds: { ...s.activeIds, camera: null } };
    }),
  selectItem: (mode, id) => set((s) => ({ activeIds: { ...s.activeIds, [mode]: id } })),
});
