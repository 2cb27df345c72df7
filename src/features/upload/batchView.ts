/**
 * Pure helpers for the upload batch: how an item is described, and which clipboard or
 * drag-and-drop entries are images.
 */
import type { InputItem, ItemStatus } from '../../store/inputSlice';

export const SUPPORTED_FORMATS = 'PNG, JPEG, WebP, GIF and BMP';

export interface BatchItemView {
  id: string;
  name: string;
  status: ItemStatus;
  /** Recognized digits, lines joined by "\n"; empty until done. */
  text: string;
  /** Digits still doubtful (corrected ones are not). */
  doubtful: number;
  statusLabel: string;
  /** The line under the name: the digits, the error, or what is happening. */
  detail: string;
  tone: 'muted' | 'ok' | 'error';
}

const STATUS_LABELS: Record<ItemStatus, string> = {
  idle: 'Waiting',
  working: 'Reading…',
  done: 'Done',
  error: 'Could not read',
};

function doubtfulOf(item: InputItem): number {
  if (item.status !== 'done') return 0;
  let n = 0;
  for (const line of item.result?.lines ?? []) for (const d of line.digits) if (d.doubtful) n++;
  return n;
}

export function batchItemView(item: InputItem): BatchItemView {
  const text = item.status === 'done' ? (item.result?.text ?? '') : '';
  const doubtful = doubtfulOf(item);
  let detail: string;
  let tone: BatchItemView['tone'] = 'muted';
  if (item.status === 'error') {
    detail = item.error ?? 'This image could not be read.';
    tone = 'error';
  } else if (item.status === 'done') {
    detail = text === '' ? 'No digits found' : text;
    tone = text === '' ? 'muted' : 'ok';
  } else {
    detail = item.status === 'working' ? 'Reading…' : 'Waiting to be read';
  }
  return {
    id: item.id,
    name: item.name,
    status: item.status,
    text,
    doubtful,
    // "Done" would hide digits that still need a look.
    statusLabel: doubtful > 0 ? `${doubtful} to check` : STATUS_LABELS[item.status],
    detail,
    tone,
  };
}

/** Minimal shape of DataTransfer items, so the logic is testable without a browser. */
export interface TransferItemLike {
  kind: string;
  type: string;
  getAsFile(): File | null;
}

/**
 * The files among clipboard items. Non-images are kept too: the engine explains why it cannot
 * read them, which beats silently ignoring a paste.
 */
export function filesFromTransfer(items: ArrayLike<TransferItemLike>): File[] {
  const files: File[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item?.kind !== 'file') continue;
    const file = item.getAsFile();
    if (file) files.push(file);
  }
  return files;
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/bmp': 'bmp',
};

/** Clipboard images are all called "image.png": give each a name the user can tell apart. */
export function pastedFileName(seq: number, type: string): string {
  const ext = EXTENSIONS[type];
  return ext ? `pasted image ${seq}.${ext}` : `pasted image ${seq}`;
}

/** Arrow-key movement through the batch list (wrapping), or null for other keys. */
export function nextIndex(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowUp':
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
