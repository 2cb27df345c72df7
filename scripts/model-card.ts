/**
 * Measures the exported model exactly as the app runs it (plain @tensorflow/tfjs, wasm backend,
 * the float16 weights dequantized by tfjs) on the full 10k MNIST test split, and writes the
 * numbers into public/model/model-card.json (the training run writes the other fields).
 *
 *   npx tsx scripts/model-card.ts [modelDir]      (default: public/model)
 *
 * `scoreMnistTest` is also used by src/node/model.test.ts.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { fsModelHandler } from '../src/node/fsModelHandler';
import { loadMnist } from '../src/node/mnist';

export interface TestScore {
  count: number;
  accuracy: number;
  perClassAccuracy: number[];
  confusionMatrix: number[][];
  ece15: number;
  nll: number;
}

/** Initialises the wasm backend once (falls back to cpu if wasm cannot start). */
export async function initBackend(preferred: 'wasm' | 'cpu' = 'wasm'): Promise<string> {
  if (tf.getBackend() !== preferred) {
    const ok = await tf.setBackend(preferred);
    if (!ok) await tf.setBackend('cpu');
  }
  await tf.ready();
  return tf.getBackend();
}

export function modelFileBytes(modelDir: string): { files: Record<string, number>; total: number } {
  const modelJson = JSON.parse(
    readFileSync(join(modelDir, 'model.json'), 'utf8'),
  ) as tf.io.ModelJSON;
  const names = ['model.json', ...modelJson.weightsManifest.flatMap((g) => g.paths)];
  const files: Record<string, number> = {};
  for (const name of names) files[name] = statSync(join(modelDir, name)).size;
  return { files, total: Object.values(files).reduce((a, b) => a + b, 0) };
}

/** Expected calibration error with equal-width confidence bins (right-closed, like training). */
export function ece(conf: Float32Array, correct: Uint8Array, bins = 15): number {
  const n = conf.length;
  const cnt = new Float64Array(bins);
  const sumConf = new Float64Array(bins);
  const sumAcc = new Float64Array(bins);
  for (let i = 0; i < n; i++) {
    const c = conf[i]!;
    const b = Math.min(bins - 1, Math.max(0, Math.ceil(c * bins) - 1));
    cnt[b]! += 1;
    sumConf[b]! += c;
    sumAcc[b]! += correct[i]!;
  }
  let e = 0;
  for (let b = 0; b < bins; b++) {
    if (cnt[b]! > 0) e += (cnt[b]! / n) * Math.abs(sumAcc[b]! / cnt[b]! - sumConf[b]! / cnt[b]!);
  }
  return e;
}

/** Scores a model on the full MNIST test split in batches; leaves no tensors behind. */
export async function scoreMnistTest(model: tf.LayersModel, batchSize = 500): Promise<TestScore> {
  const test = loadMnist('test');
  const n = test.count;
  const confusion = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
  const conf = new Float32Array(n);
  const correct = new Uint8Array(n);
  let nll = 0;
  for (let start = 0; start < n; start += batchSize) {
    const m = Math.min(batchSize, n - start);
    const pixels = new Float32Array(m * 784);
    for (let i = 0; i < m * 784; i++) pixels[i] = test.images[start * 784 + i]! / 255;
    const probs = tf.tidy(() => {
      const x = tf.tensor4d(pixels, [m, 28, 28, 1]);
      return model.predict(x) as tf.Tensor;
    });
    const p = await probs.data();
    probs.dispose();
    for (let i = 0; i < m; i++) {
      const label = test.labels[start + i]!;
      let best = 0;
      for (let k = 1; k < 10; k++) if (p[i * 10 + k]! > p[i * 10 + best]!) best = k;
      confusion[label]![best]! += 1;
      conf[start + i] = p[i * 10 + best]!;
      correct[start + i] = best === label ? 1 : 0;
      nll -= Math.log(Math.max(p[i * 10 + label]!, 1e-12));
    }
  }
  const perClassAccuracy = confusion.map((row, k) => row[k]! / row.reduce((a, b) => a + b, 0));
  const hits = confusion.reduce((a, row, k) => a + row[k]!, 0);
  return {
    count: n,
    accuracy: hits / n,
    perClassAccuracy,
    confusionMatrix: confusion,
    ece15: ece(conf, correct),
    nll: nll / n,
  };
}

async function main(): Promise<void> {
  const modelDir = resolve(process.argv[2] ?? 'public/model');
  const backend = await initBackend('wasm');
  const model = await tf.loadLayersModel(fsModelHandler(join(modelDir, 'model.json')));
  const t0 = performance.now();
  const score = await scoreMnistTest(model);
  const seconds = (performance.now() - t0) / 1000;
  const { files, total } = modelFileBytes(modelDir);
  const cardPath = join(modelDir, 'model-card.json');
  const card = JSON.parse(readFileSync(cardPath, 'utf8')) as Record<string, unknown>;
  const pythonTest = card.test as
    (Partial<TestScore> & { canvasStyleAccuracy?: number }) | undefined;
  card.parameterCount = model.countParams();
  card.files = files;
  card.fileBytes = total;
  card.test = score;
  card.measuredWith = `@tensorflow/tfjs ${tf.version.tfjs} (${backend} backend, Node) on the exported files`;
  if (pythonTest?.accuracy !== undefined) {
    card.pythonTestCrossCheck = {
      accuracy: pythonTest.accuracy,
      ece15: pythonTest.ece15,
      // PyTorch only: the test digits redrawn as a drawing app renders them (training/train.py)
      canvasStyleAccuracy: pythonTest.canvasStyleAccuracy,
    };
  }
  writeFileSync(cardPath, `${JSON.stringify(card, null, 2)}\n`);
  const pct = (v: number) => `${(v * 100).toFixed(2)}%`;
  console.log(
    `model card: test acc ${pct(score.accuracy)}, min class ${pct(Math.min(...score.perClassAccuracy))}, ` +
      `ECE ${pct(score.ece15)}, ${model.countParams()} params, ${total} bytes ` +
      `(${backend}, ${seconds.toFixed(1)} s) -> ${cardPath}`,
  );
  model.dispose();
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
