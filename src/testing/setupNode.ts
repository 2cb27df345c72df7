/**
 * vitest runs in plain Node: give the store's persistence a working in-memory localStorage
 * (browsers have one) so it behaves as in the app instead of warning on every write.
 */
if (typeof globalThis.localStorage === 'undefined') {
  const data = new Map<string, string>();
  const memoryStorage: Storage = {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, String(value)),
  };
  Object.defineProperty(globalThis, 'localStorage', { value: memoryStorage, configurable: true });
}
