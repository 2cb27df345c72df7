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
