import type { Box } from '../../engine/types';
import { boxToPercent, type Size } from './stageGeometry';

/** The highlighted digit's box over a stage image, placed in percent so it follows scaling. */
export function BoxHighlight({ box, original }: { box: Box; original: Size }) {
  const r = boxToPercent(box, original);
  return (
    <span
      aria-hidden="true"
      data-testid="box-highlight"
      className="pointer-events-none absolute rounded-sm bg-indigo-400/15 outline-3 outline-offset-2 outline-indigo-500 [box-shadow:0_0_0_9999px_rgb(15_23_42/0.35)]"
      style={{ left: `${r.left}%`, top: `${r.top}%`, width: `${r.width}%`, height: `${r.height}%` }}
    />
  );
}
