import { useRef } from 'react';
import { useDrawingStore } from './drawingStore';
import { usePadCanvas, type ActiveStroke } from './usePadCanvas';
import { usePenStrokes } from './usePenStrokes';

/**
 * The canvas people write on. The stroke in progress lives in a ref and is painted on the next
 * animation frame; it reaches the store (and recognition) only when the pointer lifts.
 */
export function DrawingPad({
  describedBy,
  fill = false,
}: {
  describedBy?: string;
  /** Take all the height the parent gives (the full-screen pad) instead of a fixed shape. */
  fill?: boolean;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const activeRef = useRef<ActiveStroke | null>(null);
  const strokes = useDrawingStore((s) => s.drawing.strokes);
  const { cssSizeRef, schedulePaint } = usePadCanvas(canvasRef, activeRef, strokes);
  const { penDown, handlers } = usePenStrokes(canvasRef, cssSizeRef, activeRef, schedulePaint);
  const empty = strokes.length === 0 && !penDown;

  return (
    <div
      className={`relative w-full overflow-hidden rounded-xl bg-white ring-1 ring-slate-300 dark:bg-slate-950 dark:ring-slate-700 ${
        fill ? 'min-h-0 flex-1' : 'aspect-[4/3] max-h-[70vh] sm:aspect-[16/10]'
      }`}
    >
      <canvas
        ref={canvasRef}
        data-testid="draw-canvas"
        role="img"
        aria-label={`Drawing pad, ${strokes.length} ${strokes.length === 1 ? 'stroke' : 'strokes'}`}
        aria-describedby={describedBy}
        className="absolute inset-0 block size-full cursor-crosshair touch-none select-none [-webkit-touch-callout:none]"
        {...handlers}
        onContextMenu={(e) => e.preventDefault()}
      />
      {empty && <PadHint />}
    </div>
  );
}

/** What to do with an empty pad. */
function PadHint() {
  return (
    <div
      aria-hidden="true"
      className="pointer-events-none absolute inset-0 flex select-none flex-col items-center justify-center gap-1 text-slate-400 dark:text-slate-500"
    >
      <span className="font-serif text-4xl italic sm:text-5xl">0 1 2 3</span>
      <span className="text-sm">Write here with a mouse, finger or pen</span>
    </div>
  );
}
