/**
 * The preview's frames for live reading: grabbed as ImageBitmaps (no pixel readback on the UI
 * thread; the worker reads them), at most LIVE_MAX_SIDE on the longer side: a live reading needs
 * no more, and a smaller frame reads faster.
 */
import { captureSize } from './captureFrame';

export const LIVE_MAX_SIDE = 640;

export async function grabFrame(video: HTMLVideoElement | null): Promise<ImageBitmap | null> {
  if (!video || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || !video.videoWidth) {
    return null;
  }
  const { width, height } = captureSize(video.videoWidth, video.videoHeight, LIVE_MAX_SIDE);
  if (width === video.videoWidth && height === video.videoHeight) return createImageBitmap(video);
  return createImageBitmap(video, {
    resizeWidth: width,
    resizeHeight: height,
    resizeQuality: 'medium',
  });
}

/**
 * Calls back when the video presents its next frame (requestVideoFrameCallback), or after a
 * short wait where that is missing or no frame comes (a paused video).
 */
export function waitForVideoFrame(
  video: HTMLVideoElement | null,
  callback: () => void,
  fallbackMs = 100,
): () => void {
  let done = false;
  const fire = (): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    if (handle !== undefined) video?.cancelVideoFrameCallback(handle);
    callback();
  };
  const timer = setTimeout(fire, fallbackMs);
  const handle = video?.requestVideoFrameCallback
    ? video.requestVideoFrameCallback(fire)
    : undefined;
  return () => {
    done = true;
    clearTimeout(timer);
    if (handle !== undefined) video?.cancelVideoFrameCallback(handle);
  };
}
