/**
 * Pure helpers that turn an engine result into what the result panel shows and announces.
 */
import type { DigitResult, RecognizeResult } from '../../engine/types';
import type { InputMode, ItemStatus } from '../../store/inputSlice';

import { formatConfidence } from '../../ui/formatConfidence';

export { formatConfidence };

/** All digits in reading order, lines flattened: the index the highlight refers to. */
export function flattenDigits(result: RecognizeResult | null | undefined): DigitResult[] {
  return result ? result.lines.flatMap((line) => line.digits) : [];
}

/** The runner-up guesses (top[0] is the answer itself). */
export function alternatives(digit: DigitResult, count = 2): DigitResult['top'] {
  return digit.top.filter((g) => g.label !== digit.label).slice(0, count);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What a screen reader hears when a reading finishes, e.g. "Read 4 digits: 1 2 3 4". */
export function announcement(result: RecognizeResult): string {
  const digits = flattenDigits(result);
  if (digits.length === 0) return 'No digits found.';
  const lines = result.lines
    .filter((line) => line.digits.length > 0)
    .map((line) => line.digits.map((d) => d.label).join(' '));
  const where = lines.length > 1 ? ` on ${lines.length} lines` : '';
  const doubtful = digits.filter((d) => d.doubtful).length;
  const check = doubtful > 0 ? ` ${plural(doubtful, 'doubtful digit', 'doubtful digits')}.` : '';
  return `Read ${plural(digits.length, 'digit', 'digits')}${where}: ${lines.join(', ')}.${check}`;
}

/** Total time of the reading, whether or not the engine reported a 'total' entry. */
export function totalMs(timings: Record<string, number>): number | null {
  if (typeof timings.total === 'number') return timings.total;
  const values = Object.values(timings).filter((v) => Number.isFinite(v));
  return values.length > 0 ? values.reduce((a, b) => a + b, 0) : null;
}

/** What the pair check decided about two digits, in words; null when it was not asked. */
export function pairCheckNote(result: RecognizeResult): string | null {
  const check = result.pairCheck;
  if (!check) return null;
  return check.merged
    ? `Two pieces read as one digit: the pair check is ${formatConfidence(1 - check.twoDigits)} sure they are one.`
    : `Read as two digits: the pair check gives ${formatConfidence(check.twoDigits)} for two, not one wide digit.`;
}

/**
 * What the line reader changed against segmentation, in words; null when it changed nothing
 * (or did not run).
 */
export function lineReaderNote(result: RecognizeResult): string | null {
  const r = result.lineReader;
  if (!r) return null;
  const parts: string[] = [];
  if (r.resplitLines > 0 && r.read !== r.segmented) {
    parts.push(
      r.read > r.segmented
        ? `the line reader found ${plural(r.read, 'digit', 'digits')} where the shapes alone suggested ${r.segmented}: touching digits were told apart`
        : `the line reader read ${plural(r.read, 'digit', 'digits')} where the shapes alone suggested ${r.segmented}: broken pieces were joined`,
    );
  } else if (r.resplitLines > 0) {
    parts.push('the line reader moved where one digit ends and the next begins');
  }
  if (r.leftOut > 0) {
    parts.push(
      `${plural(r.leftOut, 'mark that is not a digit was', 'marks that are not digits were')} left out`,
    );
  }
  if (r.separators > 0) {
    parts.push(`${plural(r.separators, 'separator', 'separators')} (. , / - :) kept`);
  }
  if (r.texture) {
    parts.push(
      'most marks in this image do not look like writing (a texture or noise?), so every digit is marked doubtful',
    );
  }
  if (parts.length === 0) return null;
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

export interface ResultView {
  status: ItemStatus;
  text: string;
  error: string | null;
  result: RecognizeResult | null;
}

/** The page contract's view of the active item: idle when there is none. */
export function resultView(
  item: { status: ItemStatus; result: RecognizeResult | null; error: string | null } | undefined,
): ResultView {
  if (!item) return { status: 'idle', text: '', error: null, result: null };
  return {
    status: item.status,
    text: item.status === 'error' ? '' : (item.result?.text ?? ''),
    error: item.status === 'error' ? item.error : null,
    result: item.status === 'error' ? null : item.result,
  };
}

export const IDLE_HINTS: Record<InputMode, string> = {
  draw: 'Write one or more digits on the pad. The answer appears here as soon as you lift the pen.',
  upload:
    'Choose, drop or paste a photo or scan of handwritten digits. Select an image to see it here.',
  camera: 'Point the camera at handwritten digits on paper and press Capture.',
};

export interface IndexedLine {
  /** Index of the line's first digit in the flattened reading order. */
  start: number;
  digits: DigitResult[];
}

/** Lines with the flattened index of their first digit, for the highlight. */
export function indexLines(result: RecognizeResult | null): IndexedLine[] {
  const out: IndexedLine[] = [];
  let start = 0;
  for (const line of result?.lines ?? []) {
    out.push({ start, digits: line.digits });
    start += line.digits.length;
  }
  return out;
}

/**
 * The next doubtful digit after `after` in reading order (wrapping), or null when none is
 * doubtful. `after` -1 starts from the first digit.
 */
export function nextDoubtful(digits: readonly DigitResult[], after: number): number | null {
  const n = digits.length;
  for (let step = 1; step <= n; step++) {
    const i = (((after + step) % n) + n) % n;
    if (digits[i]?.doubtful) return i;
  }
  return null;
}

/** "2 to check" (or null when nothing is doubtful). */
export function toCheckLabel(count: number): string | null {
  return count > 0 ? `${count} to check` : null;
}
