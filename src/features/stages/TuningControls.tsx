import { useId, useState } from 'react';
import { NUMERIC_PARAM_SPECS, THRESHOLD_METHODS } from '../../engine/pipeline/params';
import { STAGES } from '../../engine/pipeline/stages';
import type { PipelineParams, ThresholdMethod } from '../../engine/types';
import { useAppStore } from '../../store/appStore';
import { Button } from '../../ui/Button';
import {
  formatParamValue,
  groupParams,
  isRelevant,
  METHOD_LABELS,
  type ParamControl,
} from './paramGroups';
import { rerunLatest } from './rerunLatest';

const GROUPS = groupParams(STAGES, NUMERIC_PARAM_SPECS);

/** Wide screens start with the controls open; phones start collapsed to keep the page short. */
function startsOpen(): boolean {
  return typeof window === 'undefined' || window.matchMedia('(min-width: 640px)').matches;
}

/** Sliders and choices for every stage parameter; each change redraws the stages live. */
export function TuningControls() {
  const params = useAppStore((s) => s.params);
  const [open, setOpen] = useState(startsOpen);

  const change = (patch: Partial<PipelineParams>): void => {
    useAppStore.getState().setParams(patch);
    void rerunLatest();
  };
  const reset = (): void => {
    useAppStore.getState().resetParams();
    void rerunLatest();
  };

  return (
    <details
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      className="group rounded-xl ring-1 ring-slate-200 dark:ring-slate-800"
    >
      <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 rounded-xl px-3 py-2 text-sm font-semibold select-none hover:bg-slate-50 dark:hover:bg-slate-800/50 [&::-webkit-details-marker]:hidden">
        <span>Tune the pipeline</span>
        <span
          aria-hidden="true"
          className="text-slate-500 transition-transform group-open:rotate-180"
        >
          ▾
        </span>
      </summary>
      <div className="flex flex-col gap-4 border-t border-slate-200 p-3 sm:p-4 dark:border-slate-800">
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Changes apply at once to the image on screen and to every image read afterwards.
        </p>
        <div className="grid gap-x-6 gap-y-4 sm:grid-cols-2 lg:grid-cols-3">
          {GROUPS.map((group) => (
            <fieldset key={group.id} className="flex min-w-0 flex-col gap-3">
              <legend className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
                {group.label}
              </legend>
              {group.controls
                .filter((c) => isRelevant(c.key, params))
                .map((control) => (
                  <Control key={control.key} control={control} params={params} onChange={change} />
                ))}
            </fieldset>
          ))}
        </div>
        <div>
          <Button data-testid="reset-params" onClick={reset}>
            Reset to defaults
          </Button>
        </div>
      </div>
    </details>
  );
}

function Control({
  control,
  params,
  onChange,
}: {
  control: ParamControl;
  params: PipelineParams;
  onChange: (patch: Partial<PipelineParams>) => void;
}) {
  const id = useId();
  const testId = `param-${control.key}`;

  if (control.kind === 'method') {
    return (
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium">
          Threshold method
        </label>
        <select
          id={id}
          data-testid={testId}
          value={params.thresholdMethod}
          onChange={(e) => onChange({ thresholdMethod: e.target.value as ThresholdMethod })}
          className="min-h-10 rounded-lg bg-white px-2 text-sm ring-1 ring-slate-300 dark:bg-slate-800 dark:ring-slate-600"
        >
          {THRESHOLD_METHODS.map((m) => (
            <option key={m} value={m}>
              {METHOD_LABELS[m] ?? m}
            </option>
          ))}
        </select>
      </div>
    );
  }

  if (control.kind === 'toggle') {
    return (
      <label className="flex min-h-10 cursor-pointer items-center gap-2 text-sm font-medium">
        <input
          type="checkbox"
          data-testid={testId}
          checked={params.removeLines ?? true}
          onChange={(e) => onChange({ removeLines: e.target.checked })}
          className="size-4 accent-indigo-600"
        />
        Remove ruled and grid lines
      </label>
    );
  }

  const { spec } = control;
  const value = params[spec.key];
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium">
          {spec.label}
        </label>
        <output
          htmlFor={id}
          className="font-mono text-sm text-slate-700 tabular-nums dark:text-slate-300"
        >
          {formatParamValue(value, spec)}
        </output>
      </div>
      <input
        id={id}
        type="range"
        data-testid={testId}
        min={spec.min}
        max={spec.max}
        step={spec.step}
        value={value ?? spec.min}
        onChange={(e) => onChange({ [spec.key]: Number(e.target.value) })}
        className="h-6 w-full accent-indigo-600"
      />
    </div>
  );
}
