import { MessageChannel } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EngineError } from '../engine/errors';
import type { RecognizeResult, RgbaImage } from '../engine/types';
import type { EnginePort } from '../worker/engineClient';
import { serveEngine, type HostedRecognizer } from '../worker/engineHost';
import type { MessagePortLike, Request, Response } from '../worker/protocol';
import { useAppStore } from './appStore';
import { restartEngine, setWorkerFactory, startEngine } from './engine';
import { DRAWING_ID } from './inputSlice';
import {
  addCapture,
  addFiles,
  clearCaptures,
  rerunActive,
  selectItem,
  setDrawing,
} from './recognition';

/** An image whose "digits" are its width, so each request's answer is recognisable. */
const image = (width: number): RgbaImage => ({
  width,
  height: 1,
  data: new Uint8ClampedArray(width * 4),
});

interface FakeEngine {
  recognizer: HostedRecognizer;
  delays: number[];
  calls: { width: number; stages: boolean; blurSize?: number }[];
  failLoad: boolean;
}

let fake: FakeEngine;
const ports: { close(): void }[] = [];

function result(text: string, stages: boolean): RecognizeResult {
  const px = { width: 1, height: 1, data: new Uint8ClampedArray(4) };
  return {
    text,
    lines: [],
    timings: { total: 1 },
    width: 1,
    height: 1,
    ...(stages
      ? { stages: { gray: px, blur: px, thresh: px, edges: px, dilate: px, boxes: px } }
      : {}),
  };
}

const settle = (ms = 30) => new Promise((r) => setTimeout(r, ms));

beforeEach(() => {
  vi.stubGlobal('location', new URL('http://127.0.0.1/'));
  useAppStore.setState(useAppStore.getInitialState(), true);
  fake = {
    delays: [],
    calls: [],
    failLoad: false,
    recognizer: {
      backend: 'cpu',
      recognize: async (img, opts) => {
        fake.calls.push({
          width: img.width,
          stages: Boolean(opts?.stages),
          blurSize: opts?.params?.blurSize,
        });
        await settle(fake.delays.shift() ?? 0);
        return result(String(img.width), Boolean(opts?.stages));
      },
      dispose: () => undefined,
    },
  };
  setWorkerFactory(() => {
    const channel = new MessageChannel();
    channel.port1.start();
    channel.port2.start();
    serveEngine(channel.port2 as unknown as MessagePortLike<Request, Response>, {
      createRecognizer: async () => {
        if (fake.failLoad) throw new Error('model 404');
        return fake.recognizer;
      },
      decodeFile: async (file, name) => {
        if (name.endsWith('.txt')) {
          throw new EngineError('unsupported-file', 'nope', { userMessage: 'Not an image.' });
        }
        return image(file.size);
      },
    });
    ports.push(channel.port1);
    return Object.assign(channel.port1, {
      terminate: () => channel.port1.close(),
    }) as unknown as EnginePort;
  });
});

afterEach(async () => {
  await settle();
  for (const p of ports.splice(0)) p.close();
  vi.unstubAllGlobals();
});

describe('engine lifecycle', () => {
  it('reports ready with the backend, and a load failure with a message; retry recovers', async () => {
    fake.failLoad = true;
    await restartEngine().catch(() => undefined);
    expect(useAppStore.getState().engine.state).toBe('error');
    expect(useAppStore.getState().engine.error).toMatch(/Retry/);
    fake.failLoad = false;
    await restartEngine();
    expect(useAppStore.getState().engine).toMatchObject({ state: 'ready', backend: 'cpu' });
    expect(await startEngine()).toBe(await startEngine()); // StrictMode-safe: one engine
  });
});

describe('recovery', () => {
  it('reads the drawing again once a failed engine comes back', async () => {
    fake.failLoad = true;
    await restartEngine().catch(() => undefined);
    await setDrawing(image(8));
    expect(useAppStore.getState().items[DRAWING_ID]?.status).toBe('error');
    fake.failLoad = false;
    await restartEngine();
    await vi.waitFor(() =>
      expect(useAppStore.getState().items[DRAWING_ID]).toMatchObject({
        status: 'done',
        result: { text: '8' },
      }),
    );
  });
});

describe('recognition actions', () => {
  beforeEach(async () => {
    await restartEngine();
  });

  it('reads the drawing with stage images', async () => {
    await setDrawing(image(3));
    const item = useAppStore.getState().items[DRAWING_ID]!;
    expect(item.status).toBe('done');
    expect(item.result?.text).toBe('3');
    expect(item.result?.stages).toBeDefined();
  });

  it('cancels a stale drawing request: only the newest answer lands', async () => {
    fake.delays = [80, 0];
    const first = setDrawing(image(5));
    await settle(10);
    await setDrawing(image(6));
    await first;
    await settle(100);
    expect(useAppStore.getState().items[DRAWING_ID]?.result?.text).toBe('6');
  });

  it('an emptied canvas goes idle and the answer in flight is dropped', async () => {
    fake.delays = [60];
    const pending = setDrawing(image(9));
    await settle(10);
    await setDrawing(null);
    await pending;
    await settle(80);
    const item = useAppStore.getState().items[DRAWING_ID]!;
    expect(item.status).toBe('idle');
    expect(item.result).toBeNull();
  });

  it('reads uploads in order, a broken one gets its message, only the active one carries stages', async () => {
    await addFiles([
      new File([new Uint8Array(2)], 'a.png'),
      new File(['x'], 'notes.txt'),
      new File([new Uint8Array(4)], 'b.png'),
    ]);
    const s = useAppStore.getState();
    const [a, bad, b] = s.uploadOrder.map((id) => s.items[id]!);
    expect(s.activeIds.upload).toBe(a!.id);
    expect(a).toMatchObject({ status: 'done', result: { text: '2' } });
    expect(a!.result?.stages).toBeDefined();
    expect(bad).toMatchObject({ status: 'error', error: 'Not an image.' });
    expect(b).toMatchObject({ status: 'done', result: { text: '4' } });
    expect(b!.result?.stages).toBeUndefined();

    // Selecting b reads it again for its stages and drops a's (they are large).
    selectItem('upload', b!.id);
    await vi.waitFor(() =>
      expect(useAppStore.getState().items[b!.id]?.result?.stages).toBeDefined(),
    );
    const after = useAppStore.getState();
    expect(after.items[a!.id]?.result?.stages).toBeUndefined();
  });

  it('camera captures are read, and can all be forgotten', async () => {
    await addCapture(image(3));
    await addCapture(image(5));
    const s = useAppStore.getState();
    expect(s.captureOrder).toHaveLength(2);
    expect(s.items[s.activeIds.camera!]?.result?.text).toBe('5');
    clearCaptures();
    const after = useAppStore.getState();
    expect(after.captureOrder).toEqual([]);
    expect(after.activeIds.camera).toBeNull();
    expect(Object.keys(after.items).filter((id) => id.startsWith('capture-'))).toEqual([]);
  });

  it('a parameter change re-reads the item on screen with the new parameters', async () => {
    await setDrawing(image(7));
    useAppStore.getState().setParams({ blurSize: 9 });
    rerunActive();
    await vi.waitFor(() =>
      expect(fake.calls.at(-1)).toMatchObject({ width: 7, blurSize: 9, stages: true }),
    );
  });
});
