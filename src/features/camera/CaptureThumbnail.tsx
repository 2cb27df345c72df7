import { useEffect, useRef } from 'react';
import type { RgbaImage } from '../../engine/types';
import { useAppStore } from '../../store/appStore';
import { selectItem } from '../../store/recognition';

const THUMB_HEIGHT = 72;

function paintThumbnail(canvas: HTMLCanvasElement, image: RgbaImage): void {
  const scale = THUMB_HEIGHT / image.height;
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.max(1, Math.round(image.width * scale * ratio));
  canvas.height = Math.round(THUMB_HEIGHT * ratio);
  const full = document.createElement('canvas');
  full.width = image.width;
  full.height = image.height;
  full
    .getContext('2d')
    ?.putImageData(
      new ImageData(new Uint8ClampedArray(image.data), image.width, image.height),
      0,
      0,
    );
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(full, 0, 0, canvas.width, canvas.height);
}

export function CaptureThumbnail({ id }: { id: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const image = useAppStore((s) => s.items[id]?.image);
  const name = useAppStore((s) => s.items[id]?.name ?? 'Capture');
  const status = useAppStore((s) => s.items[id]?.status);
  const text = useAppStore((s) => s.items[id]?.result?.text);
  const selected = useAppStore((s) => s.activeIds.camera === id);

  useEffect(() => {
    if (canvasRef.current && image) paintThumbnail(canvasRef.current, image);
  }, [image]);

  const caption =
    status === 'working'
      ? 'Reading…'
      : status === 'error'
        ? 'Could not read'
        : text
          ? text.replace(/\n/g, ' ')
          : 'No digits';

  return (
    <button
      type="button"
      data-testid="camera-capture-item"
      aria-pressed={selected}
      aria-label={`${name}: ${caption}`}
      onClick={() => selectItem('camera', id)}
      className={`group flex shrink-0 flex-col overflow-hidden rounded-lg bg-white text-left ring-1 transition dark:bg-slate-800 ${
        selected
          ? 'ring-2 ring-indigo-500'
          : 'ring-slate-200 hover:ring-slate-400 dark:ring-slate-700 dark:hover:ring-slate-500'
      }`}
    >
      <canvas
        ref={canvasRef}
        aria-hidden="true"
        className="block w-auto bg-slate-100 dark:bg-slate-900"
        style={{ height: THUMB_HEIGHT }}
      />
      <span
        className={`max-w-32 truncate px-2 py-1 font-mono text-xs ${
          status === 'error'
            ? 'text-rose-700 dark:text-rose-300'
            : 'text-slate-700 dark:text-slate-200'
        }`}
      >
        {caption}
      </span>
    </button>
  );
}
