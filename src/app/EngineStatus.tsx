import { useAppStore } from '../store/appStore';
import { restartEngine } from '../store/engine';
import type { LoadStep } from '../engine/types';

const STEP_LABELS: Record<LoadStep, string> = {
  opencv: 'OpenCV',
  backend: 'accelerator',
  model: 'model',
  warmup: 'warm-up',
};

const BACKEND_LABELS = { webgl: 'WebGL (GPU)', wasm: 'WebAssembly', cpu: 'CPU' } as const;

/** Bytes received of the engine's downloads (OpenCV's wasm, the models), 0..100. */
function downloadPercent(download: { loaded: number; total: number } | null): number {
  if (!download || download.total <= 0) return 0;
  return Math.min(100, Math.floor((100 * download.loaded) / download.total));
}

export function EngineStatus() {
  const engine = useAppStore((s) => s.engine);
  const current = (Object.keys(STEP_LABELS) as LoadStep[]).find(
    (step) => engine.steps[step] !== 'done',
  );
  const done = Object.values(engine.steps).filter((s) => s === 'done').length;
  const percent = downloadPercent(engine.download);

  return (
    <div
      data-testid="engine-status"
      data-state={engine.state}
      data-backend={engine.backend ?? ''}
      role="status"
      aria-live="polite"
      className="flex items-center gap-2 rounded-full bg-slate-100 px-3 py-1.5 text-xs font-medium text-slate-700 ring-1 ring-slate-200 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-700"
    >
      {engine.state === 'loading' && (
        <>
          <span className="size-2 animate-pulse rounded-full bg-amber-500" aria-hidden="true" />
          <span title={`${done} of 4 start-up steps done`}>
            Loading {current ? STEP_LABELS[current] : 'engine'}… {percent}%
          </span>
          <span
            role="progressbar"
            aria-label="Engine download"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="h-1 w-10 overflow-hidden rounded-full bg-slate-300 dark:bg-slate-600"
          >
            <span
              className="block h-full bg-amber-500 transition-[width]"
              style={{ width: `${percent}%` }}
            />
          </span>
        </>
      )}
      {engine.state === 'ready' && (
        <>
          <span className="size-2 rounded-full bg-emerald-500" aria-hidden="true" />
          <span title={engine.loadMs ? `Started in ${Math.round(engine.loadMs)} ms` : undefined}>
            Ready · {engine.backend ? BACKEND_LABELS[engine.backend] : ''}
          </span>
        </>
      )}
      {engine.state === 'error' && (
        <>
          <span className="size-2 rounded-full bg-rose-500" aria-hidden="true" />
          <span>Engine failed</span>
          <button
            type="button"
            data-testid="engine-retry"
            onClick={() => void restartEngine().catch(() => undefined)}
            className="rounded-full bg-rose-600 px-2 py-0.5 text-white hover:bg-rose-500"
          >
            Retry
          </button>
        </>
      )}
    </div>
  );
}
