/**
 * Evaluation categories for issue 14 ("not a digit"), drawn the way the pad draws (a round pen
 * 8-16% of the digit height, on a pad-sized white canvas, as renderOnPad in unipen.ts):
 *
 * - nondigit: a word of the stroke font (strokeFont.ts), a scribble or a shape (inkShapes.ts).
 *   Expected text ''; the benchmark counts it read when no digit is confident.
 * - separators: dates, prices, times and phone-like numbers, some behind a label ("Total: 42").
 *   The digits are REAL handwriting: UNIPEN isolated digits of the validation writers (the
 *   line reader trains on the others), one writer per number where they wrote every digit.
 *
 * What the engine should report for a separator string (the lead's decision for issue 14):
 * a separator BETWEEN two digits is kept ("24/12/2025", "12.50"); letters are left out; a
 * separator with no digit on one side is dropped (the ":" after "Total"). So "Total: 42" is
 * expected as "42" and "Tel 555-0123" as "555-0123". expectedText() is that rule.
 */
import type { RgbaImage } from '../../engine/types';
import { SHAPES, drawShape, scribble } from './inkShapes';
import { createRng, type Rng } from './prng';
import { isDigitChar } from '../../engine/lineReader/ctc';
import { CAPITALS, LOWERCASE, SEPARATORS, handGlyph, randomHand, type Pt } from './strokeFont';
import {
  PAD,
  drawOnPad,
  UNIPEN_DIR,
  isValidationWriter,
  loadPenSamples,
  placeStrokes,
  type PenSample,
} from './unipen';

export const NONDIGIT_CATEGORIES = ['nondigit', 'separators'] as const;
export type NonDigitCategory = (typeof NONDIGIT_CATEGORIES)[number];

