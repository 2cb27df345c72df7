/**
 * Recognition actions. Each item has at most one request in flight: a newer request for the
 * same item cancels the older one, so a cleared canvas never shows a stale answer.
 */
import { FALLBACK_MESSAGES, isCancelled, isEngineError, userMessageOf } from '../engine/errors';
import { useAppStore } from './appStore';
import { noteOtherEdit, reapplyCorrections } from './corrections';
import { engineClient } from './engine';
import { DRAWING_ID, type InputItem } from './inputSlice';

const inflight = new Map<string, AbortController>();

export function cancelItem(id: string): void {
  inflight.get(id)?.abort();
  inflight.delete(id);
}

/** Reads one item; stage images only when the item is on screen (they are large). */
export async function recognizeItem(id: string, stages = true): Promise<void> {
  const store = useAppStore.getState();
  const item = store.items[id];
  const source = item?.file ?? item?.image;
  if (!item || !source) return;
  cancelItem(id);
  const controller = new AbortController();
  inflight.set(id, controller);
  store.patchItem(id, { status: 'working', error: null });
  try {
    const attempt = async () =>
      (await engineClient()).recognize(source, {
        params: useAppStore.getState().params,
        stages,
        signal: controller.signal,
      });
    // A crashed worker is restarted by engine.ts; the request it lost is retried once.
    const result = await attempt().catch((err: unknown) => {
      if (!isEngineError(err) || err.code !== 'worker-crashed') throw err;
      return attempt();
    });
    if (controller.signal.aborted) return;
    // Corrections survive a re-read (stages, a setting, a new stroke) where their ink is unchanged.
    const fixed = reapplyCorrections(result, useAppStore.getState().items[id]?.corrections);
    useAppStore.getState().patchItem(id, {
      status: 'done',
      result: fixed.result,
      corrections: fixed.corrections.length > 0 ? fixed.corrections : undefined,
      error: null,
    });
  } catch (err) {
    if (isCancelled(err) || controller.signal.aborted) return;
    useAppStore
      .getState()
      .patchItem(id, { status: 'error', error: userMessageOf(err, FALLBACK_MESSAGES.read) });
  } finally {
    if (inflight.get(id) === controller) inflight.delete(id);
  }
}

/** The drawing changed: read it again, or reset when the canvas is empty. */
export function setDrawing(image: InputItem['image'] | null): Promise<void> {
  const store = useAppStore.getState();
  noteOtherEdit();
  if (!image) {
    cancelItem(DRAWING_ID);
    store.putItem({
      id: DRAWING_ID,
      source: 'draw',
      name: 'Drawing',
      status: 'idle',
      // An empty pad has no digits left to be corrected.
      result: null,
      error: null,
    });
    return Promise.resolve();
  }
  const previous = store.items[DRAWING_ID];
  store.putItem({
    id: DRAWING_ID,
    source: 'draw',
    name: 'Drawing',
    image,
    status: 'working',
    result: previous?.result ?? null,
    error: null,
    corrections: previous?.corrections,
  });
  return recognizeItem(DRAWING_ID);
}

let uploadSeq = 0;

/** Stage images are large: keep them only for the item on screen. */
function dropStages(id: string | null | undefined): void {
  const item = id ? useAppStore.getState().items[id] : undefined;
  if (item?.result?.stages) {
    useAppStore.getState().patchItem(item.id, { result: { ...item.result, stages: undefined } });
  }
}

/**
 * Adds files to the batch and reads them one after another. The first of them becomes the item
 * on screen (read with stages): the newest upload is what the person wants to see.
 */
export async function addFiles(
  files: readonly File[],
  /** Paths inside a chosen or dropped folder, by position. */
  paths?: readonly (string | undefined)[],
): Promise<void> {
  if (files.length === 0) return;
  const items: InputItem[] = files.map((file, i) => ({
    id: `upload-${++uploadSeq}`,
    source: 'upload',
    name: file.name || `pasted-image-${uploadSeq}`,
    ...(paths?.[i] ? { path: paths[i] } : {}),
    file,
    status: 'working',
    result: null,
    error: null,
  }));
  dropStages(useAppStore.getState().activeIds.upload);
  useAppStore.getState().addUploads(items);
  for (const item of items) {
    const active = useAppStore.getState().activeIds.upload === item.id;
    await recognizeItem(item.id, active);
  }
}

let captureSeq = 0;

export function addCapture(image: NonNullable<InputItem['image']>): Promise<void> {
  const id = `capture-${++captureSeq}`;
  useAppStore.getState().addCapture({
    id,
    source: 'camera',
    name: `Capture ${captureSeq}`,
    image,
    status: 'working',
    result: null,
    error: null,
  });
  return recognizeItem(id);
}

/** Forgets every camera capture (their pixels are the largest thing the app holds). */
export function clearCaptures(): void {
  for (const id of useAppStore.getState().captureOrder) cancelItem(id);
  useAppStore.getState().removeCaptures();
}

/** Shows an item; reads it again when its stage images were not kept. */
export function selectItem(mode: InputItem['source'], id: string): void {
  const before = useAppStore.getState();
  const previousId = before.activeIds[mode];
  const previous = previousId && previousId !== id ? before.items[previousId] : undefined;
  // Stage images are large: keep them only for the item on screen.
  if (previous?.result?.stages) {
    before.patchItem(previous.id, { result: { ...previous.result, stages: undefined } });
  }
  before.selectItem(mode, id);
  const item = useAppStore.getState().items[id];
  if (item && item.status === 'done' && !item.result?.stages) void recognizeItem(id, true);
}

/** Takes one file out of the batch; its neighbour is shown when it was on screen. */
export function removeUpload(id: string): void {
  cancelItem(id);
  const wasActive = useAppStore.getState().activeIds.upload === id;
  useAppStore.getState().removeUpload(id);
  const next = useAppStore.getState().activeIds.upload;
  if (wasActive && next) selectItem('upload', next);
}

/** Parameters changed: redraw the item on screen at once. */
export function rerunActive(): void {
  const s = useAppStore.getState();
  const id = s.activeIds[s.mode];
  if (id && s.items[id]?.status !== 'idle') void recognizeItem(id, true);
}

/**
 * When the engine comes (back) up after a failure, read again what is on screen: the person
 * should not have to redraw or re-upload because the model was briefly unreachable.
 */
useAppStore.subscribe((state, previous) => {
  if (state.engine.state !== 'ready' || previous.engine.state === 'ready') return;
  for (const id of Object.values(state.activeIds)) {
    if (id && state.items[id]?.status === 'error') void recognizeItem(id, true);
  }
});
