import { describe, expect, it } from 'vitest';
import { MAX_CAPTURE_SIDE, captureSize } from './captureFrame';

describe('captureSize', () => {
  it('keeps frames that already fit', () => {
    expect(captureSize(1280, 720)).toEqual({ width: 1280, height: 720 });
  });

  it('scales large frames down to the longest-side limit, keeping the aspect ratio', () => {
    expect(captureSize(4000, 3000)).toEqual({ width: MAX_CAPTURE_SIDE, height: 1200 });
    expect(captureSize(1080, 1920)).toEqual({ width: 900, height: MAX_CAPTURE_SIDE });
  });
});
