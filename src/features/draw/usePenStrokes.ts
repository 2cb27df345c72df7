import { useState, type PointerEvent, type RefObject } from 'react';
import { useDrawingStore } from './drawingStore';
import { padScale, type ActiveStroke } from './usePadCanvas';
import { extendStroke, startStroke, strokeWidthFor, type Point, type Size } from './strokes';

type PadPointerEvent = PointerEvent<HTMLCanvasElement>;

/**
 * Pen, touch and mouse input on the pad: one stroke at a time, pointer capture while it lasts,
 * every coalesced sample; the stroke reaches the store (and recognition) on pointer-up.
 */
export function usePenStrokes(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  cssSizeRef: RefObject<Size>,
  activeRef: RefObject<ActiveStroke | null>,
  schedulePaint: () => void,
) {
  const [penDown, setPenDown] = useState(false);
  const commit = useDrawingStore((s) => s.commit);

  const toDrawingSpace = (e: { clientX: number; clientY: number }): Point => {
    const rect = canvasRef.current!.getBoundingClientRect();
    const { space, strokes: committed } = useDrawingStore.getState().drawing;
    const scale = padScale(space, committed, cssSizeRef.current);
    return { x: (e.clientX - rect.left) / scale, y: (e.clientY - rect.top) / scale };
  };

  const onPointerDown = (e: PadPointerEvent): void => {
    // One stroke at a time: a second finger or a palm does not start another.
    if (activeRef.current || !e.isPrimary) return;
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    e.preventDefault();
    try {
      // Keeps the stroke going when the pen leaves the pad; synthetic events cannot be captured.
      e.currentTarget.setPointerCapture(e.pointerId);
    } catch {
      /* drawing still works inside the pad */
    }
    const space = useDrawingStore.getState().drawing.space ?? cssSizeRef.current;
    activeRef.current = {
      pointerId: e.pointerId,
      stroke: startStroke(toDrawingSpace(e), strokeWidthFor(space.height)),
    };
    setPenDown(true);
    schedulePaint();
  };

  const onPointerMove = (e: PadPointerEvent): void => {
    const current = activeRef.current;
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

  const endStroke = (e: PadPointerEvent, keep: boolean): void => {
    const current = activeRef.current;
    if (!current || current.pointerId !== e.pointerId) return;
    activeRef.current = null;
    setPenDown(false);
    if (keep) commit(extendStroke(current.stroke, toDrawingSpace(e)), cssSizeRef.current);
    else schedulePaint(); // pointercancel: the system took over, drop the partial stroke
  };

  return {
    penDown,
    handlers: {
      onPointerDown,
      onPointerMove,
      onPointerUp: (e: PadPointerEvent) => endStroke(e, true),
      onPointerCancel: (e: PadPointerEvent) => endStroke(e, false),
      onLostPointerCapture: (e: PadPointerEvent) => endStroke(e, true),
    },
  };
}
