import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, NUMERIC_PARAM_SPECS } from '../../engine/pipeline/params';
import { STAGES } from '../../engine/pipeline/stages';
import { formatParamValue, groupParams, isRelevant } from './paramGroups';

describe('groupParams', () => {
  const groups = groupParams(STAGES, NUMERIC_PARAM_SPECS);
  const keys = groups.flatMap((g) => g.controls.map((c) => c.key));

  it('offers every numeric parameter the engine exposes, once', () => {
    for (const spec of NUMERIC_PARAM_SPECS) expect(keys).toContain(spec.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
  it('offers the threshold method as a choice', () => {
    expect(groups.flatMap((g) => g.controls).find((c) => c.key === 'thresholdMethod')?.kind).toBe(
      'method',
    );
  });
  it('puts parameters no stage claims under Other', () => {
    const extra = { key: 'cannyLow', label: 'x', min: 0, max: 1, step: 1 } as const;
    const g = groupParams([], [extra]);
    expect(g).toEqual([
      { id: 'other', label: 'Other', controls: [{ kind: 'range', key: 'cannyLow', spec: extra }] },
    ]);
  });
});

describe('isRelevant and formatParamValue', () => {
  it('shows adaptive settings only for the adaptive method', () => {
    expect(isRelevant('adaptiveC', { ...DEFAULT_PARAMS, thresholdMethod: 'otsu' })).toBe(false);
    expect(isRelevant('adaptiveC', { ...DEFAULT_PARAMS, thresholdMethod: 'adaptive' })).toBe(true);
    expect(isRelevant('blurSize', DEFAULT_PARAMS)).toBe(true);
  });
  it('formats fractions and integers', () => {
    const frac = { key: 'doubtfulBelow', label: '', min: 0, max: 1, step: 0.01 } as const;
    const int = { key: 'blurSize', label: '', min: 1, max: 31, step: 2 } as const;
    expect(formatParamValue(0.7, frac)).toBe('0.70');
    expect(formatParamValue(5, int)).toBe('5');
    expect(formatParamValue(undefined, int)).toBe('–');
  });
});
