import { useEffect, useState, useSyncExternalStore, type RefObject } from 'react';
import { CameraController } from './cameraController';

/**
 * Runs the camera while the component is mounted and the page is visible: all tracks stop
 * on unmount (leaving camera mode) and while the tab is hidden, and restart when it is back.
 */
export function useCamera(videoRef: RefObject<HTMLVideoElement | null>) {
  const [controller] = useState(() => new CameraController());
  const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot);

  useEffect(() => {
    controller.attach((stream) => {
      const video = videoRef.current;
      if (!video) return;
      video.srcObject = stream;
      // play() rejects when a newer stream replaces this one mid-start; nothing to report.
      if (stream) video.play().catch(() => undefined);
    });
    if (document.visibilityState === 'visible') void controller.start();
    else controller.stop('paused');
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') controller.pause();
      else controller.resume();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      controller.stop();
    };
  }, [controller, videoRef]);

  return { ...snapshot, controller };
}
