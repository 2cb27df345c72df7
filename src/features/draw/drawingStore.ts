/**
 * The draw feature's own state, kept outside React so the strokes survive the panel being
 * unmounted when the user switches to Upload or Camera and back. Every change of the strokes
 * is sent for recognition at once (a newer request cancels the older one).
 */
import { create } from 'zustand';
import { setDrawing } from '../../store/recognition';
import { exportDrawing } from './exportDrawing';
import {
  EMPTY_DRAWING,
  clearDrawing,
  commitStroke,
  redo,
  undo,
  type Drawing,
  type Size,
  type Stroke,
} from './strokes';

interface DrawingStore {
  drawing: Drawing;
  commit: (stroke: Stroke, space: Size) => void;
  undo: () => void;
  redo: () => void;
  clear: () => void;
}

export const useDrawingStore = create<DrawingStore>()((set, get) => {
  const apply = (change: (d: Drawing) => Drawing): void => {
    const before = get().drawing;
    const after = change(before);
    if (after === before) return;
    set({ drawing: after });
    if (after.strokes !== before.strokes) void setDrawing(exportDrawing(after));
  };
  return {
    drawing: EMPTY_DRAWING,
    commit: (stroke, space) => apply((d) => commitStroke(d, stroke, space)),
    undo: () => apply(undo),
    redo: () => apply(redo),
    clear: () => apply(clearDrawing),
  };
});
