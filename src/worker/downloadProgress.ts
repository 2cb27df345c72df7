/**
 * Counts the bytes of the engine's downloads (OpenCV's wasm, the model files) as they arrive, so
 * the status pill can show a real percentage. The counted copy is a clone of the response: the
 * original goes untouched to WebAssembly.compileStreaming or tfjs, keeping its URL and so the
 * browser's compiled-code cache.
 */
export interface DownloadProgress {
  /** fetch() whose body bytes are counted; `expected` is used when no Content-Length is sent. */
  fetch(url: string | URL | Request, init?: RequestInit, expected?: number): Promise<Response>;
}

export function createDownloadProgress(
  report: (loaded: number, total: number) => void,
  minIntervalMs = 50,
): DownloadProgress {
  let loaded = 0;
  let total = 0;
  let lastReport = -Infinity;
  const emit = (force: boolean): void => {
    const now = performance.now();
    if (!force && now - lastReport < minIntervalMs) return;
    lastReport = now;
    report(loaded, Math.max(total, loaded));
  };

  async function count(response: Response, expected: number): Promise<void> {
    const reader = response.body?.getReader();
    if (!reader) return;
    let seen = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        seen += value.byteLength;
        loaded += value.byteLength;
        // A compressed response carries more bytes than its Content-Length says.
        if (seen > expected) {
          total += seen - expected;
          expected = seen;
        }
        emit(false);
      }
    } catch {
      // The original body reports its own failure to whoever reads it.
    }
    emit(true);
  }

  return {
    async fetch(url, init, expected = 0) {
      const response = await fetch(url, init);
      if (!response.ok || !response.body) return response;
      const length = Number(response.headers.get('Content-Length'));
      const size = Number.isFinite(length) && length > 0 ? length : expected;
      total += size;
      void count(response.clone(), size);
      return response;
    },
  };
}
