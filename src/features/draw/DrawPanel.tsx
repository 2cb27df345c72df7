/** Placeholder until the draw feature lands. */
export function DrawPanel() {
  return <p className="text-sm text-slate-500">Coming soon.</p>;
}
