import { useEffect, useRef, useState } from 'react';
import { Button } from '../../ui/Button';
import { copyText, type CopyOutcome } from './copyText';

/** Copies the digits; says "Copied" for a moment, or how to copy by hand when it cannot. */
export function CopyButton({ text }: { text: string }) {
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
        <span aria-hidden="true">{outcome === 'copied' ? '✓' : '⧉'}</span>
        {outcome === 'copied' ? 'Copied' : 'Copy'}
      </Button>
      <span id="copy-feedback" role="status" className="text-xs text-slate-600 dark:text-slate-400">
        {outcome === 'unavailable' &&
          'This browser blocked the clipboard: select the digits and press Ctrl+C (⌘C).'}
        {outcome === 'copied' && <span className="sr-only">Copied to the clipboard.</span>}
      </span>
    </div>
  );
}
