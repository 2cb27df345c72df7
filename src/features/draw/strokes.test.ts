import { describe, expect, it } from 'vitest';
import {
  EMPTY_DRAWING,
  MAX_HISTORY,
  canClear,
  canRedo,
  canUndo,
  clearDrawing,
  commitStroke,
  exportArea,
  exportRegion,
  exportSize,
  extendStroke,
  fitScale,
  inkBounds,
  penWidthFor,
  redo,
  smoothPath,
  startStroke,
  strokeWidthFor,
  undo,
  type Drawing,
  type Point,
  type Stroke,
} from './strokes';

const SPACE = { width: 600, height: 400 };

function line(from: Point, to: Point, width = 10): Stroke {
  return extendStroke(startStroke(from, width), to);
}

function drawWith(...strokes: Stroke[]): Drawing {
  return strokes.reduce((d, s) => commitStroke(d, s, SPACE), EMPTY_DRAWING);
}

describe('stroke building', () => {
  it('starts with one point and appends the next ones', () => {
    const s = extendStroke(startStroke({ x: 1, y: 2 }, 8), { x: 10, y: 2 });
    expect(s.points).toEqual([
      { x: 1, y: 2 },
      { x: 10, y: 2 },
    ]);
    expect(s.width).toBe(8);
  });

  it('drops samples that barely moved, keeping the same stroke object', () => {
    const s = startStroke({ x: 5, y: 5 }, 8);
    expect(extendStroke(s, { x: 5.5, y: 5.5 })).toBe(s);
  });

  it('never mutates the stroke it extends', () => {
    const s = startStroke({ x: 0, y: 0 }, 8);
    extendStroke(s, { x: 50, y: 50 });
    expect(s.points).toHaveLength(1);
  });

  it('picks an MNIST-like width: 1/18 to 1/12 of the pad height, clamped for tiny and huge pads', () => {
    for (const h of [200, 300, 400, 600]) {
      const w = strokeWidthFor(h);
      expect(w).toBeGreaterThanOrEqual(h / 18);
      expect(w).toBeLessThanOrEqual(h / 12);
    }
    expect(strokeWidthFor(20)).toBe(6);
    expect(strokeWidthFor(5000)).toBe(40);
  });
});

describe('history', () => {
  const a = line({ x: 10, y: 10 }, { x: 10, y: 100 });
  const b = line({ x: 50, y: 10 }, { x: 90, y: 10 });

  it('starts empty with nothing to undo, redo or clear', () => {
    expect(canUndo(EMPTY_DRAWING)).toBe(false);
    expect(canRedo(EMPTY_DRAWING)).toBe(false);
    expect(canClear(EMPTY_DRAWING)).toBe(false);
  });

  it('commits strokes in order and fixes the drawing space with the first one', () => {
    const d = drawWith(a);
    const d2 = commitStroke(d, b, { width: 300, height: 200 });
    expect(d2.strokes).toEqual([a, b]);
    expect(d2.space).toEqual(SPACE);
  });

  it('ignores an empty stroke', () => {
    const empty: Stroke = { points: [], width: 10 };
    expect(commitStroke(EMPTY_DRAWING, empty, SPACE)).toBe(EMPTY_DRAWING);
  });

  it('undo removes the last stroke and redo brings it back', () => {
    const d = drawWith(a, b);
    const undone = undo(d);
    expect(undone.strokes).toEqual([a]);
    expect(canRedo(undone)).toBe(true);
    expect(redo(undone).strokes).toEqual([a, b]);
    expect(undo(undo(d)).strokes).toEqual([]);
  });

  it('undo and redo with nothing to do return the same drawing', () => {
    expect(undo(EMPTY_DRAWING)).toBe(EMPTY_DRAWING);
    expect(redo(drawWith(a))).toEqual(drawWith(a));
  });

  it('a new stroke after undo discards the redo branch', () => {
    const d = commitStroke(undo(drawWith(a, b)), b, SPACE);
    expect(canRedo(d)).toBe(false);
    expect(d.strokes).toEqual([a, b]);
  });

  it('clear empties the pad and can itself be undone', () => {
    const cleared = clearDrawing(drawWith(a, b));
    expect(cleared.strokes).toEqual([]);
    expect(canClear(cleared)).toBe(false);
    expect(undo(cleared).strokes).toEqual([a, b]);
  });

  it('clearing an empty pad is a no-op, not a history entry', () => {
    expect(clearDrawing(EMPTY_DRAWING)).toBe(EMPTY_DRAWING);
  });

  it('keeps at most MAX_HISTORY undo steps', () => {
    let d = EMPTY_DRAWING;
    for (let i = 0; i < MAX_HISTORY + 20; i++) d = commitStroke(d, a, SPACE);
    expect(d.past).toHaveLength(MAX_HISTORY);
    expect(d.strokes).toHaveLength(MAX_HISTORY + 20);
  });
});

