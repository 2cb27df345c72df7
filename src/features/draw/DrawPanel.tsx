import { useId } from 'react';
import { Button } from '../../ui/Button';
import { RedoIcon, TrashIcon, UndoIcon } from '../../ui/icons';
import { useDrawingStore } from './drawingStore';
import { DrawingPad } from './DrawingPad';
import { canClear, canRedo, canUndo } from './strokes';
import { useUndoShortcuts } from './useUndoShortcuts';

const isApple = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
const UNDO_KEYS = isApple ? '⌘Z' : 'Ctrl+Z';
const REDO_KEYS = isApple ? '⇧⌘Z' : 'Ctrl+Shift+Z';

export function DrawPanel() {
  const hintId = useId();
  const undoable = useDrawingStore((s) => canUndo(s.drawing));
  const redoable = useDrawingStore((s) => canRedo(s.drawing));
  const clearable = useDrawingStore((s) => canClear(s.drawing));
  const undo = useDrawingStore((s) => s.undo);
  const redo = useDrawingStore((s) => s.redo);
  const clear = useDrawingStore((s) => s.clear);
  useUndoShortcuts(undo, redo);

  return (
    <div className="flex flex-col gap-3">
      <DrawingPad describedBy={hintId} />
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <p id={hintId} className="text-sm text-slate-600 dark:text-slate-400">
          Write digits; several lines are fine. The pen thins to match small writing.
        </p>
        <div role="toolbar" aria-label="Drawing" className="flex items-center gap-2 sm:ml-auto">
          <Button
            data-testid="undo"
            onClick={undo}
            disabled={!undoable}
            title={`Undo (${UNDO_KEYS})`}
            aria-keyshortcuts="Control+Z Meta+Z"
          >
            <UndoIcon />
            Undo
          </Button>
          <Button
            data-testid="redo"
            onClick={redo}
            disabled={!redoable}
            title={`Redo (${REDO_KEYS})`}
            aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
          >
            <RedoIcon />
            Redo
          </Button>
          <Button data-testid="clear" onClick={clear} disabled={!clearable} title="Clear the pad">
            <TrashIcon />
            Clear
          </Button>
        </div>
      </div>
    </div>
  );
}
