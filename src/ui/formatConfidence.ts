/**
 * A probability as a whole percent, with the extremes kept honest: a rounded "100%" or "0%"
 * would overstate the model's certainty.
 */
export function formatConfidence(p: number): string {
  if (!Number.isFinite(p)) return '–';
  if (p >= 0.995) return '>99%';
  if (p < 0.005) return '<1%';
  return `${Math.round(p * 100)}%`;
}
