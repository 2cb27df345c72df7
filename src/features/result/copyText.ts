/**
 * Copying with a fallback: the async Clipboard API needs a secure context and permission; the
 * legacy execCommand path still works in some places where it is refused.
 */
export type CopyOutcome = 'copied' | 'unavailable';

export interface ClipboardLike {
  writeText(text: string): Promise<void>;
}

/** Copies through a temporary off-screen textarea; true when the browser says it worked. */
export function legacyCopy(text: string, doc: Document = document): boolean {
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  doc.body.appendChild(area);
  try {
    area.select();
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

export async function copyText(
  text: string,
  clipboard: ClipboardLike | undefined = globalThis.navigator?.clipboard,
  fallback: (text: string) => boolean = (t) =>
    typeof document !== 'undefined' ? legacyCopy(t) : false,
): Promise<CopyOutcome> {
  if (clipboard) {
    try {
      await clipboard.writeText(text);
      return 'copied';
    } catch {
      // Denied or not focused: try the old way before giving up.
    }
  }
  return fallback(text) ? 'copied' : 'unavailable';
}
