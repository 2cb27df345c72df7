import { useEffect, useState, useSyncExternalStore, type RefObject } from 'react';
import { engineIsReady, readLiveFrame } from '../../store/liveReading';
import { grabFrame, waitForVideoFrame } from './liveFrame';
import { LiveReader } from './liveReader';

const createReader = (): LiveReader =>
  new LiveReader({ read: readLiveFrame, ready: engineIsReady, now: () => performance.now() });

/**
 * Reads the preview while `active` (the camera live and showing frames). Stops when the camera
 * stops: leaving camera mode, or the tab hidden (useCamera releases the stream then).
 */
export function useLiveReading(videoRef: RefObject<HTMLVideoElement | null>, active: boolean) {
  const [reader] = useState(createReader);
  useEffect(() => {
    const video = videoRef.current;
    if (!active || !video) return;
    reader.start({
      grab: () => grabFrame(video),
      waitFrame: (callback) => waitForVideoFrame(video, callback),
    });
    return () => reader.stop();
  }, [active, reader, videoRef]);
  return useSyncExternalStore(reader.subscribe, reader.getSnapshot);
}
