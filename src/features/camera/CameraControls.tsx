import type { CameraController, CameraSnapshot } from './cameraController';

/** Torch and zoom, each shown only where the camera offers it. */
export function CameraControls({
  camera,
  controller,
}: {
  camera: Pick<CameraSnapshot, 'torch' | 'zoom'>;
  controller: CameraController;
}) {
  const { torch, zoom } = camera;
  if (torch === null && !zoom) return null;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-700 dark:text-slate-300">
      {torch !== null && (
        <button
          type="button"
          data-testid="camera-torch"
          aria-pressed={torch}
          onClick={() => void controller.setTorch(!torch)}
          className="min-h-10 rounded-lg px-3 ring-1 ring-slate-300 aria-pressed:bg-amber-100 aria-pressed:text-amber-900 dark:ring-slate-600 dark:aria-pressed:bg-amber-900/40 dark:aria-pressed:text-amber-100"
        >
          Torch {torch ? 'on' : 'off'}
        </button>
      )}
      {zoom && (
        <label className="flex min-w-48 flex-1 items-center gap-2">
          Zoom
          <input
            type="range"
            data-testid="camera-zoom"
            min={zoom.min}
            max={zoom.max}
            step={zoom.step}
            value={zoom.value}
            onChange={(e) => void controller.setZoom(Number(e.target.value))}
            className="flex-1 accent-indigo-600"
          />
          <span className="w-10 text-right tabular-nums">{zoom.value.toFixed(1)}×</span>
        </label>
      )}
    </div>
  );
}
