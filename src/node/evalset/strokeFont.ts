/**
 * A small single-stroke font, drawn by hand for the evaluation set: letters and separators as a
 * person writes them on the pad, so the benchmark can draw ink that is not a digit (issue 14).
 *
 * Units: y = 0 is the top of a capital (and of a digit), y = 1 the baseline; lowercase letters
 * stand between y = 0.5 and 1, descenders go below 1. Every glyph is a few polyline points;
 * handGlyph() bends them into handwriting with the seeded Rng.
 *
 * Left out on purpose, because written by hand they ARE digits and a reader is right to read
 * them so: capitals O (0), I (1), S (5), Z (2), B (8), G (6) and Q (9). Lowercase only has the
 * letters listed below for the same reason (no o, l, i, s, z, b, g, q).
 */
import type { Rng } from './prng';

export type Pt = [number, number];
type Stroke = readonly (readonly [number, number])[];

export interface Glyph {
  strokes: readonly Stroke[];
}

/** An arc of an ellipse from angle a0 to a1 (degrees, 0 = right, 90 = down), as points. */
function arc(cx: number, cy: number, rx: number, ry: number, a0: number, a1: number): Stroke {
  const steps = Math.max(4, Math.round(Math.abs(a1 - a0) / 30));
  return Array.from({ length: steps + 1 }, (_, i) => {
    const a = ((a0 + ((a1 - a0) * i) / steps) * Math.PI) / 180;
    return [cx + rx * Math.cos(a), cy + ry * Math.sin(a)] as const;
  });
}

export const CAPITALS = 'ACDEFHJKLMNPRTUVWXY';
export const LOWERCASE = 'acehkmnrtuvwxy';
export const SEPARATORS = './-:,';

const G = (...strokes: Stroke[]): Glyph => ({ strokes });

/** A glyph written as "x,y x,y | x,y x,y": strokes split by "|", points by spaces. */
function P(spec: string, ...more: Stroke[]): Glyph {
  const strokes = spec.split('|').map((st) =>
    st
      .trim()
      .split(/\s+/)
      .map((pt) => pt.split(',').map(Number) as [number, number]),
  );
  return { strokes: [...strokes, ...more] };
}

export const FONT: Readonly<Record<string, Glyph>> = {
  A: P('0,1 .35,0 .7,1 | .15,.6 .55,.6'),
  C: G(arc(0.36, 0.5, 0.36, 0.5, -45, -315)),
  D: P('0,0 0,1 | 0,0 .3,.04 .55,.3 .55,.7 .3,.96 0,1'),
  E: P('.55,0 0,0 0,1 .55,1 | 0,.5 .42,.5'),
  F: P('.55,0 0,0 0,1 | 0,.5 .42,.5'),
  H: P('0,0 0,1 | .6,0 .6,1 | 0,.5 .6,.5'),
  J: P('.55,0 .55,.75 .45,.95 .25,1 .05,.85'),
  K: P('0,0 0,1 | .55,0 0,.55 .6,1'),
  L: P('0,0 0,1 .5,1'),
  M: P('0,1 .05,0 .4,.65 .75,0 .8,1'),
  N: P('0,1 0,0 .6,1 .6,0'),
  P: P('0,1 0,0 .35,.02 .55,.15 .55,.35 .35,.48 0,.5'),
  R: P('0,1 0,0 .35,.02 .55,.15 .55,.35 .35,.48 0,.5 | .25,.5 .6,1'),
  T: P('0,0 .7,0 | .35,0 .35,1'),
  U: P('0,0 0,.7 .1,.92 .3,1 .5,.92 .6,.7 .6,0'),
  V: P('0,0 .33,1 .66,0'),
  W: P('0,0 .22,1 .45,.3 .68,1 .9,0'),
  X: P('0,0 .6,1 | .6,0 0,1'),
  Y: P('0,0 .33,.5 .66,0 | .33,.5 .33,1'),
  a: P('.45,.58 .3,.5 .1,.55 0,.75 .1,.95 .3,1 .45,.85 .45,.5 .47,1'),
  c: G(arc(0.22, 0.75, 0.22, 0.25, -40, -320)),
  e: P('.02,.75 .42,.75 .38,.58 .22,.5 .05,.58 0,.75 .06,.93 .22,1 .42,.92'),
  h: P('0,0 0,1 | 0,.68 .15,.52 .3,.5 .42,.6 .42,1'),
  k: P('0,0 0,1 | .4,.5 0,.78 .42,1'),
  m: P('0,.5 0,1 0,.62 .12,.5 .25,.55 .28,1 .28,.62 .4,.5 .53,.55 .56,1'),
  n: P('0,.5 0,1 0,.62 .15,.5 .32,.55 .36,1'),
  r: P('0,.5 0,1 0,.7 .12,.55 .3,.5'),
  t: P('.15,.2 .15,.92 .22,1 .35,.97 | 0,.5 .35,.5'),
  u: P('0,.5 0,.85 .1,1 .25,.98 .36,.85 .36,.5 .37,1'),
  v: P('0,.5 .2,1 .4,.5'),
  w: P('0,.5 .14,1 .28,.65 .42,1 .56,.5'),
  x: P('0,.5 .38,1 | .38,.5 0,1'),
  y: P('0,.5 .21,.98 | .42,.5 .12,1.35'),
  // Separators sit where they do next to digits: "." on the baseline, "," hangs below it,
  // "-" at mid-height, ":" two dots, "/" as tall as a digit. A dot is a tiny stroke: the round
  // pen makes it a blob, as a tap on the pad does.
  '.': P('0,.95 .03,.96'),
  ',': P('.05,.9 .04,1 0,1.12'),
  '/': P('.45,0 0,1'),
  '-': P('0,.55 .35,.53'),
  ':': P('0,.42 .02,.43 | 0,.93 .02,.94'),
};

