/**
 * "Learn my handwriting": opt-in; corrected digits become personal samples, kept in
 * IndexedDB on this device only (personalStorage.ts) and handed to the engine by
 * personalSync.ts. The correction UI calls `addPersonalSample(crop28, label)` after a fix.
 */
import type { StateCreator } from 'zustand';
import { samplesFromJson, samplesToJson } from './personalFile';
import { defaultStorage, type SampleStorage, type StoredSample } from './personalStorage';

/** The switch is a preference, kept beside (not inside) the samples. */
export const LEARN_KEY = 'digit-lens-learn';
/** Oldest samples are dropped beyond this (the engine uses at most as many). */
export const MAX_SAMPLES = 2000;

let storage: SampleStorage | null = null;
const store = (): SampleStorage => (storage ??= defaultStorage());

/** Tests swap IndexedDB for memory. */
export function setSampleStorage(s: SampleStorage): void {
  storage = s;
}

function readEnabled(): boolean {
  try {
    return globalThis.localStorage?.getItem(LEARN_KEY) === 'on';
  } catch {
    return false;
  }
}

function writeEnabled(on: boolean): void {
  try {
    if (on) globalThis.localStorage?.setItem(LEARN_KEY, 'on');
    else globalThis.localStorage?.removeItem(LEARN_KEY);
  } catch {
    // Storage blocked (private mode): the switch lasts for this tab.
  }
}

let counter = 0;
const newId = (): string =>
  globalThis.crypto?.randomUUID?.() ?? `s${Date.now().toString(36)}-${(counter++).toString(36)}`;

export interface PersonalSlice {
  personal: {
    enabled: boolean;
    samples: StoredSample[];
    /** The stored samples have been read (IndexedDB is asynchronous). */
    loaded: boolean;
    /** A sentence for the user when storage or an import failed. */
    error: string | null;
    /** How many samples the engine adapts to right now (0 while off); null until it says. */
    inUse: number | null;
  };
  personalInUse: (count: number | null) => void;
  setLearnEnabled: (on: boolean) => void;
  loadPersonalSamples: () => Promise<void>;
  /** Keeps a corrected digit; does nothing (false) while learning is off or the input is bad. */
  addPersonalSample: (crop28: Float32Array, label: number) => Promise<boolean>;
  deletePersonalSample: (id: string) => Promise<void>;
  forgetPersonalSamples: () => Promise<void>;
  /** Adds the samples of an exported file; resolves to how many. */
  importPersonalSamples: (text: string) => Promise<number>;
  exportPersonalSamples: () => string;
}

const STORAGE_FAILED =
  'Your handwriting samples could not be saved on this device (storage is blocked or full). They last until the tab closes.';

export const createPersonalSlice: StateCreator<PersonalSlice, [], [], PersonalSlice> = (
  set,
  get,
) => {
  const setSamples = (samples: StoredSample[], error: string | null = null): void =>
    set((s) => ({ personal: { ...s.personal, samples, error } }));
  const persist = async (work: () => Promise<void>): Promise<void> => {
    try {
      await work();
    } catch {
      set((s) => ({ personal: { ...s.personal, error: STORAGE_FAILED } }));
    }
  };
  /** Oldest first; beyond the cap the oldest go (from storage too). */
  const keep = async (added: StoredSample[]): Promise<void> => {
    const all = [...get().personal.samples, ...added];
    const dropped = all.slice(0, Math.max(0, all.length - MAX_SAMPLES));
    setSamples(all.slice(dropped.length));
    await persist(async () => {
      await store().put(added);
      for (const d of dropped) await store().remove(d.id);
    });
  };
  return {
    personal: { enabled: readEnabled(), samples: [], loaded: false, error: null, inUse: null },
    personalInUse: (inUse) => set((s) => ({ personal: { ...s.personal, inUse } })),
    setLearnEnabled: (on) => {
      writeEnabled(on);
      set((s) => ({ personal: { ...s.personal, enabled: on } }));
    },
    loadPersonalSamples: async () => {
      try {
        const stored = await store().list();
        // Samples added before the list arrived stay.
        const ids = new Set(stored.map((s) => s.id));
        const extra = get().personal.samples.filter((s) => !ids.has(s.id));
        set((s) => ({ personal: { ...s.personal, samples: [...stored, ...extra], loaded: true } }));
      } catch {
        set((s) => ({ personal: { ...s.personal, loaded: true, error: STORAGE_FAILED } }));
      }
    },
    addPersonalSample: async (crop28, label) => {
      if (!get().personal.enabled) return false;
      if (!Number.isInteger(label) || label < 0 || label > 9 || crop28.length !== 784) return false;
      await keep([
        { id: newId(), label, crop28: Float32Array.from(crop28), createdAt: Date.now() },
      ]);
      return true;
    },
    deletePersonalSample: async (id) => {
      setSamples(get().personal.samples.filter((s) => s.id !== id));
      await persist(() => store().remove(id));
    },
    forgetPersonalSamples: async () => {
      setSamples([]);
      await persist(() => store().clear());
    },
    importPersonalSamples: async (text) => {
      const imported = samplesFromJson(text, newId); // throws an EngineError with a sentence
      await keep(imported.sort((a, b) => a.createdAt - b.createdAt));
      return imported.length;
    },
    exportPersonalSamples: () => samplesToJson(get().personal.samples),
  };
};
