import { useRef } from 'react';
import { addCapture } from '../../store/recognition';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { CameraIcon, RetryIcon, SwitchCameraIcon } from '../../ui/icons';
import { captureFrame } from './captureFrame';
import { CaptureStrip } from './CaptureStrip';
import { useCamera } from './useCamera';

/** A brief white flash says "got it" without a sound; skipped for reduced motion. */
function flashShutter(el: HTMLElement | null): void {
  if (!el || matchMedia('(prefers-reduced-motion: reduce)').matches) return;
  el.animate([{ opacity: 0.75 }, { opacity: 0 }], { duration: 300, easing: 'ease-out' });
}

export function CameraPanel() {
  const videoRef = useRef<HTMLVideoElement>(null);
  const { status, problem, cameraCount, controller } = useCamera(videoRef);
  const flashRef = useRef<HTMLDivElement>(null);
  const live = status === 'live';

  const capture = (): void => {
    const video = videoRef.current;
    const image = video && captureFrame(video);
    if (!image) return;
    flashShutter(flashRef.current);
    void addCapture(image);
  };

  return (
    <div className="flex flex-col gap-3">
      <div className="relative aspect-[4/3] w-full overflow-hidden rounded-xl bg-slate-900 ring-1 ring-slate-300 sm:aspect-video dark:bg-black dark:ring-slate-700">
        <video
          ref={videoRef}
          data-testid="camera-video"
          aria-label="Camera preview"
          playsInline
          muted
          autoPlay
          className={`size-full object-contain transition-opacity ${live ? 'opacity-100' : 'opacity-0'}`}
        />
        {!live && <PreviewStatus status={status} />}
        <div
          ref={flashRef}
          aria-hidden="true"
          className="pointer-events-none absolute inset-0 bg-white opacity-0"
        />
      </div>

      {problem && (
        <ErrorMessage
          action={
            <Button onClick={() => controller.retry()} className="shrink-0">
              <RetryIcon />
              Try again
            </Button>
          }
        >
          {problem.message}
        </ErrorMessage>
      )}

      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Fill the frame with the digits; even light, no shadows.
        </p>
        <div className="flex items-center gap-2">
          {cameraCount > 1 && (
            <Button
              onClick={() => controller.switchCamera()}
              disabled={!live}
              aria-label="Switch camera"
              title="Switch camera"
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
            className="px-5"
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
      className="absolute inset-0 flex flex-col items-center justify-center gap-3 text-sm text-slate-300"
    >
      {status === 'starting' ? (
        <span
          aria-hidden="true"
          className="size-8 animate-spin rounded-full border-2 border-slate-500 border-t-white"
        />
      ) : (
        <span aria-hidden="true" className="text-slate-500 [&>svg]:size-8">
          <CameraIcon />
        </span>
      )}
      {text}
    </div>
  );
}
