import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { useDrawingStore } from './drawingStore';
import { DARK_PAD, LIGHT_PAD, drawPaper, drawStroke, drawStrokes } from './renderStrokes';
import { exportArea, fitScale, penWidthFor, withWidth, type Size, type Stroke } from './strokes';

/** The stroke the pen is drawing now, kept out of React state until the pointer lifts. */
export interface ActiveStroke {
  pointerId: number;
  stroke: Stroke;
}

/**
 * The scale from drawing space to the pad: the drawing space, grown by any ink drawn beyond it
 * (on a full-screen pad, before a rotation), all fits. Within one pad shape it does not change
 * as strokes are added, so the drawing never jumps under the pen.
 */
export function padScale(space: Size | null, strokes: readonly Stroke[], css: Size): number {
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
 * Paints the pad: the committed strokes from the store plus the one in progress, at most once
 * per animation frame while the pen moves, and again whenever the strokes, the pad's size or
 * the theme change. Returns the pad's CSS size (for pointer maths) and the frame scheduler.
 */
export function usePadCanvas(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  activeRef: RefObject<ActiveStroke | null>,
  strokes: readonly Stroke[],
): { cssSizeRef: RefObject<Size>; schedulePaint: () => void } {
  const cssSizeRef = useRef<Size>({ width: 0, height: 0 });
  const frame = useRef(0);

  const paint = useCallback(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    const css = cssSizeRef.current;
    if (!canvas || !ctx || css.width === 0 || css.height === 0) return;
    const { space, strokes: committed } = useDrawingStore.getState().drawing;
    const scale = padScale(space, committed, css);
    // One pen width for all ink, following the writing size (the stroke in progress included).
    const all = activeRef.current ? [...committed, activeRef.current.stroke] : committed;
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
    if (activeRef.current) drawStroke(ctx, { ...activeRef.current.stroke, width }, colors.ink);
  }, [activeRef, canvasRef]);

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

  useBackingStore(canvasRef, cssSizeRef, paint);
  useThemeRepaint(paint);

  return { cssSizeRef, schedulePaint };
}

/**
 * Sizes the backing store in device pixels so lines stay crisp, and repaints from the stored
 * strokes whenever the layout or the zoom changes.
 */
function useBackingStore(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  cssSizeRef: RefObject<Size>,
  paint: () => void,
): void {
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
      cssSizeRef.current = { width, height };
      paint();
    });
    try {
      observer.observe(canvas, { box: 'device-pixel-content-box' });
    } catch {
      observer.observe(canvas); // Safari has no device-pixel-content-box.
    }
    return () => observer.disconnect();
  }, [canvasRef, cssSizeRef, paint]);
}

/** The theme toggles a class on <html>: repaint with the new ink colour. */
function useThemeRepaint(paint: () => void): void {
  useEffect(() => {
    const observer = new MutationObserver(paint);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
    return () => observer.disconnect();
  }, [paint]);
}
