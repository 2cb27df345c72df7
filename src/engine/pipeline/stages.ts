/** The stage table: what the UI lists, in pipeline order, with the parameters each stage uses. */
import type { PipelineParams, StageId } from '../types';

export interface StageInfo {
  id: StageId;
  label: string;
  description: string;
  params: readonly (keyof PipelineParams)[];
}

export const STAGES: readonly StageInfo[] = [
  {
    id: 'gray',
    label: 'Gray',
    description:
      'Transparent pixels composited onto the background, converted to gray, downscaled.',
    params: ['maxWorkingSize'],
  },
  {
    id: 'blur',
    label: 'Blur',
    description: 'Gaussian blur against sensor noise and paper texture.',
    params: ['blurSize'],
  },
  {
    id: 'thresh',
    label: 'Threshold',
    description:
      'Polarity detected, lighting evened out, ink white on black; ruled and grid lines removed.',
    params: ['thresholdMethod', 'adaptiveBlockSize', 'adaptiveC', 'removeLines'],
  },
  {
    id: 'edges',
    label: 'Edges',
    description: 'Canny edges of the blurred image, kept only next to ink.',
    params: ['cannyLow', 'cannyHigh'],
  },
  {
    id: 'dilate',
    label: 'Dilate',
    description: 'Ink and edges dilated so broken strokes join into one contour.',
    params: ['dilateSize', 'dilateIterations'],
  },
  {
    id: 'boxes',
    label: 'Boxes',
    description: 'One box per digit in reading order, with the predicted label.',
    params: ['minBoxSize', 'doubtfulBelow'],
  },
];

export const STAGE_IDS: readonly StageId[] = STAGES.map((s) => s.id);
