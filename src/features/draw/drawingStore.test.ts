import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useDrawingStore } from './drawingStore';
import { EMPTY_DRAWING, extendStroke, startStroke } from './strokes';

// The store's side effects, observed: the real ones need a canvas and the engine worker.
const { setDrawing } = vi.hoisted(() => ({
  setDrawing: vi.fn((_image: unknown) => Promise.resolve()),
}));
vi.mock('../../store/recognition', () => ({ setDrawing }));
vi.mock('./exportDrawing', () => ({
  exportDrawing: (d: { strokes: unknown[] }) =>
    d.strokes.length > 0 ? { strokeCount: d.strokes.length } : null,
}));

const SPACE = { width: 600, height: 400 };
const stroke = (x: number) => extendStroke(startStroke({ x, y: 10 }, 20), { x, y: 200 });

describe('useDrawingStore', () => {
  beforeEach(() => {
    useDrawingStore.setState({ drawing: EMPTY_DRAWING });
    setDrawing.mockClear();
  });

  it('sends the drawing for recognition after every finished stroke', () => {
    const { commit } = useDrawingStore.getState();
    commit(stroke(50), SPACE);
    commit(stroke(150), SPACE);
    expect(setDrawing.mock.calls.map(([image]) => image)).toEqual([
      { strokeCount: 1 },
      { strokeCount: 2 },
    ]);
  });

  it('sends again after undo and redo, and null once the pad is empty', () => {
    const s = useDrawingStore.getState();
    s.commit(stroke(50), SPACE);
    s.undo();
    s.redo();
    s.clear();
    expect(setDrawing.mock.calls.map(([image]) => image)).toEqual([
      { strokeCount: 1 },
      null,
      { strokeCount: 1 },
      null,
    ]);
  });

  it('does not re-read when nothing changed (undo with no history, clear on an empty pad)', () => {
    const s = useDrawingStore.getState();
    s.undo();
    s.redo();
    s.clear();
    expect(setDrawing).not.toHaveBeenCalled();
  });
});
