/** Words for the learning panel, kept apart so they can be tested without React. */

export function samplesSummary(count: number, enabled: boolean): string {
  const n = count === 1 ? '1 sample' : `${count} samples`;
  if (count === 0) {
    return enabled
      ? 'No samples yet: correct a misread digit and it is kept here.'
      : 'No samples. Turn this on, then correct misread digits.';
  }
  return enabled ? `${n} of your handwriting in use.` : `${n} kept, not in use while this is off.`;
}

/** A file name for the export: digit-lens-samples-2026-12-02.json */
export function exportFileName(now: Date): string {
  return `digit-lens-samples-${now.toISOString().slice(0, 10)}.json`;
}
