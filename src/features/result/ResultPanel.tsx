/** Placeholder until the result feature lands. */
export function ResultPanel() {
  return <p className="text-sm text-slate-500">Coming soon.</p>;
}
