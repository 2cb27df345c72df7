import { useMemo } from 'react';
import type { DigitResult } from '../../engine/types';
import { formatConfidence } from '../../ui/formatConfidence';
import { RgbaCanvas } from './RgbaCanvas';
import { cropToRgba } from './stageGeometry';

/** Each digit's 28x28 model input with its top guesses, highlighted in sync with the result. */
export function DigitCrops({
  digits,
  highlight,
  onHighlight,
}: {
  digits: DigitResult[];
  highlight: number | null;
  onHighlight: (index: number | null) => void;
}) {
  return (
    <ol className="flex flex-wrap gap-2" aria-label="Digit crops as the model saw them">
      {digits.map((digit, i) => {
        const active = highlight === i;
        return (
          <li
            key={i}
            tabIndex={0}
            aria-label={`Crop ${i + 1}: read as ${digit.label}`}
            // Hover for mice only: touch sends a leave right after the tap, which would undo it; a
            // tap highlights through focus and tapping elsewhere (blur) clears it.
            onPointerEnter={(e) => {
              if (e.pointerType === 'mouse') onHighlight(i);
            }}
            onPointerLeave={(e) => {
              if (e.pointerType === 'mouse') onHighlight(null);
            }}
            onFocus={() => onHighlight(i)}
            onBlur={() => onHighlight(null)}
            className={`flex w-36 gap-2 rounded-xl p-2 ring-1 transition ${
              active
                ? 'bg-indigo-50 ring-2 ring-indigo-500 dark:bg-indigo-950/40 dark:ring-indigo-400'
                : digit.doubtful
                  ? 'bg-amber-50 ring-amber-400 dark:bg-amber-950/30 dark:ring-amber-500'
                  : 'bg-slate-50 ring-slate-200 dark:bg-slate-800/50 dark:ring-slate-700'
            }`}
          >
            <CropCanvas crop={digit.crop28} label={digit.label} index={i} />
            <ul
              className="flex min-w-0 flex-1 flex-col justify-center gap-1"
              aria-label="Top guesses"
            >
              {digit.top.slice(0, 3).map((g, gi) => (
                <li key={g.label} className="flex items-center gap-1 text-[11px] tabular-nums">
                  <span className={`w-2.5 font-mono ${gi === 0 ? 'font-bold' : ''}`}>
                    {g.label}
                  </span>
                  <span
                    aria-hidden="true"
                    className="h-1.5 flex-1 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
                  >
                    <span
                      className={`block h-full rounded-full ${gi === 0 ? 'bg-indigo-500' : 'bg-slate-400 dark:bg-slate-500'}`}
                      style={{ width: `${Math.max(1, Math.round(g.p * 100))}%` }}
                    />
                  </span>
                  <span className="w-8 text-right text-slate-600 dark:text-slate-400">
                    {formatConfidence(g.p)}
                  </span>
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}

function CropCanvas({ crop, label, index }: { crop: Float32Array; label: number; index: number }) {
  const image = useMemo(() => cropToRgba(crop), [crop]);
  return (
    <RgbaCanvas
      image={image}
      data-testid="digit-crop"
      data-label={label}
      className="size-14 shrink-0 rounded-md bg-black [image-rendering:pixelated]"
      role="img"
      aria-label={`28 by 28 crop of digit ${index + 1}`}
    />
  );
}
