import { useEffect, useRef, useState } from 'react';
import { Button } from '../../ui/Button';
import { copyText, type CopyOutcome } from './copyText';

/**
 * Copies the digits; says "Copied" for a moment, or how to copy by hand when it cannot. The
 * copy holds digits only (a "?" would break a pasted number), so while some are doubtful the
 * button says how many and the feedback warns to check them.
 */
export function CopyButton({ text, doubtful = 0 }: { text: string; doubtful?: number }) {
  const [outcome, setOutcome] = useState<CopyOutcome | null>(null);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const onCopy = async (): Promise<void> => {
    const result = await copyText(text);
    setOutcome(result);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setOutcome(null), result === 'copied' ? 2000 : 6000);
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        data-testid="copy"
        onClick={() => void onCopy()}
        disabled={text === ''}
        aria-describedby={outcome ? 'copy-feedback' : undefined}
      >
        <CopyIcon done={outcome === 'copied'} />
        {outcome === 'copied' ? 'Copied' : 'Copy'}
        {doubtful > 0 && (
          <span
            aria-label={`, ${doubtful} doubtful`}
            className="rounded-full bg-amber-100 px-1.5 text-xs font-semibold text-amber-900 dark:bg-amber-900/60 dark:text-amber-100"
          >
            {doubtful} ?
          </span>
        )}
      </Button>
      <span id="copy-feedback" role="status" className="text-xs text-slate-600 dark:text-slate-400">
        {outcome === 'unavailable' &&
          'This browser blocked the clipboard: select the digits and press Ctrl+C (⌘C).'}
        {outcome === 'copied' && doubtful === 0 && (
          <span className="sr-only">Copied to the clipboard.</span>
        )}
        {outcome === 'copied' && doubtful > 0 && (
          <span
            data-testid="copy-warning"
            className="font-medium text-amber-800 dark:text-amber-300"
          >
            Copied, but {doubtful === 1 ? '1 digit is' : `${doubtful} digits are`} doubtful: check{' '}
            {doubtful === 1 ? 'it' : 'them'}.
          </span>
        )}
      </span>
    </div>
  );
}

function CopyIcon({ done }: { done: boolean }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      className="size-4"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {done ? (
        <path d="M4 10.5l4 4 8-9" />
      ) : (
        <>
          <rect x="7" y="7" width="10" height="10" rx="2" />
          <path d="M13 4.5V4a1 1 0 0 0-1-1H4a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h.5" />
        </>
      )}
    </svg>
  );
}
