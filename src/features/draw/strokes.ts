/**
 * The drawing model, free of React and the DOM: strokes, undo/redo history, the smoothed
 * path of a stroke and the bounds of the ink. Everything here is immutable plain data so a
 * history entry can share strokes with the current state.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Stroke {
  /** Points in CSS pixels of the drawing's `space`. */
  readonly points: readonly Point[];
  /** Line width in the same units. */
  readonly width: number;
}

export interface Drawing {
  /** The pad's size (CSS pixels) when the first stroke was drawn; strokes use its coordinates. */
  readonly space: Size | null;
  readonly strokes: readonly Stroke[];
  /** Earlier stroke lists, newest last (undo). */
  readonly past: readonly (readonly Stroke[])[];
  /** Undone stroke lists, newest last (redo). */
  readonly future: readonly (readonly Stroke[])[];
}

export const EMPTY_DRAWING: Drawing = { space: null, strokes: [], past: [], future: [] };

/** Bounds the history so a long session cannot grow memory without limit. */
export const MAX_HISTORY = 200;

/**
 * MNIST-like ink: the stroke is about 1/16 of the pad's height, so a digit written across a
 * third of the pad has the proportions of a 28x28 MNIST digit and two or three lines fit.
 */
export function strokeWidthFor(canvasHeight: number): number {
  return Math.min(40, Math.max(6, canvasHeight / 16));
}

/** MNIST's pen is about a sixth of a digit's height; a canvas stroke of that share reads best. */
const PEN_SHARE = 0.16;
/** Below this writing size (CSS px) the pen stops thinning: a 2 px line is hard to see. */
const MIN_WRITING = 20;

/** How tall the writing of one stroke is: its height, or half its width for a flat bar. */
function strokeExtent(stroke: Stroke): number {
  let top = Infinity;
  let bottom = -Infinity;
  let left = Infinity;
  let right = -Infinity;
  for (const p of stroke.points) {
    top = Math.min(top, p.y);
    bottom = Math.max(bottom, p.y);
    left = Math.min(left, p.x);
    right = Math.max(right, p.x);
  }
  return stroke.points.length === 0 ? 0 : Math.max(bottom - top, (right - left) / 2);
}

/**
 * The pen width for a drawing, following the writing size: 16% of the typical stroke's
 * extent (the 75th percentile, so bars and dots do not count as the size), never wider than
 * the pad's default pen. A phone number written 35 px tall gets a ~5 px line instead of a
 * ~25 px one that would fill every loop. All strokes share it, so the digits stay alike.
 */
export function penWidthFor(strokes: readonly Stroke[], padHeight: number): number {
  const extents = strokes.map(strokeExtent).sort((a, b) => a - b);
  const widest = strokeWidthFor(padHeight);
  if (extents.length === 0) return widest;
  const typical = extents[Math.min(extents.length - 1, Math.floor(extents.length * 0.75))]!;
  return Math.min(widest, PEN_SHARE * Math.max(MIN_WRITING, typical));
}

/** The strokes drawn with one pen width. */
export function withWidth(strokes: readonly Stroke[], width: number): Stroke[] {
  return strokes.map((s) => (s.width === width ? s : { ...s, width }));
}

/** Points closer than this (CSS px) to the previous one add nothing but noise. */
const MIN_STEP = 1.5;

export function startStroke(point: Point, width: number): Stroke {
  return { points: [point], width };
}

export function extendStroke(stroke: Stroke, point: Point): Stroke {
  const last = stroke.points[stroke.points.length - 1];
  if (last && Math.hypot(point.x - last.x, point.y - last.y) < MIN_STEP) return stroke;
  return { ...stroke, points: [...stroke.points, point] };
}

function pushHistory(drawing: Drawing, next: readonly Stroke[]): Drawing {
  return {
    ...drawing,
    strokes: next,
    past: [...drawing.past, drawing.strokes].slice(-MAX_HISTORY),
    future: [],
  };
}

/**
 * Adds a finished stroke; a new stroke makes the undone ones unreachable (no redo). The first
 * stroke fixes the drawing space for good, so strokes brought back by undo always match it.
 */
export function commitStroke(drawing: Drawing, stroke: Stroke, space: Size): Drawing {
  if (stroke.points.length === 0) return drawing;
  const withSpace = drawing.space ? drawing : { ...drawing, space };
  return pushHistory(withSpace, [...drawing.strokes, stroke]);
}

/** Clearing is an edit like any other, so an accidental clear can be undone. */
export function clearDrawing(drawing: Drawing): Drawing {
  if (drawing.strokes.length === 0) return drawing;
  return pushHistory(drawing, []);
}

export function undo(drawing: Drawing): Drawing {
  const previous = drawing.past[drawing.past.length - 1];
  if (!previous) return drawing;
  return {
    ...drawing,
    strokes: previous,
    past: drawing.past.slice(0, -1),
    future: [...drawing.future, drawing.strokes],
  };
}

export function redo(drawing: Drawing): Drawing {
  const next = drawing.future[drawing.future.length - 1];
  if (!next) return drawing;
  return {
    ...drawing,
    strokes: next,
    past: [...drawing.past, drawing.strokes],
    future: drawing.future.slice(0, -1),
  };
}

