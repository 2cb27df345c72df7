import { useMemo, useState } from 'react';
import { STAGES, type StageInfo } from '../../engine/pipeline/stages';
import type { DigitResult, RecognizeResult, StageId } from '../../engine/types';
import { activeItemId, useAppStore } from '../../store/appStore';
import { Panel } from '../../ui/Panel';
import { BoxHighlight } from './BoxHighlight';
import { DigitCrops } from './DigitCrops';
import { RgbaCanvas } from './RgbaCanvas';
import { StageDialog } from './StageDialog';
import { TuningControls } from './TuningControls';

/** Black-and-white stages stay crisp when enlarged; photos look better smoothed. */
const BINARY_STAGES = new Set<StageId>(['thresh', 'edges', 'dilate']);

function digitsOf(result: RecognizeResult | null | undefined): DigitResult[] {
  return result ? result.lines.flatMap((line) => line.digits) : [];
}

/** Every pipeline stage of the item on screen, its digit crops, and the tuning controls. */
export function StagesPanel() {
  const item = useAppStore((s) => {
    const id = activeItemId(s);
    return id ? s.items[id] : undefined;
  });
  const highlight = useAppStore((s) => s.highlight);
  const setHighlight = useAppStore((s) => s.setHighlight);
  const [enlarged, setEnlarged] = useState<StageId | null>(null);

  const result = item?.status === 'error' ? null : item?.result;
  const stages = result?.stages;
  const digits = useMemo(() => digitsOf(result), [result]);
  const highlighted = highlight !== null ? digits[highlight] : undefined;
  const working = item?.status === 'working';
  const enlargedInfo = STAGES.find((s) => s.id === enlarged);

  return (
    <Panel
      title="Pipeline stages"
      labelledBy="stages-title"
      actions={
        working ? (
          <span className="text-xs text-slate-500 dark:text-slate-400" role="status">
            Updating…
          </span>
        ) : undefined
      }
    >
      <div className="flex flex-col gap-5">
        {result && stages ? (
          <ol
            className={`grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6 ${working ? 'opacity-70' : ''}`}
            aria-label="Pipeline stages in order"
          >
            {STAGES.map((stage, i) => (
              <li key={stage.id} className="min-w-0">
                <StageFigure
                  stage={stage}
                  step={i + 1}
                  result={result}
                  highlightedBox={stage.id === 'boxes' ? highlighted?.box : undefined}
                  onEnlarge={() => setEnlarged(stage.id)}
                />
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {working
              ? 'Drawing the pipeline stages…'
              : 'Each step the engine takes (gray, blur, threshold, edges, dilate, boxes) appears here as an image once something is read.'}
          </p>
        )}

        {result && digits.length > 0 && (
          <section aria-labelledby="crops-title" className="flex flex-col gap-2">
            <h3 id="crops-title" className="text-sm font-semibold">
              What the model saw{' '}
              <span className="font-normal text-slate-500 dark:text-slate-400">
                28×28 crops, ink white on black, with the top guesses
              </span>
            </h3>
            <DigitCrops digits={digits} highlight={highlight} onHighlight={setHighlight} />
          </section>
        )}

        <TuningControls />
      </div>

      {result && stages && enlargedInfo && (
        <StageDialog
          title={`${enlargedInfo.label} stage`}
          description={enlargedInfo.description}
          onClose={() => setEnlarged(null)}
        >
          {/* As large as fits: the full width, or 70% of the viewport height, keeping aspect. */}
          <div
            className="relative mx-auto"
            style={{
              width: `min(100%, calc(70vh * ${stages[enlargedInfo.id].width / Math.max(1, stages[enlargedInfo.id].height)}))`,
            }}
          >
            <RgbaCanvas
              image={stages[enlargedInfo.id]}
              className={`block h-auto w-full rounded-lg bg-slate-100 dark:bg-slate-800 ${
                BINARY_STAGES.has(enlargedInfo.id) ? '[image-rendering:pixelated]' : ''
              }`}
              role="img"
              aria-label={`${enlargedInfo.label} stage, enlarged`}
            />
            {enlargedInfo.id === 'boxes' && highlighted && (
              <BoxHighlight box={highlighted.box} original={result} />
            )}
          </div>
        </StageDialog>
      )}
    </Panel>
  );
}

function StageFigure({
  stage,
  step,
  result,
  highlightedBox,
  onEnlarge,
}: {
  stage: StageInfo;
  step: number;
  result: RecognizeResult;
  highlightedBox: DigitResult['box'] | undefined;
  onEnlarge: () => void;
}) {
  const image = result.stages?.[stage.id];
  if (!image) return null;
  return (
    <figure className="flex flex-col gap-1.5">
      <button
        type="button"
        onClick={onEnlarge}
        aria-label={`Enlarge the ${stage.label} stage`}
        title={stage.description}
        className="relative block w-full cursor-zoom-in overflow-hidden rounded-lg bg-slate-100 ring-1 ring-slate-200 hover:ring-indigo-400 dark:bg-slate-800 dark:ring-slate-700"
      >
        <RgbaCanvas
          image={image}
          data-testid={`stage-${stage.id}`}
          className="block h-auto w-full"
          role="img"
          aria-label={`${stage.label} stage: ${stage.description}`}
        />
        {highlightedBox && <BoxHighlight box={highlightedBox} original={result} />}
      </button>
      <figcaption className="flex items-baseline gap-1.5 text-xs">
        <span className="grid size-4 shrink-0 place-items-center rounded-full bg-slate-200 text-[10px] font-semibold text-slate-700 dark:bg-slate-700 dark:text-slate-200">
          {step}
        </span>
        <span className="font-medium">{stage.label}</span>
      </figcaption>
    </figure>
  );
}
