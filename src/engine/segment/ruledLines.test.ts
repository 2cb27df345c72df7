import { describe, expect, it } from 'vitest';
import { axis, clearLine, projectionPeaks, type Candidate } from './ruledLines';

const W = 100;
const H = 40;

/** Ink with horizontal rows `lineRows` set across columns [from, to), plus a vertical stroke. */
function page(lineRows: number[], stroke: [number, number] | null, from = 0, to = W): Uint8Array {
  const ink = new Uint8Array(W * H);
  for (const y of lineRows) for (let x = from; x < to; x++) ink[y * W + x] = 255;
  if (stroke)
    for (let y = 0; y < H; y++) for (let x = stroke[0]; x < stroke[1]; x++) ink[y * W + x] = 255;
  return ink;
}

const along: Candidate = { a: 10.5, b: 0, from: 0, to: W };
const inkAt = (ink: Uint8Array, x: number, y: number): number => ink[y * W + x]!;

describe('projectionPeaks', () => {
  it('finds each straight line spanning LINE_MIN_SPAN of the image, at its centre', () => {
    const pixels: [number, number][] = [];
    for (let u = 0; u < 100; u++) pixels.push([u, 10], [u, 30]);
    for (let u = 0; u < 20; u++) pixels.push([u, 20]); // too short to be a rule
    const peaks = projectionPeaks(pixels, 100, 40);
    expect(peaks.map((p) => Math.round(p.a))).toEqual([10, 30]);
    // Level within one slope step (0.5 / along): nearby slopes project level rows the same.
    for (const p of peaks) expect(Math.abs(p.b)).toBeLessThanOrEqual(0.005 + 1e-12);
  });

  it('finds nothing without pixels', () => {
    expect(projectionPeaks([], 100, 40)).toEqual([]);
  });
});

describe('clearLine', () => {
  it('clears a thin rule but keeps the digit stroke crossing it', () => {
    const ink = page([10, 11], [50, 54]);
    const line = clearLine(axis(ink, null, W, H, true), along, 4, 3, null);
    expect(line).toEqual({ a: 10.5, b: 0, thickness: 2 });
    expect(inkAt(ink, 20, 10)).toBe(0);
    expect(inkAt(ink, 20, 11)).toBe(0);
    expect(inkAt(ink, 51, 10)).toBe(255); // the stroke's run is 40 px long: not the rule
  });

  it('refuses a candidate thicker than maxThickness and leaves it', () => {
    const ink = page([8, 9, 10, 11, 12, 13], null);
    expect(clearLine(axis(ink, null, W, H, true), along, 4, 3, null)).toBeNull();
    expect(inkAt(ink, 20, 10)).toBe(255);
  });

  it('accepts a dashed rule covering minCoverage of its length, not less', () => {
    const dashed = page([10], null, 0, 40);
    expect(clearLine(axis(dashed, null, W, H, true), along, 4, 3, null)).not.toBeNull();
    const faint = page([10], null, 0, 30);
    expect(clearLine(axis(faint, null, W, H, true), along, 4, 3, null)).toBeNull();
  });

  it('only measures when apply is false', () => {
    const ink = page([10, 11], null);
    const ax = axis(ink, null, W, H, true);
    expect(clearLine(ax, along, 4, 3, null, undefined, false)).not.toBeNull();
    expect(inkAt(ink, 20, 10)).toBe(255);
  });

  it('keeps ink lying along a rule that is printed lighter than the ink', () => {
    const ink = page([10, 11], null);
    const levels = new Uint8Array(W * H).fill(255);
    for (let x = 0; x < W; x++) levels[10 * W + x] = levels[11 * W + x] = 200; // the rule
    for (let x = 30; x < 40; x++) levels[10 * W + x] = 20; // a stroke drawn along it
    clearLine(axis(ink, levels, W, H, true), along, 4, 3, 20);
    expect(inkAt(ink, 35, 10)).toBe(255);
    expect(inkAt(ink, 35, 11)).toBe(0);
    expect(inkAt(ink, 60, 10)).toBe(0);
  });
});
