import { describe, expect, it, vi } from 'vitest';
import { CameraController, constraintsFor, type MediaDevicesLike } from './cameraController';

class FakeTrack {
  stopped = false;
  private onEnded: (() => void) | null = null;
  constructor(readonly deviceId: string) {}
  stop(): void {
    this.stopped = true;
  }
  getSettings(): { deviceId: string } {
    return { deviceId: this.deviceId };
  }
  addEventListener(type: string, fn: () => void): void {
    if (type === 'ended') this.onEnded = fn;
  }
  /** What the browser does when the device disappears. */
  unplug(): void {
    this.stopped = true;
    this.onEnded?.();
  }
}

function fakeStream(deviceId: string): MediaStream & { track: FakeTrack } {
  const track = new FakeTrack(deviceId);
  return {
    track,
    getTracks: () => [track],
    getVideoTracks: () => [track],
  } as unknown as MediaStream & {
    track: FakeTrack;
  };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup(cameras = ['back', 'front']) {
  const streams: ReturnType<typeof fakeStream>[] = [];
  const requests: MediaStreamConstraints[] = [];
  const media: MediaDevicesLike = {
    getUserMedia: vi.fn(async (c: MediaStreamConstraints) => {
      requests.push(c);
      const video = c.video as MediaTrackConstraints;
      const exact = (video.deviceId as { exact?: string } | undefined)?.exact;
      const s = fakeStream(exact ?? cameras[0]!);
      streams.push(s);
      return s;
    }),
    enumerateDevices: vi.fn(async () =>
      cameras.map((deviceId) => ({ kind: 'videoinput', deviceId }) as MediaDeviceInfo),
    ),
  };
  const shown: (MediaStream | null)[] = [];
  const controller = new CameraController(() => media);
  controller.attach((s) => shown.push(s));
  return { controller, media, streams, requests, shown };
}

describe('CameraController', () => {
  it('asks for the back camera first and goes live, showing the stream', async () => {
    const { controller, requests, shown, streams } = setup();
    await controller.start();
    expect(requests[0]).toEqual(constraintsFor(null));
    expect((requests[0]!.video as MediaTrackConstraints).facingMode).toEqual({
      ideal: 'environment',
    });
    expect(controller.getSnapshot()).toMatchObject({
      status: 'live',
      problem: null,
      cameraCount: 2,
    });
    expect(shown).toEqual([streams[0]]);
  });

  it('stop() stops every track and clears the preview', async () => {
    const { controller, streams, shown } = setup();
    await controller.start();
    controller.stop();
    expect(streams[0]!.track.stopped).toBe(true);
    expect(shown.at(-1)).toBeNull();
    expect(controller.getSnapshot().status).toBe('idle');
  });

  it('a stream that arrives after stop() is stopped at once (unmount while the prompt is open)', async () => {
    const { controller, media } = setup();
    const pending = deferred<MediaStream>();
    vi.mocked(media.getUserMedia).mockReturnValueOnce(pending.promise);
    const started = controller.start();
    controller.stop();
    const late = fakeStream('back');
    pending.resolve(late);
    await started;
    expect(late.track.stopped).toBe(true);
    expect(controller.getSnapshot().status).toBe('idle');
  });

  it('maps a refusal to the denied problem', async () => {
    const { controller, media } = setup();
    vi.mocked(media.getUserMedia).mockRejectedValueOnce(
      Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' }),
    );
    await controller.start();
    expect(controller.getSnapshot()).toMatchObject({
      status: 'error',
      problem: { kind: 'denied' },
    });
  });

  it('reports an insecure context when mediaDevices is missing', async () => {
    const controller = new CameraController(() => undefined);
    await controller.start();
    expect(controller.getSnapshot().problem?.kind).toBe('insecure');
  });

  it('reports an unplugged camera and releases the stream', async () => {
    const { controller, streams, shown } = setup();
    await controller.start();
    streams[0]!.track.unplug();
    expect(controller.getSnapshot()).toMatchObject({ status: 'error', problem: { kind: 'ended' } });
    expect(shown.at(-1)).toBeNull();
  });

  it('pauses while hidden and restarts the same camera when visible again', async () => {
    const { controller, streams, requests } = setup();
    await controller.start();
    controller.switchCamera();
    await flush();
    controller.pause();
    expect(streams.every((s) => s.track.stopped)).toBe(true);
    expect(controller.getSnapshot().status).toBe('paused');
    controller.resume();
    await flush();
    expect(controller.getSnapshot().status).toBe('live');
    expect(requests.at(-1)).toEqual(constraintsFor('front'));
  });

  it('does not restart after an error just because the page became visible', async () => {
    const { controller, media } = setup();
    vi.mocked(media.getUserMedia).mockRejectedValueOnce(
      Object.assign(new Error('busy'), { name: 'NotReadableError' }),
    );
    await controller.start();
    controller.pause();
    controller.resume();
    await flush();
    expect(controller.getSnapshot().problem?.kind).toBe('busy');
    expect(media.getUserMedia).toHaveBeenCalledTimes(1);
  });

  it('switches through the cameras in turn, stopping the previous one', async () => {
    const { controller, streams, requests } = setup(['back', 'front', 'usb']);
    await controller.start();
    controller.switchCamera();
    await flush();
    controller.switchCamera();
    await flush();
    controller.switchCamera();
    await flush();
    expect(
      requests.slice(1).map((r) => (r.video as { deviceId: { exact: string } }).deviceId.exact),
    ).toEqual(['front', 'usb', 'back']);
    expect(streams.slice(0, -1).every((s) => s.track.stopped)).toBe(true);
    expect(streams.at(-1)!.track.stopped).toBe(false);
  });

  it('has nothing to switch with a single camera', async () => {
    const { controller, media } = setup(['only']);
    await controller.start();
    controller.switchCamera();
    expect(media.getUserMedia).toHaveBeenCalledTimes(1);
    expect(controller.getSnapshot().cameraCount).toBe(1);
  });

  it('retry starts over with the default camera', async () => {
    const { controller, requests } = setup();
    await controller.start();
    controller.switchCamera();
    await flush();
    controller.retry();
    await flush();
    expect(requests.at(-1)).toEqual(constraintsFor(null));
  });
});
