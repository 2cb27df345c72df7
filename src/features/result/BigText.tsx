import type { IndexedLine } from './resultView';

/**
 * The digits in large type. Doubtful digits keep their mark here too (amber, dotted underline,
 * a "?" above) and corrected ones a solid underline; the marks are styling only, so selecting
 * the text copies just the digits.
 */
export function BigText({ lines, corrected }: { lines: IndexedLine[]; corrected: Set<number> }) {
  const doubtful = lines.reduce((n, l) => n + l.digits.filter((d) => d.doubtful).length, 0);
  return (
    <output
      aria-label={doubtful > 0 ? `Recognized digits, ${doubtful} doubtful` : 'Recognized digits'}
      data-testid="big-text"
      className="block rounded-xl bg-slate-50 px-4 py-3 font-mono text-4xl leading-[1.35] font-bold tracking-[0.15em] break-all whitespace-pre-wrap text-slate-900 select-all sm:text-5xl dark:bg-slate-800/60 dark:text-white"
    >
      {lines.map((line, li) => (
        <span key={li}>
          {li > 0 && '\n'}
          {line.digits.map((d, di) => {
            const i = line.start + di;
            const cls = d.doubtful
              ? 'relative rounded bg-amber-100 text-amber-900 underline decoration-amber-500 decoration-dotted decoration-4 underline-offset-8 before:absolute before:-top-3 before:left-1/2 before:-translate-x-1/2 before:text-xs before:font-bold before:tracking-normal before:text-amber-600 before:content-["?"] dark:bg-amber-950/60 dark:text-amber-200 dark:before:text-amber-400'
              : corrected.has(i)
                ? 'underline decoration-indigo-500 decoration-4 underline-offset-8'
                : undefined;
            return (
              <span
                key={i}
                data-doubtful={d.doubtful ? 'true' : undefined}
                className={cls}
                title={
                  d.doubtful
                    ? 'Doubtful: check this digit'
                    : corrected.has(i)
                      ? 'Corrected by you'
                      : undefined
                }
              >
                {d.label}
              </span>
            );
          })}
        </span>
      ))}
    </output>
  );
}
