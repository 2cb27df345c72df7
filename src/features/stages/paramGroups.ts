/**
 * The tuning controls, grouped by the stage that uses them (the engine's stage table), so
 * a new parameter the engine exposes shows up without a UI change.
 */
import type { NumericParamSpec } from '../../engine/pipeline/params';
import type { StageInfo } from '../../engine/pipeline/stages';
import type { PipelineParams } from '../../engine/types';

export type ParamControl =
  | { kind: 'range'; key: NumericParamSpec['key']; spec: NumericParamSpec }
  | { kind: 'method'; key: 'thresholdMethod' }
  | { kind: 'toggle'; key: 'removeLines' };

export interface ParamGroup {
  id: string;
  label: string;
  controls: ParamControl[];
}

function controlFor(
  key: keyof PipelineParams,
  specs: readonly NumericParamSpec[],
): ParamControl | null {
  if (key === 'thresholdMethod') return { kind: 'method', key };
  if (key === 'removeLines') return { kind: 'toggle', key };
  const spec = specs.find((s) => s.key === key);
  return spec ? { kind: 'range', key: spec.key, spec } : null;
}

export function groupParams(
  stages: readonly StageInfo[],
  specs: readonly NumericParamSpec[],
): ParamGroup[] {
  const placed = new Set<string>();
  const groups: ParamGroup[] = [];
  for (const stage of stages) {
    const controls: ParamControl[] = [];
    for (const key of stage.params) {
      const control = controlFor(key, specs);
      if (control && !placed.has(key)) {
        controls.push(control);
        placed.add(key);
      }
    }
    if (controls.length > 0) groups.push({ id: stage.id, label: stage.label, controls });
  }
  const rest = specs
    .filter((s) => !placed.has(s.key))
    .map((spec): ParamControl => ({ kind: 'range', key: spec.key, spec }));
  if (rest.length > 0) groups.push({ id: 'other', label: 'Other', controls: rest });
  return groups;
}

/** Adaptive block size and C only matter for the adaptive method. */
export function isRelevant(key: keyof PipelineParams, params: PipelineParams): boolean {
  if (key === 'adaptiveBlockSize' || key === 'adaptiveC') {
    return params.thresholdMethod === 'adaptive';
  }
  return true;
}

/** Values as the slider shows them: fractions with two decimals, the rest as integers. */
export function formatParamValue(value: number | undefined, spec: NumericParamSpec): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  return spec.step < 1 ? value.toFixed(2) : String(Math.round(value));
}

export const METHOD_LABELS: Record<string, string> = {
  'normalized-otsu': 'Otsu on evened-out light (default)',
  adaptive: 'Adaptive (local mean)',
  otsu: 'Otsu (global)',
};
