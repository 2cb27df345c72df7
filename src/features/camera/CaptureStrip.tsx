import { useAppStore } from '../../store/appStore';
import { CaptureThumbnail } from './CaptureThumbnail';

/** The captures of this session, newest first; choosing one shows its result. */
export function CaptureStrip() {
  const order = useAppStore((s) => s.captureOrder);
  if (order.length === 0) return null;
  return (
    <section aria-label="Captures" className="flex flex-col gap-2">
      <h3 className="text-sm font-medium text-slate-700 dark:text-slate-300">
        Captures <span className="text-slate-500 dark:text-slate-400">({order.length})</span>
      </h3>
      <div className="-mx-1 flex gap-2 overflow-x-auto px-1 pt-1 pb-2">
        {[...order].reverse().map((id) => (
          <CaptureThumbnail key={id} id={id} />
        ))}
      </div>
    </section>
  );
}