/**
 * Only for the words of labels ("Total", "No", "Tel"), never for the not-a-digit words: alone
 * they are a fair 0 and 1, next to other letters they are letters.
 */
export const LABEL_ONLY: Readonly<Record<string, Glyph>> = {
  o: G(arc(0.2, 0.75, 0.2, 0.25, -90, 270)),
  l: P('.05,0 .02,1'),
};

/** How one writer writes: the lean and width of their letters, kept across a line. */
export interface Hand {
  slant: number;
  widthScale: number;
}

export function randomHand(rng: Rng): Hand {
  return { slant: rng.uniform(-0.12, 0.28), widthScale: rng.uniform(0.85, 1.2) };
}

/** Points every `step` units along a polyline, so noise can bend straight parts. */
function densify(stroke: Stroke, step: number): Pt[] {
  const out: Pt[] = [[stroke[0]![0], stroke[0]![1]]];
  for (let i = 1; i < stroke.length; i++) {
    const [x0, y0] = stroke[i - 1]!;
    const [x1, y1] = stroke[i]!;
    const n = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / step));
    for (let k = 1; k <= n; k++) out.push([x0 + ((x1 - x0) * k) / n, y0 + ((y1 - y0) * k) / n]);
  }
  return out;
}

/**
 * Strokes bent into handwriting: every corner moved a little, a slow wobble along the line
 * (a hand does not shake point by point), and the whole slanted by `slant` (x moves right by
 * slant per unit above the baseline).
 */
export function handwrite(strokes: readonly Stroke[], rng: Rng, slant = 0, wobble = 0.02): Pt[][] {
  return strokes.map((stroke) => {
    const moved: Stroke = stroke.map(([x, y]) => [
      x + rng.normal() * wobble,
      y + rng.normal() * wobble,
    ]);
    const pts = stroke.length > 2 || dist(stroke) > 0.1 ? densify(moved, 0.04) : [...moved];
    const f = rng.uniform(3, 7);
    const px = rng.uniform(0, 2 * Math.PI);
    const py = rng.uniform(0, 2 * Math.PI);
    return pts.map(([x, y], i): Pt => {
      const t = (i / Math.max(1, pts.length - 1)) * f;
      const wx = x + wobble * 0.6 * Math.sin(t + px);
      const wy = y + wobble * 0.6 * Math.sin(t * 1.3 + py);
      return [wx + slant * (1 - wy), wy];
    });
  });
}

function dist(stroke: Stroke): number {
  let d = 0;
  for (let i = 1; i < stroke.length; i++) {
    d += Math.hypot(stroke[i]![0] - stroke[i - 1]![0], stroke[i]![1] - stroke[i - 1]![1]);
  }
  return d;
}

export interface HandGlyph {
  strokes: Pt[][];
  /** Ink width in units; the strokes start at x = 0. */
  width: number;
}

/** One character written by `hand`: font or label-only glyph, a bit bigger or smaller each time. */
export function handGlyph(ch: string, rng: Rng, hand: Hand = randomHand(rng)): HandGlyph {
  const glyph = FONT[ch] ?? LABEL_ONLY[ch];
  if (!glyph) throw new Error(`no glyph for "${ch}"`);
  const size = rng.uniform(0.9, 1.1);
  const sx = size * hand.widthScale * rng.uniform(0.92, 1.08);
  // Scaled about the baseline, so a bigger letter still stands on the line.
  const scaled = glyph.strokes.map((s) => s.map(([x, y]) => [x * sx, 1 - (1 - y) * size] as const));
  const strokes = handwrite(scaled, rng, hand.slant + rng.uniform(-0.05, 0.05));
  const xs = strokes.flat().map((p) => p[0]);
  const x0 = Math.min(...xs);
  return {
    strokes: strokes.map((s) => s.map(([x, y]): Pt => [x - x0, y])),
    width: Math.max(...xs) - x0,
  };
}
