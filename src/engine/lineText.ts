import type { LineResult } from './types';

/** A line's text: its digits with the separators read between them. */
export function lineText(line: LineResult): string {
  const seps = line.separators ?? [];
  let out = '';
  let s = 0;
  line.digits.forEach((d, i) => {
    while (s < seps.length && seps[s]!.index <= i) out += seps[s++]!.char;
    out += String(d.label);
  });
  while (s < seps.length) out += seps[s++]!.char;
  return out;
}

/**
 * Separators worth keeping: those with a digit on each side ("12.50", "24/12", "10:30"). A mark
 * before the first digit or after the last is a word's punctuation or a stray dot ("Total: 42"
 * reads "42"), not part of the number.
 */
export function betweenDigits<T extends { index: number }>(separators: T[], digits: number): T[] {
  return separators.filter((s) => s.index > 0 && s.index < digits);
}
