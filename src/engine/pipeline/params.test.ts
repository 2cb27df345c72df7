import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, resolveParams } from './params';
import { STAGE_IDS, STAGES } from './stages';

describe('resolveParams', () => {
  it('returns the defaults without overrides', () => {
    expect(resolveParams()).toEqual(DEFAULT_PARAMS);
  });

  it('clamps out-of-range numbers and makes kernel sizes odd', () => {
    const p = resolveParams({ blurSize: 4, dilateSize: 100, cannyLow: -5, doubtfulBelow: 2 });
    expect(p.blurSize).toBe(5);
    expect(p.dilateSize).toBe(15);
    expect(p.cannyLow).toBe(0);
    expect(p.doubtfulBelow).toBe(1);
  });

  it('ignores invalid values instead of throwing', () => {
    const p = resolveParams({
      blurSize: Number.NaN,
      thresholdMethod: 'magic' as never,
      removeLines: 'yes' as never,
    });
    expect(p.blurSize).toBe(DEFAULT_PARAMS.blurSize);
    expect(p.thresholdMethod).toBe(DEFAULT_PARAMS.thresholdMethod);
    expect(p.removeLines).toBe(true);
  });

  it('keeps canny high >= low', () => {
    const p = resolveParams({ cannyLow: 200, cannyHigh: 100 });
    expect(p.cannyHigh).toBe(200);
  });
});

describe('stage table', () => {
  it('lists the six UI stages in pipeline order', () => {
    expect(STAGE_IDS).toEqual(['gray', 'blur', 'thresh', 'edges', 'dilate', 'boxes']);
    for (const s of STAGES) for (const k of s.params) expect(DEFAULT_PARAMS).toHaveProperty(k);
  });
});
