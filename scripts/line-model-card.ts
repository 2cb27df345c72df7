/**
 * The line reader's model card (public/model/line/model-card.json), measured on the exported
 * files through the engine in tfjs: real numbers and digits of the validation writers drawn on
 * the pad (../shared/data/unipen), and the synthetic touching category (dev seed 7). Training
 * facts come from training-card.json, written by training/linereader.
 *
 *   npm run card:line
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSample } from '../src/node/evalset/generate';
import { realSet, type RealCategory } from '../src/node/evalset/realCategories';
import { createNodeRecognizer } from '../src/node/nodeRecognizer';
import type { RgbaImage } from '../src/engine/types';

const DIR = 'public/model/line';
const DEV_SEED = 7;

async function main(): Promise<void> {
  const training = JSON.parse(readFileSync(join(DIR, 'training-card.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const recognizer = await createNodeRecognizer();
  const exact = async (images: { image: RgbaImage; text: string }[]): Promise<number> => {
    let right = 0;
    for (const s of images) if ((await recognizer.recognize(s.image)).text === s.text) right++;
    return right / images.length;
  };
  const metrics: Record<string, { exact: number; n: number; data: string }> = {};
  for (const category of ['unipen-numbers', 'unipen-digits'] as RealCategory[]) {
    const set = realSet(category, DEV_SEED);
    if (!set) continue;
    const samples = Array.from({ length: set.count }, (_, i) => set.sample(i));
    metrics[category] = {
      exact: await exact(samples),
      n: samples.length,
      data: 'real: ../shared/data/unipen, validation writers, drawn on the pad (engine, wasm)',
    };
  }
  const touching = Array.from({ length: 100 }, (_, i) => generateSample(DEV_SEED, 'touching', i));
  metrics.touching = {
    exact: await exact(touching),
    n: touching.length,
    data: 'synthetic: MNIST test digits whose strokes touch, dev seed 7 (engine, wasm)',
  };
  recognizer.dispose();
  const card = {
    name: training.name,
    architecture: training.architecture,
    parameters: training.parameters,
    fileBytes: ['model.json', 'group1-shard1of1.bin'].reduce(
      (n, f) => n + statSync(join(DIR, f)).size,
      0,
    ),
    symbols: training.symbols,
    blank: training.blank,
    input: training.input,
    temperature: training.temperature,
    training: training.training,
    data: training.data,
    engineMetrics: metrics,
    measured: new Date().toISOString(),
  };
  writeFileSync(join(DIR, 'model-card.json'), `${JSON.stringify(card, null, 1)}\n`);
  console.log(JSON.stringify(metrics, null, 1));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
