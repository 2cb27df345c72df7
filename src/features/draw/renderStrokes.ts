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
>;

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
