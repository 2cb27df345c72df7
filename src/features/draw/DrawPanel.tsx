import { useId, useRef } from 'react';
import { useAppStore } from '../../store/appStore';
import { DRAWING_ID } from '../../store/inputSlice';
import { Button } from '../../ui/Button';
import { CollapseIcon, ExpandIcon, RedoIcon, TrashIcon, UndoIcon } from '../../ui/icons';
import { useDrawingStore } from './drawingStore';
import { DrawingPad } from './DrawingPad';
import { canClear, canRedo, canUndo } from './strokes';
import { useFullscreen } from './useFullscreen';
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
  const rootRef = useRef<HTMLDivElement>(null);
  const fullscreen = useFullscreen(rootRef);
  // On the full-screen pad the result panel is out of sight: the reading shows in the toolbar.
  const reading = useAppStore((s) => s.items[DRAWING_ID]?.result?.text ?? '');

  return (
    <div
      ref={rootRef}
      data-fullscreen={fullscreen.active}
      className={
        fullscreen.active
          ? 'fixed inset-0 z-50 flex flex-col gap-2 bg-slate-50 p-2 pb-[max(0.5rem,env(safe-area-inset-bottom))] dark:bg-slate-900'
          : 'flex flex-col gap-3'
      }
    >
      <div className={`relative ${fullscreen.active ? 'flex min-h-0 flex-1 flex-col' : ''}`}>
        <DrawingPad describedBy={hintId} fill={fullscreen.active} />
        <Button
          data-testid="pad-fullscreen"
          variant="ghost"
          aria-pressed={fullscreen.active}
          aria-label={fullscreen.active ? 'Exit full screen' : 'Full screen pad'}
          title={fullscreen.active ? 'Exit full screen (Esc)' : 'Full screen pad'}
          onClick={() => void (fullscreen.active ? fullscreen.exit() : fullscreen.enter())}
          className="absolute top-2 right-2 min-h-10 min-w-10 bg-white/80 px-2 ring-1 ring-slate-300 backdrop-blur dark:bg-slate-900/80 dark:ring-slate-600"
        >
          {fullscreen.active ? <CollapseIcon /> : <ExpandIcon />}
        </Button>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        {fullscreen.active ? (
          <p
            data-testid="pad-reading"
            aria-live="polite"
            className="min-w-0 font-mono text-xl font-semibold tracking-wider text-slate-900 dark:text-slate-50"
          >
            {reading.replace(/\n/g, ' ') || (
              <span id={hintId} className="font-sans text-sm font-normal text-slate-500">
                Write digits
              </span>
            )}
          </p>
        ) : (
          <p id={hintId} className="text-sm text-slate-600 dark:text-slate-400">
            Write digits; several lines are fine. The pen thins to match small writing.
          </p>
        )}
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
