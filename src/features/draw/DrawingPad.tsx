import { useCallback, useEffect, useRef, useState, type PointerEvent } from 'react';
import { useDrawingStore } from './drawingStore';
import { DARK_PAD, LIGHT_PAD, drawPaper, drawStroke, drawStrokes } from './renderStrokes';
import {
  exportArea,
  extendStroke,
  fitScale,
  penWidthFor,
  startStroke,
  strokeWidthFor,
  type Point,
  type Size,
  type Stroke,
  withWidth,
} from './strokes';

interface ActiveStroke {
  pointerId: number;
  stroke: Stroke;
}

/**
 * The scale from drawing space to the pad: the drawing space, grown by any ink drawn beyond it
 * (on a full-screen pad, before a rotation), all fits. Within one pad shape it does not change
 * as strokes are added, so the drawing never jumps under the pen.
 */
function padScale(space: Size | null, strokes: readonly Stroke[], css: Size): number {
  if (!space) return 1;
  const area = exportArea(space, strokes);
  // Ink beyond the space gets a margin, so it does not touch the pad's edge.
  const grown = (a: number, s: number): number => (a > s ? a * 1.04 : a);
  return fitScale(
    { width: grown(area.width, space.width), height: grown(area.height, space.height) },
    css,
  );
}

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
  const cssSize = useRef<Size>({ width: 0, height: 0 });
  const active = useRef<ActiveStroke | null>(null);
  const frame = useRef(0);
  const [penDown, setPenDown] = useState(false);
  const strokes = useDrawingStore((s) => s.drawing.strokes);
  const commit = useDrawingStore((s) => s.commit);

  const paint = useCallback(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    const css = cssSize.current;
    if (!canvas || !ctx || css.width === 0 || css.height === 0) return;
    const { space, strokes: committed } = useDrawingStore.getState().drawing;
    const scale = padScale(space, committed, css);
    // One pen width for all ink, following the writing size (the stroke in progress included).
    const all = active.current ? [...committed, active.current.stroke] : committed;
    const width = penWidthFor(all, (space ?? css).height);
    // The pad follows the theme; the exported image is always dark on white.
    const colors = document.documentElement.classList.contains('dark') ? DARK_PAD : LIGHT_PAD;
    // Backing store in device pixels; the paper in CSS pixels, strokes in drawing-space ones.
    const rx = canvas.width / css.width;
    const ry = canvas.height / css.height;
    ctx.setTransform(rx, 0, 0, ry, 0, 0);
    drawPaper(ctx, css, colors);
    ctx.setTransform(rx * scale, 0, 0, ry * scale, 0, 0);
    drawStrokes(ctx, withWidth(committed, width), colors.ink);
    if (active.current) drawStroke(ctx, { ...active.current.stroke, width }, colors.ink);
  }, []);

  const schedulePaint = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      paint();
    });
  }, [paint]);

  useEffect(
    () => () => {
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    },
    [],
  );

  // Committed strokes changed (a stroke ended, undo, redo, clear).
  useEffect(paint, [paint, strokes]);

  // Size the backing store in device pixels so lines stay crisp, and repaint from the stored
  // strokes whenever the layout or the zoom changes.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const box = entry.contentBoxSize[0];
      const width = box?.inlineSize ?? entry.contentRect.width;
      const height = box?.blockSize ?? entry.contentRect.height;
      const device = entry.devicePixelContentBoxSize?.[0];
      canvas.width = Math.max(1, device?.inlineSize ?? Math.round(width * devicePixelRatio));
      canvas.height = Math.max(1, device?.blockSize ?? Math.round(height * devicePixelRatio));
      cssSize.current = { width, height };
      paint();
    });
    try {
      observer.observe(canvas, { box: 'device-pixel-content-box' });
    } catch {
      observer.observe(canvas); // Safari has no device-pixel-content-box.
    }
    return () => observer.disconnect();
  }, [paint]);

  // The theme toggles a class on <html>: repaint with the new ink colour.
  useEffect(() => {
    const observer = new MutationObserver(paint);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
    return () => observer.disconnect();
  }, [paint]);

  const toDrawingSpace = (e: { clientX: number; clientY: number }): Point => {
    const rect = canvasRef.current!.getBoundingClientRect();
    const { space, strokes: committed } = useDrawingStore.getState().drawing;
    const scale = padScale(space, committed, cssSize.current);
    return { x: (e.clientX - rect.left) / scale, y: (e.clientY - rect.top) / scale };
  };

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>): void => {
    // One stroke at a time: a second finger or a palm does not start another.
    if (active.current || !e.isPrimary) return;
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    e.preventDefault();
    try {
      // Keeps the stroke going when the pen leaves the pad; synthetic events cannot be captured.
      e.currentTarget.setPointerCapture(e.pointerId);
    } catch {
      /* drawing still works inside the pad */
    }
    const space = useDrawingStore.getState().drawing.space ?? cssSize.current;
    active.current = {
      pointerId: e.pointerId,
      stroke: startStroke(toDrawingSpace(e), strokeWidthFor(space.height)),
    };
    setPenDown(true);
    schedulePaint();
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>): void => {
    const current = active.current;
    if (!current || current.pointerId !== e.pointerId) return;
    // Coalesced events carry every sample since the last frame: smoother fast strokes.
    const samples = e.nativeEvent.getCoalescedEvents?.() ?? [];
    let stroke = current.stroke;
    for (const sample of samples.length > 0 ? samples : [e]) {
      stroke = extendStroke(stroke, toDrawingSpace(sample));
    }
    current.stroke = stroke;
    schedulePaint();
  };

  const endStroke = (e: PointerEvent<HTMLCanvasElement>, keep: boolean): void => {
    const current = active.current;
    if (!current || current.pointerId !== e.pointerId) return;
    active.current = null;
    setPenDown(false);
    if (keep) commit(extendStroke(current.stroke, toDrawingSpace(e)), cssSize.current);
    else schedulePaint(); // pointercancel: the system took over, drop the partial stroke
  };

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
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={(e) => endStroke(e, true)}
        onPointerCancel={(e) => endStroke(e, false)}
        onLostPointerCapture={(e) => endStroke(e, true)}
        onContextMenu={(e) => e.preventDefault()}
      />
      {empty && (
        <div
          aria-hidden="true"
          className="pointer-events-none absolute inset-0 flex select-none flex-col items-center justify-center gap-1 text-slate-400 dark:text-slate-500"
        >
          <span className="font-serif text-4xl italic sm:text-5xl">0 1 2 3</span>
          <span className="text-sm">Write here with a mouse, finger or pen</span>
        </div>
      )}
    </div>
  );
}
