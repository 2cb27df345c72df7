import { DEFAULT_PARAMS } from '../engine/pipeline/params';
import type { PipelineParams } from '../engine/types';
import { useAppStore } from '../store/appStore';
import { rerunActive } from '../store/recognition';

/** The settings that differ from the defaults (unknown or missing keys count as default). */
export function changedParams(params: PipelineParams): (keyof PipelineParams)[] {
  return (Object.keys(DEFAULT_PARAMS) as (keyof PipelineParams)[]).filter(
    (k) => params[k] !== undefined && params[k] !== DEFAULT_PARAMS[k],
  );
}

/**
 * Tuned pipeline settings are kept on the device; while they differ from the defaults the
 * header says so, since they change every reading (a large minimum box size finds nothing).
 * Activating the badge puts the defaults back and reads the item on screen again.
 */
export function ParamsBadge() {
  const changed = useAppStore((s) => changedParams(s.params).length);
  if (changed === 0) return null;
  return (
    <button
      type="button"
      data-testid="params-custom"
      onClick={() => {
        useAppStore.getState().resetParams();
        rerunActive();
      }}
      title="Pipeline settings differ from the defaults. Click to reset them."
      className="inline-flex min-h-9 items-center gap-1.5 rounded-full bg-amber-100 px-3 text-xs font-semibold text-amber-900 ring-1 ring-amber-300 hover:bg-amber-200 dark:bg-amber-900/50 dark:text-amber-100 dark:ring-amber-700 dark:hover:bg-amber-900"
    >
      <span aria-hidden="true">⚙</span>
      Custom settings ({changed})<span className="underline">Reset</span>
    </button>
  );
}
