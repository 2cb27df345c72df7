import { useEffect, type RefObject } from 'react';
import { correctionWasLatestEdit, undoCorrection } from '../../store/corrections';

function isOtherTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.dataset.testid === 'digit-fix-input') return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

/**
 * Ctrl/Cmd+Z takes back the latest correction of the item on screen while focus is in the
 * result panel, or while a correction is the latest edit (no stroke since). Otherwise it is
 * left to the draw pad's undo. Listens in the capture phase so it decides before the pad does.
 */
export function useCorrectionUndo(
  panel: RefObject<HTMLElement | null>,
  itemId: string | null,
): void {
  useEffect(() => {
    if (!itemId) return;
    const onKeyDown = (e: KeyboardEvent): void => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      if (e.key.toLowerCase() !== 'z' || isOtherTextField(e.target)) return;
      const inPanel = panel.current?.contains(document.activeElement) ?? false;
      if (!inPanel && !correctionWasLatestEdit()) return;
      if (!undoCorrection(itemId)) return;
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [panel, itemId]);
}
