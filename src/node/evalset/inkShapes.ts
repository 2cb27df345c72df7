/**
 * Ink that is not a digit and not a letter, drawn as a person draws on the pad: scribbles and
 * simple shapes. Units as in strokeFont.ts (y = 0 top, 1 baseline; shapes are about one digit
 * tall). No circle or oval: a round loop is a fair 0.
 */
import type { Rng } from './prng';
import { handwrite, type Pt } from './strokeFont';

export const SHAPES = [
  'triangle',
  'star',
  'cross-hatch',
  'spiral',
  'zigzag',
  'arrow',
  'check',
  'heart',
] as const;
export type Shape = (typeof SHAPES)[number];

/**
 * 1-3 strokes of a smooth random pen walk in a box 1-2.5 wide: the heading turns at a rate that
 * itself drifts, so the line curls and swings like a hand scribbling, and it turns back at the
 * edges of the box.
 */
export function scribble(rng: Rng): Pt[][] {
  const w = rng.uniform(1, 2.5);
  const strokes: Pt[][] = [];
  const count = rng.int(1, 3);
  for (let s = 0; s < count; s++) {
    let x = rng.uniform(0.2, w - 0.2);
    let y = rng.uniform(0.2, 0.8);
    let heading = rng.uniform(0, 2 * Math.PI);
    let turn = rng.normal() * 0.15;
    const steps = rng.int(50, 130);
    const pts: Pt[] = [[x, y]];
    for (let i = 0; i < steps; i++) {
      turn = 0.85 * turn + rng.normal() * 0.08;
      heading += turn;
      // Out of the box: steer back towards its middle.
      if (x < 0 || x > w || y < 0 || y > 1) {
        const back = Math.atan2(0.5 - y, w / 2 - x);
        heading += 0.5 * Math.atan2(Math.sin(back - heading), Math.cos(back - heading));
      }
      x += 0.05 * Math.cos(heading);
      y += 0.05 * Math.sin(heading);
      pts.push([x, y]);
    }
    strokes.push(pts);
  }
  // A walk may stay in a corner of its box: scaled up to one digit tall, as drawn on the pad.
  return fit(strokes, rng.uniform(0.9, 1.3));
}

type Poly = [number, number][];

function rotate(strokes: Poly[], angle: number): Poly[] {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return strokes.map((st) => st.map(([x, y]): [number, number] => [x * c - y * s, x * s + y * c]));
}

/**
 * The strokes moved to (0, 0) and scaled to `height` tall, or to 2.5 x height wide when flatter
 * than that (a lying arrow stays a drawing, not a line across the pad).
 */
function fit(strokes: Poly[], height = 1): Poly[] {
  const pts = strokes.flat();
  const x0 = Math.min(...pts.map((p) => p[0]));
  const y0 = Math.min(...pts.map((p) => p[1]));
  const w = Math.max(...pts.map((p) => p[0])) - x0;
  const h = Math.max(...pts.map((p) => p[1])) - y0;
  const k = height / Math.max(1e-6, h, w / 2.5);
  return strokes.map((st) => st.map(([x, y]): [number, number] => [(x - x0) * k, (y - y0) * k]));
}

function outline(shape: Shape, rng: Rng): Poly[] {
  switch (shape) {
    case 'triangle': {
      const apex = rng.uniform(0.2, 0.8);
      return [
        [
          [apex, 0],
          [1, 1],
          [0, 1],
          [apex, 0],
        ],
      ];
    }
    case 'star': {
      // A five-pointed star in one stroke: every second corner of a pentagon.
      const pts: Poly = [];
      for (let k = 0; k <= 5; k++) {
        const a = -Math.PI / 2 + (k * 4 * Math.PI) / 5;
        pts.push([0.5 + 0.5 * Math.cos(a), 0.5 + 0.5 * Math.sin(a)]);
      }
      return [pts];
    }
    case 'cross-hatch': {
      const lines: Poly[] = [];
      const a = rng.uniform(-0.3, 0.3);
      const b = a + Math.PI / 2 + rng.uniform(-0.3, 0.3);
      for (const angle of [a, b]) {
        const n = rng.int(3, 5);
        for (let k = 0; k < n; k++) {
          const o = -0.5 + (k + 0.5) / n;
          lines.push(
            rotate(
              [
                [
                  [o, -0.6],
                  [o, 0.6],
                ],
              ],
              angle,
            )[0]!,
          );
        }
      }
      return lines;
    }
    case 'spiral': {
      const turns = rng.uniform(2, 3.2);
      const steps = Math.round(turns * 16);
      const dir = rng.chance(0.5) ? 1 : -1;
      return [
        Array.from({ length: steps + 1 }, (_, i): [number, number] => {
          const t = i / steps;
          const a = dir * t * turns * 2 * Math.PI;
          return [0.5 * t * Math.cos(a), 0.5 * t * Math.sin(a)];
        }),
      ];
    }
    case 'zigzag': {
      const n = rng.int(5, 9);
      const step = rng.uniform(0.2, 0.35);
      return [Array.from({ length: n }, (_, i): [number, number] => [i * step, i % 2])];
    }
    case 'arrow': {
      // Shaft, then the head as one "<" stroke; pointing any way.
      const len = rng.uniform(1.2, 2);
      const head = rng.uniform(0.25, 0.4);
      return rotate(
        [
          [
            [0, 0],
            [len, 0],
          ],
          [
            [len - head, -head * 0.8],
            [len, 0],
            [len - head, head * 0.8],
          ],
        ],
        rng.uniform(0, 2 * Math.PI),
      );
    }
    case 'check':
      return [
        [
          [0, 0.55],
          [rng.uniform(0.25, 0.35), 1],
          [rng.uniform(0.8, 1), 0],
        ],
      ];
    case 'heart': {
      const steps = 32;
      return [
        Array.from({ length: steps + 1 }, (_, i): [number, number] => {
          const t = (i / steps) * 2 * Math.PI;
          const x = 16 * Math.sin(t) ** 3;
          const y = -(
            13 * Math.cos(t) -
            5 * Math.cos(2 * t) -
            2 * Math.cos(3 * t) -
            Math.cos(4 * t)
          );
          return [x / 32, y / 32];
        }),
      ];
    }
  }
}

/** A shape about one digit tall, tilted a little and drawn by hand. */
export function drawShape(shape: Shape, rng: Rng): Pt[][] {
  const tilt = shape === 'arrow' ? 0 : rng.uniform(-0.25, 0.25);
  const strokes = fit(rotate(outline(shape, rng), tilt), rng.uniform(0.85, 1.15));
  return handwrite(strokes, rng, 0, 0.025);
}
