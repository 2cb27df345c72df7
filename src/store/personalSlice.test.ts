import { MessageChannel } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PersonalSample } from '../engine/types';
import type { EnginePort } from '../worker/engineClient';
import { serveEngine } from '../worker/engineHost';
import type { MessagePortLike, Request, Response } from '../worker/protocol';
import { useAppStore } from './appStore';
import { restartEngine, setWorkerFactory } from './engine';
import { FILE_FORMAT, samplesToJson } from './personalFile';
import { LEARN_KEY, MAX_SAMPLES, setSampleStorage } from './personalSlice';
import { memoryStorage, type SampleStorage } from './personalStorage';
import { startPersonalSync } from './personalSync';

const crop = (v: number): Float32Array => new Float32Array(784).fill(v);
const state = () => useAppStore.getState().personal;
const settle = (ms = 30) => new Promise((r) => setTimeout(r, ms));
/** Deliveries cross a message channel: wait for them, not for a fixed time (a busy machine). */
const eventually = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 20 });

let storage: SampleStorage;
/** What the fake engine was given, newest last. */
let handed: PersonalSample[][];
const ports: { close(): void }[] = [];

beforeEach(() => {
  vi.stubGlobal('location', new URL('http://127.0.0.1/'));
  localStorage.removeItem(LEARN_KEY);
  useAppStore.setState(useAppStore.getInitialState(), true);
  storage = memoryStorage();
  setSampleStorage(storage);
  handed = [];
  setWorkerFactory(() => {
    const channel = new MessageChannel();
    channel.port1.start();
    channel.port2.start();
    serveEngine(channel.port2 as unknown as MessagePortLike<Request, Response>, {
      createRecognizer: async () => ({
        backend: 'cpu',
        recognize: async () => {
          throw new Error('not used');
        },
        setPersonalSamples: async (samples) => {
          handed.push([...samples]);
          return samples.length;
        },
        dispose: () => undefined,
      }),
      decodeFile: async () => ({ width: 1, height: 1, data: new Uint8ClampedArray(4) }),
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

describe('personal samples in the store', () => {
  it('keeps nothing while learning is off, and keeps corrections once it is on', async () => {
    expect(state().enabled).toBe(false);
    expect(await useAppStore.getState().addPersonalSample(crop(0.5), 7)).toBe(false);
    expect(state().samples).toHaveLength(0);

    useAppStore.getState().setLearnEnabled(true);
    expect(localStorage.getItem(LEARN_KEY)).toBe('on');
    expect(await useAppStore.getState().addPersonalSample(crop(0.5), 7)).toBe(true);
    expect(await useAppStore.getState().addPersonalSample(crop(0.2), 1)).toBe(true);
    expect(state().samples.map((s) => s.label)).toEqual([7, 1]);
    expect((await storage.list()).map((s) => s.label)).toEqual([7, 1]);
  });

  it('refuses a label outside 0-9 or a crop of the wrong size', async () => {
    useAppStore.getState().setLearnEnabled(true);
    expect(await useAppStore.getState().addPersonalSample(crop(0.5), 10)).toBe(false);
    expect(await useAppStore.getState().addPersonalSample(new Float32Array(10), 3)).toBe(false);
    expect(state().samples).toHaveLength(0);
  });

  it('copies the crop, so a later change to the caller array does not alter the sample', async () => {
    useAppStore.getState().setLearnEnabled(true);
    const c = crop(0.5);
    await useAppStore.getState().addPersonalSample(c, 4);
    c.fill(0);
    expect(state().samples[0]!.crop28[0]).toBe(0.5);
  });

  it('deletes one sample and forgets all, in memory and in storage', async () => {
    useAppStore.getState().setLearnEnabled(true);
    for (const l of [1, 2, 3]) await useAppStore.getState().addPersonalSample(crop(l / 10), l);
    const second = state().samples[1]!.id;
    await useAppStore.getState().deletePersonalSample(second);
    expect(state().samples.map((s) => s.label)).toEqual([1, 3]);
    expect((await storage.list()).map((s) => s.label)).toEqual([1, 3]);
    await useAppStore.getState().forgetPersonalSamples();
    expect(state().samples).toHaveLength(0);
    expect(await storage.list()).toHaveLength(0);
  });

  it('loads the stored samples, oldest first', async () => {
    await storage.put([
      { id: 'b', label: 2, crop28: crop(0.2), createdAt: 20 },
      { id: 'a', label: 1, crop28: crop(0.1), createdAt: 10 },
    ]);
    await useAppStore.getState().loadPersonalSamples();
    expect(state().loaded).toBe(true);
    expect(state().samples.map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('exports and imports a file that reproduces the crops exactly', async () => {
    useAppStore.getState().setLearnEnabled(true);
    const odd = Float32Array.from({ length: 784 }, (_, i) => Math.sin(i) ** 2);
    await useAppStore.getState().addPersonalSample(odd, 8);
    const text = useAppStore.getState().exportPersonalSamples();
    expect(JSON.parse(text)).toMatchObject({ format: FILE_FORMAT, version: 1 });
    await useAppStore.getState().forgetPersonalSamples();
    expect(await useAppStore.getState().importPersonalSamples(text)).toBe(1);
    expect(state().samples[0]!.label).toBe(8);
    expect(Array.from(state().samples[0]!.crop28)).toEqual(Array.from(odd));
  });

  it('rejects a file that is not ours, or damaged, with a sentence and imports nothing', async () => {
    const importing = (t: string) => useAppStore.getState().importPersonalSamples(t);
    await expect(importing('{"hello": 1}')).rejects.toMatchObject({
      userMessage: expect.stringMatching(/not a Digit Lens samples file/),
    });
    await expect(importing('not json')).rejects.toMatchObject({
      userMessage: expect.stringMatching(/Export samples/),
    });
    const good = JSON.parse(
      samplesToJson([{ id: 'x', label: 3, crop28: crop(0.3), createdAt: 1 }]),
    ) as { samples: { label: number; crop28: string }[] };
    good.samples.push({ label: 3, crop28: 'AAAA' });
    await expect(importing(JSON.stringify(good))).rejects.toMatchObject({
      userMessage: expect.stringMatching(/Sample 2 .* damaged/),
    });
    expect(state().samples).toHaveLength(0);
  });

  it('drops the oldest samples beyond the cap', async () => {
    const many = Array.from({ length: MAX_SAMPLES + 5 }, (_, i) => ({
      id: `s${i}`,
      label: i % 10,
      crop28: crop(0.5),
      createdAt: i,
    }));
    await useAppStore.getState().importPersonalSamples(samplesToJson(many));
    expect(state().samples).toHaveLength(MAX_SAMPLES);
    expect(state().samples[0]!.createdAt).toBe(5);
    expect(await storage.list()).toHaveLength(MAX_SAMPLES);
  });
});

describe('personal samples reach the engine', () => {
  it('hands all samples while on, none while off, and again to a restarted engine', async () => {
    useAppStore.getState().setLearnEnabled(true);
    await storage.put([{ id: 'a', label: 5, crop28: crop(0.5), createdAt: 1 }]);
    startPersonalSync();
    await restartEngine();
    const lastHanded = () => handed.at(-1)?.map((s) => s.label);
    await eventually(() => expect(lastHanded()).toEqual([5]));
    await eventually(() => expect(state().inUse).toBe(1));

    await useAppStore.getState().addPersonalSample(crop(0.6), 6);
    await eventually(() => expect(lastHanded()).toEqual([5, 6]));

    useAppStore.getState().setLearnEnabled(false);
    await eventually(() => expect(lastHanded()).toEqual([]));
    await eventually(() => expect(state().inUse).toBe(0));

    useAppStore.getState().setLearnEnabled(true);
    await eventually(() => expect(lastHanded()).toEqual([5, 6]));
    const calls = handed.length;
    await restartEngine(); // a new worker starts with no samples: they are sent again
    await eventually(() => expect(handed.length).toBeGreaterThan(calls));
    expect(lastHanded()).toEqual([5, 6]);
  });
});
