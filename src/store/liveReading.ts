/**
 * Live camera reading: one preview frame through the engine, without stage images (cheap).
 * The caller keeps at most one frame in flight, so frames are dropped rather than queued.
 */
import type { RecognizeResult } from '../engine/types';
import { useAppStore } from './appStore';
import { engineClient } from './engine';

/** Reads a frame; the bitmap is transferred to the worker (closed here). */
export async function readLiveFrame(
  frame: ImageBitmap,
  signal?: AbortSignal,
): Promise<RecognizeResult> {
  const client = await engineClient();
  return client.recognize(frame, { params: useAppStore.getState().params, stages: false, signal });
}

/** Whether the engine is ready: live reading waits for it instead of queueing frames. */
export function engineIsReady(): boolean {
  return useAppStore.getState().engine.state === 'ready';
}
