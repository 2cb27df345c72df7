/**
 * Grabs the frame the preview shows right now. Large sensors are scaled down: the engine
 * works on at most ~1000 px anyway, and a 12 MP frame would be 48 MB to copy to the worker.
 */
import type { RgbaImage } from '../../engine/types';

export const MAX_CAPTURE_SIDE = 1600;

export function captureSize(
  width: number,
  height: number,
  maxSide = MAX_CAPTURE_SIDE,
): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

export function captureFrame(video: HTMLVideoElement): RgbaImage | null {
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) return null;
  const { width, height } = captureSize(video.videoWidth, video.videoHeight);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(video, 0, 0, width, height);
  return ctx.getImageData(0, 0, width, height);
}