export const canUndo = (d: Drawing): boolean => d.past.length > 0;
export const canRedo = (d: Drawing): boolean => d.future.length > 0;
export const canClear = (d: Drawing): boolean => d.strokes.length > 0;

/**
 * How the strokes map onto a canvas of another size (a rotated phone, a resized window):
 * one uniform scale from the top-left corner, chosen so the whole drawing space still fits.
 */
export function fitScale(space: Size | null, target: Size): number {
  if (!space || space.width <= 0 || space.height <= 0) return 1;
  return Math.min(target.width / space.width, target.height / space.height);
}

/** Path commands a canvas (or a test) can replay; `dot` is a stroke that never moved. */
export type PathCommand =
  | { op: 'move'; x: number; y: number }
  | { op: 'line'; x: number; y: number }
  | { op: 'quad'; cx: number; cy: number; x: number; y: number }
  | { op: 'dot'; x: number; y: number };

/**
 * Smooths a polyline with quadratic curves: each sampled point becomes a control point and
 * the curve passes through the midpoints between samples, so corners from coarse pointer
 * sampling turn into round arcs while the ends stay where the pen went down and up.
 */
export function smoothPath(points: readonly Point[]): PathCommand[] {
  const first = points[0];
  if (!first) return [];
  if (points.length === 1) return [{ op: 'dot', x: first.x, y: first.y }];
  const commands: PathCommand[] = [{ op: 'move', x: first.x, y: first.y }];
  if (points.length === 2) {
    const end = points[1]!;
    commands.push({ op: 'line', x: end.x, y: end.y });
    return commands;
  }
  for (let i = 1; i < points.length - 1; i++) {
    const control = points[i]!;
    const next = points[i + 1]!;
    commands.push({
      op: 'quad',
      cx: control.x,
      cy: control.y,
      x: (control.x + next.x) / 2,
      y: (control.y + next.y) / 2,
    });
  }
  const last = points[points.length - 1]!;
  commands.push({ op: 'line', x: last.x, y: last.y });
  return commands;
}

export interface Bounds {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The box the ink covers, round caps included; null when there is no ink. */
export function inkBounds(strokes: readonly Stroke[]): Bounds | null {
  let bounds: Bounds | null = null;
  for (const stroke of strokes) {
    const r = stroke.width / 2;
    for (const p of stroke.points) {
      if (!bounds) {
        bounds = { left: p.x - r, top: p.y - r, right: p.x + r, bottom: p.y + r };
        continue;
      }
      bounds.left = Math.min(bounds.left, p.x - r);
      bounds.top = Math.min(bounds.top, p.y - r);
      bounds.right = Math.max(bounds.right, p.x + r);
      bounds.bottom = Math.max(bounds.bottom, p.y + r);
    }
  }
  return bounds;
}

/**
 * The drawing's whole area: the space, grown to take in ink drawn beyond it after the pad
 * changed shape. The pad fits this on screen; the export reads exportRegion of it.
 */
export function exportArea(space: Size, strokes: readonly Stroke[]): Size {
  const ink = inkBounds(strokes);
  return {
    width: Math.max(space.width, ink ? ink.right : 0),
    height: Math.max(space.height, ink ? ink.bottom : 0),
  };
}

/** The part of the drawing the engine reads: the ink with margins, in the space's pixels. */
export interface Region extends Size {
  x: number;
  y: number;
}

/** Margin around the ink, in ink heights: room for the background estimate and the polarity test. */
export const EXPORT_MARGIN = 0.5;
/** Never less than this much paper around the ink (a single flat stroke, a dot). */
export const MIN_EXPORT_MARGIN = 24;
/** The export's shorter side is grown to at least this (within the area) so it never reads as a tight crop. */
export const MIN_EXPORT_SIDE = 200;

/**
 * The ink's bounds grown by a margin, inside `area` (exportArea). Every stage costs in proportion
 * to the pixels it reads, and most of a pad is empty paper: a number written across the middle
 * reads from a strip a third of the pad's height.
 */
export function exportRegion(area: Size, strokes: readonly Stroke[]): Region {
  const ink = inkBounds(strokes);
  if (!ink) return { x: 0, y: 0, ...area };
  const margin = Math.max(MIN_EXPORT_MARGIN, EXPORT_MARGIN * (ink.bottom - ink.top));
  const span = (lo: number, hi: number, limit: number): [number, number] => {
    let a = Math.max(0, lo - margin);
    let b = Math.min(limit, hi + margin);
    const short = Math.min(limit, MIN_EXPORT_SIDE) - (b - a);
    if (short > 0) {
      a = Math.max(0, a - short / 2);
      b = Math.min(limit, a + Math.min(limit, MIN_EXPORT_SIDE));
      a = Math.max(0, b - Math.min(limit, MIN_EXPORT_SIDE));
    }
    return [Math.floor(a), Math.ceil(b)];
  };
  const [x0, x1] = span(ink.left, ink.right, area.width);
  const [y0, y1] = span(ink.top, ink.bottom, area.height);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Pixel size and scale of the exported image: the area, longest side at most `maxSide`. */
export function exportSize(area: Size, maxSide = 1024): Size & { scale: number } {
  const longest = Math.max(area.width, area.height);
  const scale = longest > maxSide ? maxSide / longest : 1;
  return {
    width: Math.max(1, Math.round(area.width * scale)),
    height: Math.max(1, Math.round(area.height * scale)),
    scale,
  };
}
