import { describe, expect, it } from 'vitest';
import { EngineError } from '../../engine/errors';
import type { RecognizeResult } from '../../engine/types';
import { LiveReader, STABLE_MS, type FrameSource } from './liveReader';

function result(text: string): RecognizeResult {
  return {
    text,
    lines: text
      ? [
          {
            digits: [...text].map((ch, i) => ({
              label: Number(ch),
              confidence: 0.99,
              top: [],
              box: { x: i * 10, y: 0, width: 8, height: 12 },
              crop28: new Float32Array(0),
              doubtful: false,
            })),
          },
        ]
      : [],
    timings: {},
    width: 640,
    height: 480,
    backend: 'cpu',
  } as unknown as RecognizeResult;
}

function frame(): ImageBitmap & { closed: boolean } {
  const f = { closed: false, close: () => (f.closed = true) };
  return f as unknown as ImageBitmap & { closed: boolean };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

/** A camera whose frames are ticked by hand, an engine whose answers are released by hand. */
function setup(ready = () => true) {
  let clock = 0;
  const waiting: (() => void)[] = [];
  const pending: { resolve: (r: RecognizeResult) => void; frame: ImageBitmap }[] = [];
  let grabs = 0;
  const source: FrameSource = {
    grab: async () => (grabs++, frame()),
    waitFrame: (cb) => {
      waiting.push(cb);
      return () => waiting.splice(waiting.indexOf(cb) >>> 0, 1);
    },
  };
  const reader = new LiveReader({
    read: (f) => new Promise((resolve) => pending.push({ resolve, frame: f })),
    ready,
    now: () => clock,
  });
  const tick = async () => {
    for (const cb of waiting.splice(0)) cb();
    await flush();
  };
  const answer = async (text: string, advanceMs = 100) => {
    clock += advanceMs;
    pending.shift()!.resolve(result(text));
    await flush();
  };
  return { reader, source, tick, answer, pending, grabs: () => grabs, waiting };
}

describe('LiveReader', () => {
  it('keeps at most one frame in flight: frames that come meanwhile are dropped', async () => {
    const t = setup();
    t.reader.start(t.source);
    await t.tick();
    expect(t.pending).toHaveLength(1);
    // The camera keeps presenting frames; nothing waits for them while one is being read.
    await t.tick();
    await t.tick();
    expect(t.grabs()).toBe(1);
    await t.answer('7');
    await t.tick();
    expect(t.grabs()).toBe(2);
    expect(t.reader.getSnapshot()).toMatchObject({ frames: 1, text: '7', running: true });
    expect(t.reader.getSnapshot().digits[0]!.box).toEqual({ x: 0, y: 0, width: 8, height: 12 });
  });

  it('calls a reading stable once the same digits held for a second', async () => {
    const t = setup();
    t.reader.start(t.source);
    // Frames every 200 ms: the first '42' at t=200; stable from the frame a second later.
    for (let at = 200; at <= 200 + STABLE_MS; at += 200) {
      await t.tick();
      await t.answer('42', 200);
      expect(t.reader.getSnapshot().stable).toBe(at - 200 >= STABLE_MS);
    }
    expect(t.reader.getSnapshot()).toMatchObject({ text: '42', stable: true });
    expect(t.reader.getSnapshot().fps).toBeCloseTo(5, 5);
    // A different reading starts the second over; nothing in view is never stable.
    await t.tick();
    await t.answer('43', 200);
    expect(t.reader.getSnapshot().stable).toBe(false);
    for (let i = 0; i < 8; i++) {
      await t.tick();
      await t.answer('', 200);
    }
    expect(t.reader.getSnapshot()).toMatchObject({ text: '', stable: false });
  });

  it('reads nothing until the engine is ready', async () => {
    let ready = false;
    const t = setup(() => ready);
    t.reader.start(t.source);
    await t.tick();
    await t.tick();
    expect(t.grabs()).toBe(0);
    ready = true;
    await t.tick();
    expect(t.grabs()).toBe(1);
  });

  it('stop cancels the frame in flight, clears the reading, and a restart reads again', async () => {
    const t = setup();
    t.reader.start(t.source);
    await t.tick();
    await t.answer('5');
    await t.tick();
    t.reader.stop();
    expect(t.reader.getSnapshot()).toMatchObject({ running: false, frames: 0, text: '' });
    await t.answer('9'); // the late answer is ignored
    expect(t.reader.getSnapshot().text).toBe('');
    expect(t.waiting).toHaveLength(0); // nothing scheduled while stopped
    t.reader.start(t.source);
    await t.tick();
    await t.answer('1');
    expect(t.reader.getSnapshot()).toMatchObject({ running: true, frames: 1, text: '1' });
  });

  it('a frame that fails shows a message and the next frame is read', async () => {
    const t = setup();
    const reader = new LiveReader({
      read: async () => {
        throw new EngineError('decode-failed', 'x', {
          userMessage: 'That frame could not be read.',
        });
      },
      ready: () => true,
      now: () => 0,
    });
    reader.start(t.source);
    await t.tick();
    expect(reader.getSnapshot().error).toBe('That frame could not be read.');
    await t.tick();
    expect(t.grabs()).toBe(2);
    reader.stop();
  });
});
