import { Button } from '../../ui/Button';
import type { LiveSnapshot } from './liveReader';

/** The current live reading; once it has held still for about a second, one tap keeps it. */
export function LiveResult({ live, onKeep }: { live: LiveSnapshot; onKeep: () => void }) {
  const reading = live.text.replace(/\n/g, ' ');
  return (
    <div
      data-testid="live-result"
      data-text={live.text}
      data-frames={live.frames}
      className="flex min-h-12 flex-wrap items-center gap-x-3 gap-y-2 rounded-xl bg-slate-100 px-3 py-2 dark:bg-slate-800/60"
    >
      <span className="text-xs font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400">
        Live
      </span>
      <span
        aria-live="polite"
        className="min-w-0 flex-1 font-mono text-2xl font-semibold tracking-wider text-slate-900 dark:text-slate-50"
      >
        {reading || (
          <span className="font-sans text-sm font-normal tracking-normal text-slate-500 dark:text-slate-400">
            {live.frames === 0 ? 'Getting ready to read…' : 'Point the camera at some digits'}
          </span>
        )}
      </span>
      {live.fps > 0 && (
        <span className="hidden text-xs text-slate-500 tabular-nums sm:inline dark:text-slate-400">
          {live.fps.toFixed(1)} frames/s
        </span>
      )}
      {live.stable && (
        <Button data-testid="live-keep" variant="primary" onClick={onKeep} className="min-h-10">
          Keep {reading}
        </Button>
      )}
      {live.error && (
        <p className="basis-full text-xs text-rose-700 dark:text-rose-300">{live.error}</p>
      )}
    </div>
  );
}
