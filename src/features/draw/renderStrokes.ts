/**
 * Replays strokes onto a 2D context. The context only needs the path methods, so unit tests
 * can pass a recorder instead of a real canvas.
 */
import { smoothPath, type Stroke } from './strokes';

export type PathContext = Pick<
  CanvasRenderingContext2D,
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'quadraticCurveTo'
  | 'arc'
  | 'fill'
  | 'stroke'
  | 'lineWidth'
  | 'lineCap'
  | 'lineJoin'
  | 'strokeStyle'
  | 'fillStyle'
  | 'fillRect'
>;

export interface PadColors {
  paper: string;
  ink: string;
  /** The faint dot grid that helps keep digits level. */
  grid: string;
}

export const LIGHT_PAD: PadColors = { paper: '#ffffff', ink: '#0f172a', grid: '#cbd5e1' };
export const DARK_PAD: PadColors = { paper: '#020617', ink: '#f1f5f9', grid: '#1e293b' };

const GRID_STEP = 24;

/** An opaque background with a dot grid, so even the on-screen canvas is never transparent. */
export function drawPaper(
  ctx: PathContext,
  size: { width: number; height: number },
  colors: PadColors,
): void {
  ctx.fillStyle = colors.paper;
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.fillStyle = colors.grid;
  ctx.beginPath();
  for (let y = GRID_STEP / 2; y < size.height; y += GRID_STEP) {
    for (let x = GRID_STEP / 2; x < size.width; x += GRID_STEP) {
      ctx.moveTo(x + 1.25, y);
      ctx.arc(x, y, 1.25, 0, Math.PI * 2);
    }
  }
  ctx.fill();
}

export function drawStroke(ctx: PathContext, stroke: Stroke, color: string): void {
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.lineWidth = stroke.width;
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.beginPath();
  for (const c of smoothPath(stroke.points)) {
    switch (c.op) {
      case 'move':
        ctx.moveTo(c.x, c.y);
        break;
      case 'line':
        ctx.lineTo(c.x, c.y);
        break;
      case 'quad':
        ctx.quadraticCurveTo(c.cx, c.cy, c.x, c.y);
        break;
      case 'dot':
        // A tap leaves a round dot of the stroke's width, like a pen would.
        ctx.arc(c.x, c.y, stroke.width / 2, 0, Math.PI * 2);
        ctx.fill();
        return;
    }
  }
  ctx.stroke();
}

export function drawStrokes(ctx: PathContext, strokes: readonly Stroke[], color: string): void {
  for (const stroke of strokes) drawStroke(ctx, stroke, color);
}
