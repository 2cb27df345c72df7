import { useAppStore } from '../../store/appStore';
import { clearCaptures } from '../../store/recognition';
import { CaptureThumbnail } from './CaptureThumbnail';

/** The captures of this session, newest first; choosing one shows its result. */
export function CaptureStrip() {
  const order = useAppStore((s) => s.captureOrder);
  if (order.length === 0) return null;
  return (
    <section aria-label="Captures" className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-medium text-slate-700 dark:text-slate-300">
          Captures <span className="text-slate-500 dark:text-slate-400">({order.length})</span>
        </h3>
        <button
          type="button"
          data-testid="clear-captures"
          onClick={clearCaptures}
          className="rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-200/70 dark:text-slate-300 dark:hover:bg-slate-800"
        >
          Clear captures
        </button>
      </div>
      <div className="-mx-1 flex gap-2 overflow-x-auto px-1 pt-1 pb-2">
        {[...order].reverse().map((id) => (
          <CaptureThumbnail key={id} id={id} />
        ))}
      </div>
    </section>
  );
}
