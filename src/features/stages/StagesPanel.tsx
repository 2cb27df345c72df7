/** Placeholder until the stages feature lands. */
export function StagesPanel() {
  return <p className="text-sm text-slate-500">Coming soon.</p>;
}
