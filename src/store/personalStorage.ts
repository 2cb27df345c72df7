/**
 * Where personal samples live: IndexedDB in the browser (database "digit-lens", store
 * "personal-samples"), memory where there is none (Node tests). They never leave the device.
 */

export interface StoredSample {
  id: string;
  /** 0..9: what the user said the digit is. */
  label: number;
  /** The 28x28 crop the model saw (ink 1), 784 values. */
  crop28: Float32Array;
  /** Milliseconds since the epoch; samples are kept and listed oldest first. */
  createdAt: number;
}

export interface SampleStorage {
  list(): Promise<StoredSample[]>;
  put(samples: readonly StoredSample[]): Promise<void>;
  remove(id: string): Promise<void>;
  clear(): Promise<void>;
}

export function memoryStorage(): SampleStorage {
  const data = new Map<string, StoredSample>();
  return {
    list: async () => [...data.values()].sort((a, b) => a.createdAt - b.createdAt),
    put: async (samples) => {
      for (const s of samples) data.set(s.id, s);
    },
    remove: async (id) => void data.delete(id),
    clear: async () => data.clear(),
  };
}

const DB_NAME = 'digit-lens';
const STORE = 'personal-samples';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

export function indexedDbStorage(factory: IDBFactory = indexedDB): SampleStorage {
  let db: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> => {
    db ??= new Promise((resolve, reject) => {
      const r = factory.open(DB_NAME, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(STORE, { keyPath: 'id' });
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => {
        db = null;
        reject(r.error ?? new Error('IndexedDB could not be opened'));
      };
    });
    return db;
  };
  const run = async <T>(
    mode: IDBTransactionMode,
    work: (store: IDBObjectStore) => IDBRequest<T> | void,
  ): Promise<T | undefined> => {
    const tx = (await open()).transaction(STORE, mode);
    const r = work(tx.objectStore(STORE));
    // Listen before the transaction completes: a request's success fires before that.
    const result = r ? request(r) : Promise.resolve(undefined);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
    return result;
  };
  return {
    list: async () =>
      ((await run('readonly', (s) => s.getAll() as IDBRequest<StoredSample[]>)) ?? []).sort(
        (a, b) => a.createdAt - b.createdAt,
      ),
    put: async (samples) => {
      await run('readwrite', (s) => {
        for (const sample of samples) s.put(sample);
      });
    },
    remove: async (id) => {
      await run('readwrite', (s) => s.delete(id));
    },
    clear: async () => {
      await run('readwrite', (s) => s.clear());
    },
  };
}

/** IndexedDB when the platform has it, else memory (the samples then last for the tab). */
export function defaultStorage(): SampleStorage {
  return typeof indexedDB !== 'undefined' ? indexedDbStorage() : memoryStorage();
}