export interface InkSample {
  category: NonDigitCategory;
  /** What was drawn: 'Total: 42', 'word "Name"', 'shape star', 'scribble'. */
  written: string;
  /** What the engine should report. */
  text: string;
  /** The strokes in units: a digit is 1 tall, y = 0 its top, y = 1 the baseline. */
  strokes: Pt[][];
  image: RgbaImage;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && isDigitChar(c);

/** The lead's rule (see the top of this file): digits, and separators between two digits. */
export function expectedText(written: string): string {
  let out = '';
  for (let i = 0; i < written.length; i++) {
    const c = written[i]!;
    if (isDigit(c)) out += c;
    else if (SEPARATORS.includes(c) && isDigit(written[i - 1]) && isDigit(written[i + 1])) out += c;
  }
  return out;
}

const digits = (rng: Rng, n: number): string =>
  Array.from({ length: n }, () => String(rng.int(0, 9))).join('');
const two = (v: number): string => String(v).padStart(2, '0');
const year = (rng: Rng): number => rng.int(1950, 2039);

/** The separator formats, each with fresh random digits: "24/12/2025", "3.4.21", ... */
export const SEPARATOR_FORMATS: Readonly<Record<string, (rng: Rng) => string>> = {
  'date /': (r) => `${two(r.int(1, 28))}/${two(r.int(1, 12))}/${year(r)}`,
  'date .': (r) => `${r.int(1, 28)}.${r.int(1, 12)}.${two(r.int(0, 99))}`,
  'date -': (r) => `${two(r.int(1, 28))}-${two(r.int(1, 12))}-${year(r)}`,
  'price .': (r) => `${r.int(0, 999)}.${digits(r, 2)}`,
  'price ,': (r) => `${r.int(0, 99)},${digits(r, 2)}`,
  'time hh': (r) => `${r.int(10, 23)}:${two(r.int(0, 59))}`,
  'time h': (r) => `${r.int(0, 9)}:${two(r.int(0, 59))}`,
  phone: (r) => `${digits(r, 3)}-${digits(r, 4)}`,
  total: (r) => `Total: ${r.int(1, 999)}`,
  no: (r) => `No ${r.int(1, 99)}`,
  tel: (r) => `Tel ${digits(r, 3)}-${digits(r, 4)}`,
};

/** Real words the stroke font can write (each style keeps the ones it has letters for). */
const WORDS = [
  'Name', 'Date', 'Tax', 'Rent', 'Cat', 'Hey', 'Yeah', 'Hat', 'Year', 'Week', 'Menu', 'Match',
  'Water', 'Nature', 'Teach', 'Henry', 'Text', 'Army', 'Extra', 'Cream',
]; // prettier-ignore

/** A word of 1-6 letters: half the time a real one, else random letters; in one of three cases. */
export function randomWord(rng: Rng): string {
  const style = rng.pick(['lower', 'capital', 'upper'] as const);
  const upperAt = (i: number): boolean => style === 'upper' || (style === 'capital' && i === 0);
  if (rng.chance(0.5)) {
    const words = WORDS.map((w) =>
      [...w].map((c, i) => (upperAt(i) ? c.toUpperCase() : c.toLowerCase())).join(''),
    ).filter((w) => [...w].every((c, i) => (upperAt(i) ? CAPITALS : LOWERCASE).includes(c)));
    if (words.length > 0) return rng.pick(words);
  }
  const n = rng.int(1, 6);
  return Array.from({ length: n }, (_, i) =>
    rng.pick([...(upperAt(i) ? CAPITALS : LOWERCASE)]),
  ).join('');
}

/** UNIPEN isolated digits of the validation writers, by label and by writer. */
export interface DigitPool {
  byLabel: Map<string, PenSample[]>;
  byWriter: Map<string, Map<string, PenSample[]>>;
  writers: string[];
}

const pools = new Map<string, DigitPool | null>();

/** null when the data folder is absent. Loaded once per folder. */
export function validationDigits(dir = UNIPEN_DIR): DigitPool | null {
  if (pools.has(dir)) return pools.get(dir)!;
  const all = loadPenSamples('digits.json', dir);
  let pool: DigitPool | null = null;
  if (all) {
    pool = { byLabel: new Map(), byWriter: new Map(), writers: [] };
    for (const s of all.filter((x) => isValidationWriter(x.writer) && isDigit(x.label))) {
      if (!pool.byWriter.has(s.writer)) pool.byWriter.set(s.writer, new Map());
      const mine = pool.byWriter.get(s.writer)!;
      mine.set(s.label, [...(mine.get(s.label) ?? []), s]);
      pool.byLabel.set(s.label, [...(pool.byLabel.get(s.label) ?? []), s]);
    }
    pool.writers = [...pool.byWriter.keys()].sort();
  }
  pools.set(dir, pool);
  return pool;
}

interface Piece {
  strokes: Pt[][];
  width: number;
}

function inkBox(strokes: Pt[][]): { x0: number; y0: number; x1: number; y1: number } {
  const pts = strokes.flat();
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** A real digit of `writer` (or of anyone, when they did not write it), standing on the line. */
function realDigit(ch: string, pool: DigitPool, writer: string, rng: Rng): Piece {
  const s = rng.pick(pool.byWriter.get(writer)?.get(ch) ?? pool.byLabel.get(ch)!);
  // placeStrokes drops tablet glitches (points far outside the robust box).
  const clean = placeStrokes(s.strokes, 1, 0, 0);
  const b = inkBox(clean);
  const h = rng.uniform(0.92, 1.08);
  const k = h / Math.max(1e-6, b.y1 - b.y0);
  return {
    strokes: clean.map((st) => st.map(([x, y]): Pt => [(x - b.x0) * k, 1 - h + (y - b.y0) * k])),
    width: (b.x1 - b.x0) * k,
  };
}

/** A line of text written by one hand: font letters and separators, real digits. */
export function writeLine(written: string, rng: Rng, pool: DigitPool | null): Pt[][] {
  const hand = randomHand(rng);
  const writer = pool ? rng.pick(pool.writers) : '';
  const out: Pt[][] = [];
  let x = 0;
  let prev = '';
  for (const ch of written) {
    if (ch === ' ') {
      x += rng.uniform(0.35, 0.6);
      prev = ch;
      continue;
    }
    if (isDigit(ch) && !pool) throw new Error('digits need the UNIPEN digits');
    const piece = isDigit(ch) ? realDigit(ch, pool!, writer, rng) : handGlyph(ch, rng, hand);
    // Separators sit closer to their neighbours than letters and digits to each other.
    const tight = SEPARATORS.includes(ch) || SEPARATORS.includes(prev);
    if (out.length > 0 && prev !== ' ')
      x += tight ? rng.uniform(0.06, 0.16) : rng.uniform(0.1, 0.25);
    const dy = rng.normal() * 0.025;
    for (const st of piece.strokes) out.push(st.map(([px, py]): Pt => [x + px, py + dy]));
    x += piece.width;
    prev = ch;
  }
  return out;
}

/**
 * The strokes drawn on the pad: a digit 70-150 px tall (smaller when it would not fit), at a
 * random spot, with a round pen 8-16% of the digit height (at most the pad's pen).
 */
export function renderInk(strokes: Pt[][], rng: Rng): RgbaImage {
  const b = inkBox(strokes);
  const w = Math.max(1e-3, b.x1 - b.x0);
  const h = Math.max(1e-3, b.y1 - b.y0);
  let unit = rng.uniform(70, 150);
  unit = Math.min(unit, (PAD.width - 80) / w, (PAD.height - 80) / h);
  const left = rng.uniform(40, Math.max(41, PAD.width - 40 - w * unit));
  const top = rng.uniform(40, Math.max(41, PAD.height - 40 - h * unit));
  const r = Math.max(2, Math.min(PAD.pen, unit * rng.uniform(0.08, 0.16))) / 2;
  const at = ([x, y]: Pt): Pt => [left + (x - b.x0) * unit, top + (y - b.y0) * unit];
  return drawOnPad(
    strokes.map((st) => st.map(at)),
    r,
  );
}

function nonDigitInk(rng: Rng): { written: string; strokes: Pt[][] } {
  const kind = rng.pick(['word', 'scribble', 'shape'] as const);
  if (kind === 'word') {
    const word = randomWord(rng);
    return { written: `word "${word}"`, strokes: writeLine(word, rng, null) };
  }
  if (kind === 'scribble') return { written: 'scribble', strokes: scribble(rng) };
  const shape = rng.pick(SHAPES);
  return { written: `shape ${shape}`, strokes: drawShape(shape, rng) };
}

export interface InkSet {
  sample(i: number): InkSample;
}

/** The category's samples for `seed`; null for separators when the UNIPEN data is absent. */
export function inkSet(category: NonDigitCategory, seed: number, dir = UNIPEN_DIR): InkSet | null {
  const pool = category === 'separators' ? validationDigits(dir) : null;
  if (category === 'separators' && !pool) return null;
  const salt = category === 'nondigit' ? 0x4e44 : 0x5350;
  const formats = Object.values(SEPARATOR_FORMATS);
  return {
    sample(i) {
      const rng = createRng((Math.imul(seed, 7919) + Math.imul(i, 31) + salt) >>> 0);
      let written: string;
      let text = '';
      let strokes: Pt[][];
      if (category === 'nondigit') {
        ({ written, strokes } = nonDigitInk(rng));
      } else {
        written = rng.pick(formats)(rng);
        text = expectedText(written);
        strokes = writeLine(written, rng, pool);
      }
      return { category, written, text, strokes, image: renderInk(strokes, rng) };
    },
  };
}
