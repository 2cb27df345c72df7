/**
 * Owns the camera stream outside React: start, switch, pause and stop, with every track
 * stopped on every path. Each start gets a session number, so a getUserMedia that resolves
 * after the user moved on (another start, a stop, the panel unmounting) is stopped at once
 * instead of leaving the camera light on.
 */
import { cameraProblem, cameraProblemFor, type CameraProblem } from './cameraProblems';

export type CameraStatus = 'idle' | 'starting' | 'live' | 'paused' | 'error';

export interface ZoomRange {
  min: number;
  max: number;
  step: number;
  value: number;
}

export interface CameraSnapshot {
  status: CameraStatus;
  problem: CameraProblem | null;
  /** Video inputs seen after permission was granted (labels and ids are hidden before). */
  cameraCount: number;
  /** The torch's state where the camera has one (phones' back cameras); null where absent. */
  torch: boolean | null;
  /** Zoom where the camera offers it; null where absent. */
  zoom: ZoomRange | null;
}

/** Image Capture extensions to the track's capabilities and settings (not in lib.dom yet). */
interface TrackExtras {
  torch?: boolean;
  zoom?: number | { min: number; max: number; step?: number };
}

/** Torch and zoom from a live track, or null where the device does not offer them. */
export function trackFeatures(
  track: MediaStreamTrack | undefined,
): Pick<CameraSnapshot, 'torch' | 'zoom'> {
  const caps = (track?.getCapabilities?.() ?? {}) as TrackExtras;
  const settings = (track?.getSettings?.() ?? {}) as TrackExtras;
  const zoomCaps = typeof caps.zoom === 'object' ? caps.zoom : null;
  const zoom =
    zoomCaps && zoomCaps.max > zoomCaps.min
      ? {
          min: zoomCaps.min,
          max: zoomCaps.max,
          step: zoomCaps.step || (zoomCaps.max - zoomCaps.min) / 100,
          value: typeof settings.zoom === 'number' ? settings.zoom : zoomCaps.min,
        }
      : null;
  return { torch: caps.torch === true ? settings.torch === true : null, zoom };
}

export type MediaDevicesLike = Pick<MediaDevices, 'getUserMedia' | 'enumerateDevices'>;

/** Shows a stream (or nothing) in the preview. */
export type StreamSink = (stream: MediaStream | null) => void;

/** The back camera on phones; a specific camera once the user switched. */
export function constraintsFor(deviceId: string | null): MediaStreamConstraints {
  const size = { width: { ideal: 1920 }, height: { ideal: 1080 } };
  return {
    audio: false,
    video: deviceId
      ? { ...size, deviceId: { exact: deviceId } }
      : { ...size, facingMode: { ideal: 'environment' } },
  };
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

export class CameraController {
  private snapshot: CameraSnapshot = {
    status: 'idle',
    problem: null,
    cameraCount: 0,
    torch: null,
    zoom: null,
  };
  private readonly listeners = new Set<() => void>();
  private stream: MediaStream | null = null;
  private session = 0;
  private deviceId: string | null = null;
  private cameraIds: string[] = [];

  private sink: StreamSink = () => undefined;

  constructor(
    private readonly media: () => MediaDevicesLike | undefined = () => navigator.mediaDevices,
  ) {}

  /** Where the stream is shown; set before start(). */
  attach(sink: StreamSink): void {
    this.sink = sink;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CameraSnapshot => this.snapshot;

  /** Starts the preview: the remembered camera, or the back camera the first time. */
  async start(deviceId: string | null = this.deviceId): Promise<void> {
    const session = ++this.session;
    this.release();
    const media = this.media();
    if (!media?.getUserMedia) {
      // Browsers hide navigator.mediaDevices outside https and localhost.
      this.update({ status: 'error', problem: cameraProblem('insecure') });
      return;
    }
    this.update({ status: 'starting', problem: null });
    let stream: MediaStream;
    try {
      stream = await media.getUserMedia(constraintsFor(deviceId));
    } catch (error) {
      if (session === this.session)
        this.update({ status: 'error', problem: cameraProblemFor(error) });
      return;
    }
    if (session !== this.session) {
      stopTracks(stream);
      return;
    }
    this.stream = stream;
    const track = stream.getVideoTracks()[0];
    this.deviceId = track?.getSettings().deviceId ?? deviceId;
    // 'ended' fires when the device goes away (unplugged, disabled by the system), not on stop().
    track?.addEventListener('ended', () => {
      if (this.stream !== stream) return;
      this.session++;
      this.release();
      this.update({ status: 'error', problem: cameraProblem('ended') });
    });
    this.sink(stream);
    this.update({ status: 'live', problem: null, ...trackFeatures(track) });
    await this.countCameras(media, session);
  }

  /** Stops every track. `paused` remembers to restart when the page is visible again. */
  stop(status: 'idle' | 'paused' = 'idle'): void {
    this.session++;
    this.release();
    this.update({ status, problem: null });
  }

  /** The page was hidden: free the camera, but only if it was running. */
  pause(): void {
    const { status } = this.snapshot;
    if (status === 'live' || status === 'starting') this.stop('paused');
  }

  resume(): void {
    if (this.snapshot.status === 'paused') void this.start();
  }

  /** Starts over with the default camera (it may be another one after an unplug). */
  retry(): void {
    this.deviceId = null;
    void this.start(null);
  }

  /** The next camera in the device list, wrapping around. */
  switchCamera(): void {
    if (this.cameraIds.length < 2) return;
    const index = this.deviceId ? this.cameraIds.indexOf(this.deviceId) : -1;
    const next = this.cameraIds[(index + 1) % this.cameraIds.length] ?? null;
    void this.start(next);
  }

  /** Turns the torch on or off (where offered); the state shown is the one the track took. */
  async setTorch(on: boolean): Promise<void> {
    await this.apply({ torch: on } as MediaTrackConstraintSet);
  }

  async setZoom(value: number): Promise<void> {
    await this.apply({ zoom: value } as MediaTrackConstraintSet);
  }

  private async apply(constraint: MediaTrackConstraintSet): Promise<void> {
    const track = this.stream?.getVideoTracks()[0];
    if (!track?.applyConstraints) return;
    try {
      await track.applyConstraints({ advanced: [constraint] });
    } catch {
      // The device refused (torch busy, zoom out of range): the controls show what it kept.
    }
    if (this.stream?.getVideoTracks()[0] === track) this.update(trackFeatures(track));
  }

  private async countCameras(media: MediaDevicesLike, session: number): Promise<void> {
    try {
      const devices = await media.enumerateDevices();
      if (session !== this.session) return;
      this.cameraIds = devices.filter((d) => d.kind === 'videoinput').map((d) => d.deviceId);
      this.update({ cameraCount: this.cameraIds.length });
    } catch {
      // Without a device list there is simply no switch button.
    }
  }

  private release(): void {
    if (!this.stream) return;
    stopTracks(this.stream);
    this.stream = null;
    this.sink(null);
    this.update({ torch: null, zoom: null });
  }

  private update(patch: Partial<CameraSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
