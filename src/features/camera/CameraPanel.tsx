/** Placeholder until the camera feature lands. */
export function CameraPanel() {
  return <p className="text-sm text-slate-500">Coming soon.</p>;
}
