import type { StateCreator } from 'zustand';

/**
 * The digit the user points at (hover, focus or tap), shared by the result list, the boxes
 * stage and the crops. An index into the active result's digits in reading order (all lines
 * flattened); null when nothing is highlighted. Readers ignore an index past the end, so a new
 * result never needs to clear it first.
 */
export interface HighlightSlice {
  highlight: number | null;
  setHighlight: (index: number | null) => void;
}

export const createHighlightSlice: StateCreator<HighlightSlice, [], [], HighlightSlice> = (
  set,
) => ({
  highlight: null,
  setHighlight: (index) => set({ highlight: index }),
});
