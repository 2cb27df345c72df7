/**
 * Corrections: a person replaces a digit the engine read. The item's result always shows the
 * corrected labels (so the big text, data-text, Copy and export agree without each applying
 * them); the item's `corrections` log says what the engine read, keeps the 28x28 crop for
 * on-device learning, and lets Undo take corrections back in reverse order.
 *
 * Learning (or anything else) can follow corrections with `subscribeCorrections`.
 */
import type { Box, RecognizeResult } from '../engine/types';
import { useAppStore } from './appStore';

export interface Correction {
  line: number;
  index: number;
  /** The digit's box, to find it again when the item is read anew (a stroke, a setting). */
  box: Box;
  /** What the engine read (its top guess). */
  from: number;
  /** What the person chose. */
  to: number;
  /** Whether the engine had flagged the digit doubtful. */
  wasDoubtful: boolean;
  /** The engine's confidence in `from`. */
  confidence: number;
  /** The 28x28 model input (ink = 1, row-major), the sample a learner needs. */
  crop28: Float32Array;
  /** Date.now() when made. */
  at: number;
}

export type CorrectionEvent =
  | { type: 'correct'; itemId: string; correction: Correction }
  | { type: 'undo'; itemId: string; correction: Correction };

const listeners = new Set<(e: CorrectionEvent) => void>();

/** Calls `listener` after every correction and every undo; returns the unsubscribe. */
export function subscribeCorrections(listener: (e: CorrectionEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(e: CorrectionEvent): void {
  for (const l of listeners) l(e);
}

/** The latest correction of one digit in a log, if any. */
export function latestFor(
  log: readonly Correction[],
  line: number,
  index: number,
): Correction | undefined {
  for (let i = log.length - 1; i >= 0; i--) {
    const c = log[i]!;
    if (c.line === line && c.index === index) return c;
  }
  return undefined;
}

/** True when the digit shows a label the person chose over the engine's. */
export function isCorrected(log: readonly Correction[] | undefined, line: number, index: number) {
  const c = log ? latestFor(log, line, index) : undefined;
  return c !== undefined && c.to !== c.from;
}

function textOf(result: RecognizeResult): string {
  return result.lines.map((l) => l.digits.map((d) => String(d.label)).join('')).join('\n');
}

/** The result with one digit relabelled (a new object; the rest shared). */
function relabel(
  result: RecognizeResult,
  line: number,
  index: number,
  label: number,
  doubtful: boolean,
): RecognizeResult {
  const lines = result.lines.map((l, li) =>
    li !== line
      ? l
      : { ...l, digits: l.digits.map((d, di) => (di === index ? { ...d, label, doubtful } : d)) },
  );
  const next = { ...result, lines };
  return { ...next, text: textOf(next) };
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / (a.width * a.height + b.width * b.height - inter);
}

/** Boxes this alike are the same ink read again (a redrawn pen width moves edges a little). */
const SAME_DIGIT = 0.7;

/**
 * A fresh engine result for an item that had corrections: corrections whose digit is still
 * there (found by its box, wherever reading order now puts it) are applied again; the rest
 * are dropped, since the ink they named has changed.
 */
export function reapplyCorrections(
  result: RecognizeResult,
  log: readonly Correction[] | undefined,
): { result: RecognizeResult; corrections: Correction[] } {
  if (!log || log.length === 0) return { result, corrections: [] };
  const kept: Correction[] = [];
  let out = result;
  for (const c of log) {
    let best: { line: number; index: number; score: number } | null = null;
    for (let li = 0; li < result.lines.length; li++) {
      const digits = result.lines[li]!.digits;
      for (let di = 0; di < digits.length; di++) {
        const score = overlap(digits[di]!.box, c.box);
        if (score >= SAME_DIGIT && (!best || score > best.score))
          best = { line: li, index: di, score };
      }
    }
    if (!best) continue;
    const { line, index } = best;
    const engine = result.lines[line]!.digits[index]!;
    kept.push({
      ...c,
      line,
      index,
      box: engine.box,
      from: engine.label,
      wasDoubtful: engine.doubtful,
      confidence: engine.confidence,
      crop28: engine.crop28,
    });
    out = relabel(out, line, index, c.to, false);
  }
  return { result: out, corrections: kept };
}

/** Set by a correction, cleared by any other edit: decides which Ctrl+Z wins (see below). */
let correctionIsLatestEdit = false;

/** The drawing (or anything else undoable) changed after the last correction. */
export function noteOtherEdit(): void {
  correctionIsLatestEdit = false;
}

export function correctionWasLatestEdit(): boolean {
  return correctionIsLatestEdit;
}

/**
 * Replaces digit `digitIndex` of line `lineIndex` of item `itemId` with `label`. The digit is
 * no longer doubtful (a person checked it). Returns false when there is no such digit, or
 * it already shows `label`.
 */
export function correctDigit(
  itemId: string,
  lineIndex: number,
  digitIndex: number,
  label: number,
): boolean {
  const store = useAppStore.getState();
  const item = store.items[itemId];
  const digit = item?.result?.lines[lineIndex]?.digits[digitIndex];
  if (!item?.result || !digit || !Number.isInteger(label) || label < 0 || label > 9) return false;
  // Already showing that label: nothing to record (and nothing for Undo to take back).
  if (digit.label === label) return false;
  const log = item.corrections ?? [];
  const previous = latestFor(log, lineIndex, digitIndex);
  const correction: Correction = {
    line: lineIndex,
    index: digitIndex,
    box: digit.box,
    from: previous ? previous.from : digit.label,
    to: label,
    wasDoubtful: previous ? previous.wasDoubtful : digit.doubtful,
    confidence: previous ? previous.confidence : digit.confidence,
    crop28: digit.crop28,
    at: Date.now(),
  };
  store.patchItem(itemId, {
    result: relabel(item.result, lineIndex, digitIndex, label, false),
    corrections: [...log, correction],
  });
  correctionIsLatestEdit = true;
  emit({ type: 'correct', itemId, correction });
  return true;
}

/** Takes back the item's latest correction; false when it has none. */
export function undoCorrection(itemId: string): boolean {
  const store = useAppStore.getState();
  const item = store.items[itemId];
  const log = item?.corrections ?? [];
  const last = log[log.length - 1];
  if (!item?.result || !last) return false;
  const rest = log.slice(0, -1);
  const before = latestFor(rest, last.line, last.index);
  const result = before
    ? relabel(item.result, last.line, last.index, before.to, false)
    : relabel(item.result, last.line, last.index, last.from, last.wasDoubtful);
  store.patchItem(itemId, { result, corrections: rest });
  emit({ type: 'undo', itemId, correction: last });
  return true;
}

/** How many digits of a result are still doubtful. */
export function doubtfulCount(result: RecognizeResult | null | undefined): number {
  let n = 0;
  for (const l of result?.lines ?? []) for (const d of l.digits) if (d.doubtful) n++;
  return n;
}
