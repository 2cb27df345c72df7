/**
 * Accuracy on the generated evaluation set (MNIST test digits on paper-like images).
 *
 *   npm run bench:accuracy -- [--seed N] [--n PER_CATEGORY] [--category clean,photo]
 *                             [--segmentation-only] [--model public/model/model.json]
 *                             [--backend cpu|wasm] [--dump DIR] [--failures]
 *                             [--no-line-reader] [--no-pair-check]
 *
 * "sure": of the images read exactly, the share with no digit marked doubtful (false doubt).
 * Defaults to the held-out seed. --segmentation-only skips the model (digit counts, line counts
 * and box recall need none). --dump writes every image as PNG with its expected text.
 * Real categories take every sample they have, whatever --n says: real (../shared/data/
 * real-photos), unipen-numbers and unipen-digits (../shared/data/unipen, the line reader's
 * validation writers, drawn on the pad).
 * Issue 14 (not a digit), drawn on the pad: nondigit (words of a stroke font, scribbles,
 * shapes; scored as the share with no confident digit) and separators (dates, prices, times,
 * phone-like and labelled numbers with real UNIPEN digits: "Total: 42" is expected as "42").
 */
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadOpenCV } from '../src/engine/opencv';
import { resolveParams } from '../src/engine/pipeline/params';
import { runPipeline } from '../src/engine/pipeline/run';
import type { Recognizer } from '../src/engine/recognize';
import type { BackendName, Box } from '../src/engine/types';
import { HELD_OUT_SEED } from '../src/node/evalset/generate';
import { ALL_CATEGORIES, EMPTY_CATEGORIES, sampleStream } from '../src/node/evalset/sources';
import { ScoreAccumulator, type CategoryScore } from '../src/node/evalset/metrics';
import { createNodeRecognizer, NODE_DEFAULT_BACKEND } from '../src/node/nodeRecognizer';
import { encodePng } from '../src/node/imageio';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: String(HELD_OUT_SEED) },
    n: { type: 'string', default: '100' },
    category: { type: 'string' },
    'segmentation-only': { type: 'boolean', default: false },
    model: { type: 'string', default: 'public/model/model.json' },
    backend: { type: 'string', default: NODE_DEFAULT_BACKEND },
    dump: { type: 'string' },
    failures: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    'no-line-reader': { type: 'boolean', default: false },
    'no-pair-check': { type: 'boolean', default: false },
  },
});

const seed = Number(values.seed);
const perCategory = Number(values.n);
const categories = values.category?.split(',') ?? ALL_CATEGORIES;
const segmentationOnly = values['segmentation-only'] === true;

function toBox(r: { x: number; y: number; w: number; h: number }, scale: number): Box {
  return { x: r.x / scale, y: r.y / scale, width: r.w / scale, height: r.h / scale };
}

async function main(): Promise<void> {
  const cv = await loadOpenCV();
  let recognizer: Recognizer | null = null;
  if (!segmentationOnly) {
    if (!existsSync(values.model)) {
      console.error(`No model at ${values.model}. Use --segmentation-only or train one first.`);
      process.exit(2);
    }
    recognizer = await createNodeRecognizer({
      modelPath: values.model,
      backend: values.backend as BackendName,
      lineReader: !values['no-line-reader'],
      pairCheck: !values['no-pair-check'],
    });
  }
  if (values.dump) mkdirSync(values.dump, { recursive: true });
  const params = resolveParams();
  const scores: Record<string, CategoryScore> = {};
  const overall = new ScoreAccumulator();
  const heldOut = seed === HELD_OUT_SEED ? ' (held-out)' : '';
  console.log(
    `seed ${seed}${heldOut}, ${perCategory} images per category, ` +
      (segmentationOnly
        ? 'segmentation only (no model)'
        : `model ${values.model}, ${recognizer!.backend}`),
  );
  for (const category of categories) {
    const stream = sampleStream(category, seed, perCategory);
    if ('skipped' in stream) {
      console.log(`  ${stream.skipped}`);
      continue;
    }
    // Images with no writing: doubtful digits are allowed, confident ones are errors.
    const confidentOnly = EMPTY_CATEGORIES.includes(category);
    const acc = new ScoreAccumulator();
    let i = 0;
    for (const sample of stream.samples) {
      const truthBoxes = sample.boxes;
      const t0 = performance.now();
      let predicted: string;
      let predictedBoxes: Box[];
      let doubtful = 0;
      if (recognizer) {
        const result = await recognizer.recognize(sample.image);
        doubtful = result.lines.reduce((n, l) => n + l.digits.filter((d) => d.doubtful).length, 0);
        predicted = confidentOnly
          ? result.lines
              .flatMap((l) => l.digits.filter((d) => !d.doubtful).map((d) => d.label))
              .join('')
          : result.text;
        predictedBoxes = result.lines.flatMap((l) => l.digits.map((d) => d.box));
      } else {
        const out = await runPipeline(cv, sample.image, params);
        predicted = out.segmentation.lines.map((l) => '?'.repeat(l.length)).join('\n');
        predictedBoxes = out.segmentation.lines
          .flat()
          .map((d) => toBox(d.box ?? d.crop.rect, out.scale));
      }
      const ms = performance.now() - t0;
      const expected = segmentationOnly ? sample.text.replace(/\d/g, '?') : sample.text;
      const entry = { predicted, expected, predictedBoxes, truthBoxes, ms, doubtful };
      acc.add(entry);
      overall.add(entry);
      const wrong = predicted !== expected;
      if (values.failures && wrong) {
        console.log(
          `  ${sample.name}: expected ${JSON.stringify(sample.text)} got ${JSON.stringify(predicted)}`,
        );
      }
      if (values.dump && (!values.failures || wrong)) {
        const name = `${category}-${String(i).padStart(3, '0')}`;
        writeFileSync(join(values.dump, `${name}.png`), encodePng(sample.image));
        writeFileSync(join(values.dump, `${name}.txt`), `${sample.text}\n`);
      }
      i++;
    }
    scores[category] = acc.result();
  }
  scores.overall = overall.result();
  const pct = (v: number): string => `${(v * 100).toFixed(1)}%`.padStart(7);
  console.log(
    'category    ' +
      ['n', 'exact', 'chars', 'count', 'lines', 'boxes', 'sure', 'ms/img']
        .map((h) => h.padStart(7))
        .join(''),
  );
  for (const [name, s] of Object.entries(scores)) {
    console.log(
      name.padEnd(12) +
        String(s.n).padStart(7) +
        pct(s.exact) +
        pct(s.charAccuracy) +
        pct(s.countAccuracy) +
        pct(s.lineCountAccuracy) +
        pct(s.boxRecall) +
        pct(s.sureWhenRight) +
        s.msPerImage.toFixed(0).padStart(7),
    );
  }
  if (values.json) console.log(JSON.stringify({ seed, perCategory, scores }, null, 2));
  recognizer?.dispose();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
