import { describe, expect, it } from 'vitest';
import { CameraController, trackFeatures, type MediaDevicesLike } from './cameraController';

/** A phone's back camera: a torch and 1x-5x zoom, taking constraints the way a browser does. */
class PhoneTrack {
  settings: { deviceId: string; torch: boolean; zoom: number } = {
    deviceId: 'back',
    torch: false,
    zoom: 1,
  };
  refuse = false;
  stop(): void {}
  addEventListener(): void {}
  getSettings() {
    return this.settings;
  }
  getCapabilities() {
    return { torch: true, zoom: { min: 1, max: 5, step: 0.1 } };
  }
  async applyConstraints(c: { advanced: Record<string, unknown>[] }): Promise<void> {
    if (this.refuse) throw new Error('OverconstrainedError');
    this.settings = { ...this.settings, ...c.advanced[0] };
  }
}

function setup(track: object) {
  const stream = { getTracks: () => [track], getVideoTracks: () => [track] };
  const media: MediaDevicesLike = {
    getUserMedia: async () => stream as unknown as MediaStream,
    enumerateDevices: async () => [],
  };
  const controller = new CameraController(() => media);
  controller.attach(() => undefined);
  return controller;
}

describe('torch and zoom', () => {
  it('are absent for a camera without them (a webcam)', () => {
    const webcam = { getSettings: () => ({}), getCapabilities: () => ({}) };
    expect(trackFeatures(webcam as unknown as MediaStreamTrack)).toEqual({
      torch: null,
      zoom: null,
    });
    // Older browsers have no getCapabilities at all.
    expect(trackFeatures({ getSettings: () => ({}) } as unknown as MediaStreamTrack)).toEqual({
      torch: null,
      zoom: null,
    });
  });

  it('are offered where the track has them, and follow what the track applied', async () => {
    const track = new PhoneTrack();
    const controller = setup(track);
    await controller.start();
    expect(controller.getSnapshot()).toMatchObject({
      torch: false,
      zoom: { min: 1, max: 5, step: 0.1, value: 1 },
    });
    await controller.setTorch(true);
    await controller.setZoom(2.5);
    expect(track.settings).toMatchObject({ torch: true, zoom: 2.5 });
    expect(controller.getSnapshot()).toMatchObject({ torch: true, zoom: { value: 2.5 } });

    track.refuse = true; // the device says no: the controls keep showing what it has
    await controller.setTorch(false);
    expect(controller.getSnapshot().torch).toBe(true);

    controller.stop();
    expect(controller.getSnapshot()).toMatchObject({ torch: null, zoom: null });
  });
});