describe('smoothPath', () => {
  it('is empty without points and a dot for a tap', () => {
    expect(smoothPath([])).toEqual([]);
    expect(smoothPath([{ x: 3, y: 4 }])).toEqual([{ op: 'dot', x: 3, y: 4 }]);
  });

  it('draws a straight segment between two points', () => {
    expect(
      smoothPath([
        { x: 0, y: 0 },
        { x: 10, y: 0 },
      ]),
    ).toEqual([
      { op: 'move', x: 0, y: 0 },
      { op: 'line', x: 10, y: 0 },
    ]);
  });

  it('curves through the midpoints with the samples as control points, ending on the last sample', () => {
    const pts = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 10 },
      { x: 20, y: 10 },
    ];
    expect(smoothPath(pts)).toEqual([
      { op: 'move', x: 0, y: 0 },
      { op: 'quad', cx: 10, cy: 0, x: 10, y: 5 },
      { op: 'quad', cx: 10, cy: 10, x: 15, y: 10 },
      { op: 'line', x: 20, y: 10 },
    ]);
  });
});

describe('geometry', () => {
  it('ink bounds include the round caps', () => {
    expect(inkBounds([])).toBeNull();
    expect(inkBounds([line({ x: 10, y: 20 }, { x: 30, y: 60 }, 8)])).toEqual({
      left: 6,
      top: 16,
      right: 34,
      bottom: 64,
    });
  });

  it('fits the drawing space into a resized pad with one uniform scale', () => {
    expect(fitScale(null, SPACE)).toBe(1);
    expect(fitScale(SPACE, SPACE)).toBe(1);
    expect(fitScale(SPACE, { width: 300, height: 400 })).toBe(0.5);
    expect(fitScale(SPACE, { width: 1200, height: 400 })).toBe(1);
  });

  it('exports the whole space, grown to include ink drawn beyond it', () => {
    expect(exportArea(SPACE, [line({ x: 10, y: 10 }, { x: 20, y: 20 })])).toEqual(SPACE);
    expect(exportArea(SPACE, [line({ x: 10, y: 10 }, { x: 700, y: 20 }, 10)])).toEqual({
      width: 705,
      height: 400,
    });
  });

  it('exports the ink with margins, not the empty paper around it', () => {
    // 210x50 of ink (round caps included) reads from 260x200: 25 px margins, grown to 200 high.
    const ink = [line({ x: 200, y: 180 }, { x: 400, y: 220 }, 10)];
    const r = exportRegion(SPACE, ink);
    expect(r).toEqual({ x: 170, y: 100, width: 260, height: 200 });
    // The margin (half the ink's height, at least 24 px) never goes past the space.
    const corner = exportRegion(SPACE, [line({ x: 5, y: 5 }, { x: 250, y: 300 }, 10)]);
    expect(corner).toEqual({ x: 0, y: 0, width: 408, height: 400 });
    expect(exportRegion(SPACE, [])).toEqual({ x: 0, y: 0, ...SPACE });
  });

  it('keeps the export at least 200 px on each side the space allows', () => {
    const dot = exportRegion(SPACE, [line({ x: 300, y: 200 }, { x: 301, y: 201 }, 4)]);
    expect(dot.width).toBe(200);
    expect(dot.height).toBe(200);
    expect(dot.x).toBeLessThanOrEqual(299);
    expect(dot.x + dot.width).toBeGreaterThanOrEqual(303);
    const flat = exportRegion({ width: 600, height: 120 }, [
      line({ x: 300, y: 60 }, { x: 310, y: 60 }),
    ]);
    expect(flat.height).toBe(120);
  });

  it('bounds the exported image to 1024 px on its longest side, keeping the aspect ratio', () => {
    expect(exportSize(SPACE)).toEqual({ width: 600, height: 400, scale: 1 });
    expect(exportSize({ width: 2048, height: 1024 })).toEqual({
      width: 1024,
      height: 512,
      scale: 0.5,
    });
  });
});

describe('penWidthFor', () => {
  const line = (x: number, y0: number, y1: number) => ({
    points: [
      { x, y: y0 },
      { x, y: y1 },
    ],
    width: 1,
  });
  it('uses the pad default before any ink and never exceeds it', () => {
    expect(penWidthFor([], 480)).toBe(strokeWidthFor(480));
    expect(penWidthFor([line(0, 0, 400)], 480)).toBe(strokeWidthFor(480));
  });
  it('follows the writing size: 35 px digits get a thin pen', () => {
    const digits = Array.from({ length: 10 }, (_, i) => line(i * 30, 100, 135));
    expect(penWidthFor(digits, 480)).toBeCloseTo(0.16 * 35, 5);
  });
  it('short bars and dots do not shrink the pen below the digits', () => {
    const strokes = [line(0, 0, 100), line(20, 0, 100), line(40, 0, 100), line(60, 0, 2)];
    expect(penWidthFor(strokes, 2000)).toBeCloseTo(16, 5);
  });
  it('a dot alone keeps a visible line', () => {
    expect(penWidthFor([{ points: [{ x: 1, y: 1 }], width: 9 }], 480)).toBeCloseTo(3.2, 5);
  });
});
