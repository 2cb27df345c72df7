import { afterEach, describe, expect, it } from 'vitest';
import { MessageChannel } from 'node:worker_threads';
import type { RecognizeResult, RgbaImage } from '../engine/types';
import { EngineError, isCancelled } from '../engine/errors';
import { createEngineClient, type EnginePort } from './engineClient';
import { serveEngine, type HostedRecognizer, type RecognizerFactory } from './engineHost';
import {
  readReply,
  type MessagePortLike,
  type Reply,
  type Request,
  type Response,
} from './protocol';

const image: RgbaImage = { width: 2, height: 1, data: new Uint8ClampedArray(8).fill(255) };

function fakeResult(text: string): RecognizeResult {
  return {
    text,
    lines: [],
    timings: { total: 1 },
    width: 2,
    height: 1,
    stages: undefined,
  };
}

function connect(factory: RecognizerFactory) {
  const channel = new MessageChannel();
  channel.port1.start();
  channel.port2.start();
  const stop = serveEngine(channel.port2 as unknown as MessagePortLike<Request, Response>, {
    createRecognizer: factory,
    decodeFile: async (file, name) => {
      if (name.endsWith('.txt')) {
        throw new EngineError('unsupported-file', 'not an image', {
          userMessage: `"${name}" is not an image.`,
        });
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      return { width: bytes.length, height: 1, data: new Uint8ClampedArray(bytes.length * 4) };
    },
    stats: async () => ({ numTensors: 7, tfBytes: 28, openCvHeapBytes: 1 << 20 }),
  });
  const client = createEngineClient(channel.port1 as unknown as EnginePort);
  const close = (): void => {
    stop();
    client.dispose();
    channel.port1.close();
  };
  return { client, close };
}

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const okRecognizer = (overrides: Partial<HostedRecognizer> = {}): HostedRecognizer => ({
  backend: 'cpu',
  recognize: async (img) => fakeResult(`w${img.width}`),
  dispose: () => undefined,
  ...overrides,
});

describe('engine worker protocol', () => {
  it('reports progress, then ready with the backend, then answers a request', async () => {
    const { client, close } = connect(async ({ onProgress }) => {
      onProgress({ step: 'opencv', done: true });
      onProgress({ step: 'model', done: true, detail: 'model.json' });
      return okRecognizer();
    });
    cleanup = close;
    const steps: string[] = [];
    const ready = await client.init({ backends: ['cpu'], modelUrl: '/m.json' }, (p) =>
      steps.push(`${p.step}:${p.done}`),
    );
    expect(ready.backend).toBe('cpu');
    expect(steps).toEqual(['opencv:true', 'model:true']);
    const result = await client.recognize(image);
    expect(result.text).toBe('w2');
  });

  it('turns an engine failure into a typed error with a user message', async () => {
    const { client, close } = connect(async () =>
      okRecognizer({
        recognize: async () => {
          throw new EngineError('invalid-image', 'bad', { userMessage: 'Not an image.' });
        },
      }),
    );
    cleanup = close;
    await client.init({ backends: ['cpu'], modelUrl: '/m.json' });
    const err = await client.recognize(image).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect(err).toMatchObject({ code: 'invalid-image', userMessage: 'Not an image.' });
  });

  it('reports a load failure and lets the caller retry', async () => {
    let attempts = 0;
    const { client, close } = connect(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('404 model.json');
      return okRecognizer();
    });
    cleanup = close;
    const first = await client.init({ backends: ['cpu'], modelUrl: '/m.json' }).catch((e) => e);
    expect(first).toMatchObject({ code: 'internal', message: '404 model.json' });
    expect((first as EngineError).userMessage).toMatch(/Retry/);
    await expect(client.init({ backends: ['cpu'], modelUrl: '/m.json' })).resolves.toMatchObject({
      backend: 'cpu',
    });
    expect(attempts).toBe(2);
  });

  it('answers a repeated init from the same engine (StrictMode double effects)', async () => {
    let created = 0;
    const { client, close } = connect(async () => {
      created += 1;
      return okRecognizer();
    });
    cleanup = close;
    const [a, b] = await Promise.all([
      client.init({ backends: ['cpu'], modelUrl: '/m.json' }),
      client.init({ backends: ['cpu'], modelUrl: '/m.json' }),
    ]);
    expect(a.backend).toBe('cpu');
    expect(b.backend).toBe('cpu');
    expect(created).toBe(1);
  });

  it('cancels a request: the caller gets a cancellation and the engine sees the abort', async () => {
    let sawAbort = false;
    let release: () => void = () => undefined;
    const { client, close } = connect(async () =>
      okRecognizer({
        recognize: (_img, opts) =>
          new Promise((resolve) => {
            opts?.signal?.addEventListener('abort', () => {
              sawAbort = true;
            });
            release = () => resolve(fakeResult('late'));
          }),
      }),
    );
    cleanup = close;
    await client.init({ backends: ['cpu'], modelUrl: '/m.json' });
    const controller = new AbortController();
    const pending = client.recognize(image, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    const err = await pending.catch((e: unknown) => e);
    expect(isCancelled(err)).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(sawAbort).toBe(true);
    release();
  });

  it('queues requests sent before the engine is ready and answers them once it is', async () => {
    let finishLoad: (r: HostedRecognizer) => void = () => undefined;
    const { client, close } = connect(
      () => new Promise<HostedRecognizer>((resolve) => (finishLoad = resolve)),
    );
    cleanup = close;
    const ready = client.init({ backends: ['cpu'], modelUrl: '/m.json' });
    await new Promise((r) => setTimeout(r, 10));
    const early = client.recognize(image);
    finishLoad(okRecognizer());
    await ready;
    await expect(early).resolves.toMatchObject({ text: 'w2' });
  });

  it('decodes a file inside the worker and reports an undecodable one per file', async () => {
    const { client, close } = connect(async () => okRecognizer());
    cleanup = close;
    await client.init({ backends: ['cpu'], modelUrl: '/m.json' });
    const good = new File([new Uint8Array(5)], 'five.png', { type: 'image/png' });
    await expect(client.recognize(good)).resolves.toMatchObject({ text: 'w5' });
    const bad = new File(['hello'], 'notes.txt', { type: 'text/plain' });
    await expect(client.recognize(bad)).rejects.toMatchObject({
      code: 'unsupported-file',
      userMessage: '"notes.txt" is not an image.',
    });
  });

  it('answers a stats request after queued work', async () => {
    const { client, close } = connect(async () => okRecognizer());
    cleanup = close;
    await client.init({ backends: ['cpu'], modelUrl: '/m.json' });
    await expect(client.stats()).resolves.toEqual({
      numTensors: 7,
      tfBytes: 28,
      openCvHeapBytes: 1 << 20,
    });
  });

  it('rejects pending requests with worker-crashed when the worker dies, and calls onCrash', async () => {
    const listeners: ((e: Event) => void)[] = [];
    let crashes = 0;
    const posted: Request[] = [];
    const fakeWorker = {
      postMessage: (m: Request) => posted.push(m),
      addEventListener: (type: string, l: (e: Event) => void) => {
        if (type === 'error') listeners.push(l);
      },
      removeEventListener: () => undefined,
      terminate: () => undefined,
    } as unknown as EnginePort;
    const client = createEngineClient(fakeWorker, { onCrash: () => (crashes += 1) });
    const pending = client.recognize(image);
    for (const l of listeners) l(Object.assign(new Event('error'), { message: 'boom' }));
    await expect(pending).rejects.toMatchObject({ code: 'worker-crashed' });
    await expect(client.recognize(image)).rejects.toMatchObject({ code: 'worker-crashed' });
    expect(crashes).toBe(1);
    expect(posted).toHaveLength(1);
  });

  it('refuses a request when the engine was never started', async () => {
    const { client, close } = connect(async () => okRecognizer());
    cleanup = close;
    const err = await client.recognize(image).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'not-ready' });
  });

  it('hands the personal samples to the engine behind queued readings and answers the count', async () => {
    const seen: { label: number; length: number }[][] = [];
    const order: string[] = [];
    const { client, close } = connect(async () =>
      okRecognizer({
        recognize: async (img) => {
          order.push('recognize');
          return fakeResult(`w${img.width}`);
        },
        setPersonalSamples: async (samples) => {
          order.push('personal');
          seen.push(samples.map((s) => ({ label: s.label, length: s.crop28.length })));
          return samples.length;
        },
      }),
    );
    cleanup = close;
    await client.init({ backends: ['cpu'], modelUrl: '/m.json' });
    const reading = client.recognize(image);
    const crop = new Float32Array(784).fill(0.5);
    await expect(client.setPersonalSamples([{ label: 7, crop28: crop }])).resolves.toBe(1);
    await reading;
    expect(order).toEqual(['recognize', 'personal']);
    expect(seen).toEqual([[{ label: 7, length: 784 }]]);
    // The caller's crop is copied, not transferred away.
    expect(crop[0]).toBe(0.5);
    await expect(client.setPersonalSamples([])).resolves.toBe(0);
  });
});

describe('the reply map', () => {
  it('reads the value of the reply type a request expects, nothing else', () => {
    const reply: Reply = {
      type: 'stats',
      id: 1,
      stats: { numTensors: 1, tfBytes: 4, openCvHeapBytes: 0 },
    };
    expect(readReply.stats(reply)).toEqual({ numTensors: 1, tfBytes: 4, openCvHeapBytes: 0 });
    expect(readReply.init(reply)).toBeUndefined();
    expect(readReply.personal({ type: 'personal', id: 2, count: 3 })).toBe(3);
  });
});
