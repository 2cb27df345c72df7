import { useRef, useState } from 'react';
import { useAppStore } from '../../store/appStore';
import { addCapture } from '../../store/recognition';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { CameraIcon, RetryIcon, SwitchCameraIcon } from '../../ui/icons';
import { CameraControls } from './CameraControls';
import { captureFrame } from './captureFrame';
import { CaptureStrip } from './CaptureStrip';
import { LiveOverlay } from './LiveOverlay';
import { LiveResult } from './LiveResult';
import { useCamera } from './useCamera';
import { useLiveReading } from './useLiveReading';

/** A brief white flash says "got it" without a sound; skipped for reduced motion. */
function flashShutter(el: HTMLElement | null): void {
  if (!el || matchMedia('(prefers-reduced-motion: reduce)').matches) return;
  el.animate([{ opacity: 0.75 }, { opacity: 0 }], { duration: 300, easing: 'ease-out' });
}

export function CameraPanel() {
  const videoRef = useRef<HTMLVideoElement>(null);
  const camera = useCamera(videoRef);
  const { status, problem, cameraCount, controller } = camera;
  const setMode = useAppStore((s) => s.setMode);
  const flashRef = useRef<HTMLDivElement>(null);
  // The preview takes the camera's own shape (landscape webcam, portrait phone) once known.
  const [aspect, setAspect] = useState<number | null>(null);
  const onVideoSize = (): void => {
    const video = videoRef.current;
    if (video?.videoWidth && video.videoHeight) setAspect(video.videoWidth / video.videoHeight);
  };
  // A stream can be live a moment before its first frame reaches the video: capture (and the
  // preview) wait for that frame, so an early press never grabs an empty picture.
  const [hasFrame, setHasFrame] = useState(false);
  const live = status === 'live' && hasFrame;
  // Live: the camera's own shape. A problem: a short box, so the message is the focus.
  const shape = live && aspect ? '' : status === 'error' ? 'h-40' : 'aspect-[4/3] sm:aspect-video';
  // The preview is read continuously while it shows frames (stopped with the stream).
  const reading = useLiveReading(videoRef, live);

  const capture = (): void => {
    const video = videoRef.current;
    const image = video && captureFrame(video);
    if (!image) return;
    flashShutter(flashRef.current);
    void addCapture(image);
  };

  return (
    <div className="flex flex-col gap-3">
      <div
        className={`relative mx-auto w-full overflow-hidden rounded-xl ring-1 ring-slate-300 dark:ring-slate-700 ${
          live ? 'bg-black' : 'bg-slate-100 dark:bg-slate-950'
        } ${shape}`}
        // At most 60% of the viewport's height, narrowing rather than letterboxing.
        style={
          live && aspect ? { aspectRatio: aspect, maxWidth: `calc(60vh * ${aspect})` } : undefined
        }
      >
        <video
          ref={videoRef}
          data-testid="camera-video"
          aria-label="Camera preview"
          playsInline
          muted
          autoPlay
          onLoadedMetadata={onVideoSize}
          onResize={onVideoSize}
          onLoadedData={() => setHasFrame(true)}
          onEmptied={() => setHasFrame(false)}
          className={`size-full object-contain transition-opacity ${live ? 'opacity-100' : 'opacity-0'}`}
        />
        {live && <LiveOverlay live={reading} />}
        {!live && <PreviewStatus status={status === 'live' ? 'starting' : status} />}
        <div
          ref={flashRef}
          aria-hidden="true"
          className="pointer-events-none absolute inset-0 bg-white opacity-0"
        />
      </div>

      {problem && (
        <ErrorMessage
          action={
            // Own line on phones so the message keeps its width; beside it from sm up.
            <div className="flex basis-full flex-wrap gap-2 pl-6 sm:basis-auto sm:flex-col sm:pl-0">
              <Button onClick={() => controller.retry()}>
                <RetryIcon />
                Try again
              </Button>
              {problem.kind !== 'ended' && problem.kind !== 'busy' && (
                <Button variant="ghost" onClick={() => setMode('upload')}>
                  Use Upload
                </Button>
              )}
            </div>
          }
        >
          {problem.message}
        </ErrorMessage>
      )}

      {live && <LiveResult live={reading} onKeep={capture} />}
      {live && <CameraControls camera={camera} controller={controller} />}

      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Fill the frame with the digits; even light, no shadows.
        </p>
        <div className="flex w-full items-center gap-2 sm:ml-auto sm:w-auto">
          {cameraCount > 1 && (
            <Button
              onClick={() => controller.switchCamera()}
              disabled={!live}
              aria-label="Switch camera"
              title="Switch camera"
              className="min-h-12 min-w-12 sm:min-h-10"
            >
              <SwitchCameraIcon />
              <span className="hidden sm:inline">Switch</span>
            </Button>
          )}
          <Button
            variant="primary"
            data-testid="camera-capture"
            onClick={capture}
            disabled={!live}
            className="min-h-12 flex-1 px-6 text-base sm:min-h-10 sm:flex-none sm:text-sm"
          >
            <CameraIcon />
            Capture
          </Button>
        </div>
      </div>

      <CaptureStrip />
    </div>
  );
}

function PreviewStatus({ status }: { status: string }) {
  const text =
    status === 'starting'
      ? 'Starting the camera…'
      : status === 'paused'
        ? 'Camera paused while this page is hidden.'
        : status === 'error'
          ? 'Camera unavailable'
          : 'Camera off';
  return (
    <div
      role="status"
      className="absolute inset-0 flex flex-col items-center justify-center gap-3 text-sm text-slate-500 dark:text-slate-400"
    >
      {status === 'starting' ? (
        <span
          aria-hidden="true"
          className="size-8 animate-spin rounded-full border-2 border-slate-300 border-t-indigo-500 dark:border-slate-700 dark:border-t-indigo-400"
        />
      ) : (
        <span aria-hidden="true" className="text-slate-400 dark:text-slate-500 [&>svg]:size-8">
          <CameraIcon />
        </span>
      )}
      {text}
    </div>
  );
}
