import { describe, expect, it } from 'vitest';
import { LIGHT_PAD, drawPaper, drawStroke, type PathContext } from './renderStrokes';
import { extendStroke, startStroke } from './strokes';

/** Records the calls a canvas would receive. */
function recorder(): PathContext & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    lineWidth: 1,
    lineCap: 'butt',
    lineJoin: 'miter',
    strokeStyle: '',
    fillStyle: '',
    beginPath: () => calls.push('beginPath'),
    moveTo: (x, y) => calls.push(`moveTo ${x},${y}`),
    lineTo: (x, y) => calls.push(`lineTo ${x},${y}`),
    quadraticCurveTo: (cx, cy, x, y) => calls.push(`quad ${cx},${cy} ${x},${y}`),
    arc: (x, y, r) => calls.push(`arc ${x},${y} r${r}`),
    fill: () => calls.push('fill'),
    fillRect: (x, y, w, h) => calls.push(`fillRect ${x},${y} ${w}x${h}`),
    stroke: () => calls.push('stroke'),
  };
}

describe('drawStroke', () => {
  it('strokes a smoothed path with round caps and joins in the stroke width', () => {
    const ctx = recorder();
    let s = startStroke({ x: 0, y: 0 }, 12);
    s = extendStroke(s, { x: 10, y: 0 });
    s = extendStroke(s, { x: 10, y: 10 });
    drawStroke(ctx, s, '#111');
    expect(ctx.lineCap).toBe('round');
    expect(ctx.lineJoin).toBe('round');
    expect(ctx.lineWidth).toBe(12);
    expect(ctx.strokeStyle).toBe('#111');
    expect(ctx.calls).toEqual([
      'beginPath',
      'moveTo 0,0',
      'quad 10,0 10,5',
      'lineTo 10,10',
      'stroke',
    ]);
  });

  it('fills a round dot for a tap', () => {
    const ctx = recorder();
    drawStroke(ctx, startStroke({ x: 5, y: 6 }, 10), '#111');
    expect(ctx.calls).toEqual(['beginPath', 'arc 5,6 r5', 'fill']);
  });
});

describe('drawPaper', () => {
  it('fills the whole pad opaquely before the grid, so the canvas is never transparent', () => {
    const ctx = recorder();
    drawPaper(ctx, { width: 48, height: 24 }, LIGHT_PAD);
    expect(ctx.calls[0]).toBe('fillRect 0,0 48x24');
    // One dot per 24 px cell, filled in a single path.
    expect(ctx.calls.filter((c) => c.startsWith('arc'))).toEqual([
      'arc 12,12 r1.25',
      'arc 36,12 r1.25',
    ]);
    expect(ctx.calls.at(-1)).toBe('fill');
    expect(ctx.fillStyle).toBe(LIGHT_PAD.grid);
  });
});
