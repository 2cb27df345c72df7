/**
 * Saves text as a file without any network: a Blob, an object URL and a temporary link. The
 * URL is revoked once the browser has had time to start the download.
 */
export function downloadText(fileName: string, mime: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** e.g. "digit-lens-2026-12-02-0457.csv", in local time. */
export function exportFileName(ext: string, now = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  return `digit-lens-${date}-${two(now.getHours())}${two(now.getMinutes())}.${ext}`;
}
