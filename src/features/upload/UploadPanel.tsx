/** Placeholder until the upload feature lands. */
export function UploadPanel() {
  return <p className="text-sm text-slate-500">Coming soon.</p>;
}
