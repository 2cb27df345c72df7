/**
 * Turns the strokes into the image the engine reads. Rendered fresh, not copied from the
 * visible canvas, so the export is always opaque dark ink on white at a bounded size,
 * whatever the theme, the device pixel ratio or the pad's current shape.
 */
import type { RgbaImage } from '../../engine/types';
import { drawStrokes } from './renderStrokes';
import {
  exportArea,
  exportRegion,
  exportSize,
  penWidthFor,
  withWidth,
  type Drawing,
} from './strokes';

const PAPER = '#ffffff';
const INK = '#111111';

export function exportDrawing(drawing: Drawing): RgbaImage | null {
  if (drawing.strokes.length === 0 || !drawing.space) return null;
  // The same pen width the pad shows (it follows the writing size).
  const strokes = withWidth(drawing.strokes, penWidthFor(drawing.strokes, drawing.space.height));
  const region = exportRegion(exportArea(drawing.space, strokes), strokes);
  const size = exportSize(region);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.fillStyle = PAPER;
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.setTransform(size.scale, 0, 0, size.scale, -region.x * size.scale, -region.y * size.scale);
  drawStrokes(ctx, strokes, INK);
  return ctx.getImageData(0, 0, size.width, size.height);
}
