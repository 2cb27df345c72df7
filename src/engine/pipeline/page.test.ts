import { beforeAll, describe, expect, it } from 'vitest';
import {
  composite,
  coverage,
  homographyFrom,
  rgbCanvas,
  toRgbaImage,
  warpInto,
  type RgbCanvas,
} from '../../node/evalset/colourCanvas';
import { strokeLine } from '../testing/raster';
import { loadOpenCV, type OpenCV } from '../opencv';
import type { RgbaImage } from '../types';
import { grayStage } from './gray';
import { MatScope } from './matScope';
import { findPage } from './page';
import { isTilted } from './view';

let cv: OpenCV;
beforeAll(async () => {
  cv = await loadOpenCV();
});

function page(image: RgbaImage) {
  const scope = new MatScope(cv);
  try {
    return findPage(scope, grayStage(scope, image, 1024, false).gray);
  } finally {
    scope.delete();
  }
}

/** A white sheet with a few strokes on it, warped onto a dark desk at the given corners. */
function sheetOnDesk(corners: number[][], desk = 60): RgbaImage {
  const sheet = rgbCanvas(400, 300, [238, 238, 232]);
  const ink = coverage(400, 300);
  strokeLine(ink, 80, 100, 120, 200, 3, 1);
  strokeLine(ink, 200, 100, 260, 200, 3, 1);
  composite(sheet, ink, [20, 20, 30]);
  const frame: RgbCanvas = rgbCanvas(640, 480, [desk, desk * 0.9, desk * 0.8]);
  const rect = [
    [0, 0],
    [400, 0],
    [400, 300],
    [0, 300],
  ];
  warpInto(frame, sheet, homographyFrom(corners, rect));
  return toRgbaImage(frame);
}

describe('page finding', () => {
  it('finds a tilted sheet on a dark desk and its four corners', () => {
    const corners = [
      [150, 70],
      [520, 110],
      [490, 420],
      [110, 380],
    ];
    const found = page(sheetOnDesk(corners))!;
    expect(found).not.toBeNull();
    expect(found.corners).not.toBeNull();
    found.corners!.forEach((p, i) => {
      expect(Math.hypot(p.x - corners[i]![0]!, p.y - corners[i]![1]!)).toBeLessThan(12);
    });
    expect(isTilted(found.corners!)).toBe(true);
    expect(found.fraction).toBeGreaterThan(0.3);
  });

  it('finds nothing on a sheet that fills the frame (a scan)', () => {
    const c = rgbCanvas(640, 480, [240, 240, 240]);
    const ink = coverage(640, 480);
    strokeLine(ink, 100, 100, 150, 300, 4, 1);
    composite(c, ink, [20, 20, 20]);
    expect(page(toRgbaImage(c))).toBeNull();
  });

  it('does not take a soft shadow across the page for the desk', () => {
    const c = rgbCanvas(640, 480, [235, 235, 235]);
    for (let y = 0; y < 480; y++)
      for (let x = 0; x < 640; x++) {
        const t = Math.max(0, Math.min(1, (x - 380) / 60)); // a 60 px soft edge
        for (let k = 0; k < 3; k++) c.data[(y * 640 + x) * 3 + k]! *= 1 - 0.6 * t;
      }
    expect(page(toRgbaImage(c))).toBeNull();
  });

  it('leaves a square sheet unrectified (masked in place)', () => {
    const found = page(
      sheetOnDesk([
        [100, 60],
        [540, 60],
        [540, 420],
        [100, 420],
      ]),
    )!;
    expect(found.corners).not.toBeNull();
    expect(isTilted(found.corners!)).toBe(false);
  });
});
