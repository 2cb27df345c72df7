/**
 * Speed and memory on large photos, in Node (issue 15):
 *
 *   npx tsx scripts/bench/bigPhoto.ts [--runs 3] [--model public/model/model.json]
 *
 * Reads a 3 MP (2000x1500), a 12 MP (4032x3024) and a 24 MP (5656x4242) photo-like image, each
 * with 8 MNIST test digits in one line on unevenly lit paper: median `recognize` time over
 * --runs after one warm-up, the text read, and the OpenCV WASM heap after each size (it never
 * shrinks, so the figure after the 24 MP photo is the high-water mark a phone must afford).
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadOpenCV, openCvHeapBytes } from '../../src/engine/opencv';
import { createNodeRecognizer } from '../../src/node/nodeRecognizer';
import { renderScaledPhoto } from './photo';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    model: { type: 'string', default: 'public/model/model.json' },
  },
});

const SIZES: [number, number][] = [
  [2000, 1500],
  [4032, 3024],
  [5656, 4242],
];
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const mb = (b: number): string => `${(b / 2 ** 20).toFixed(0)} MB`;

async function main(): Promise<void> {
  if (!existsSync(values.model)) throw new Error(`no model at ${values.model}`);
  const runs = Math.max(1, Number(values.runs));
  const cv = await loadOpenCV();
  const recognizer = await createNodeRecognizer({ modelPath: values.model });
  console.log(`OpenCV heap at start: ${mb(openCvHeapBytes(cv))}`);
  for (const [w, h] of SIZES) {
    const { image, text } = renderScaledPhoto(w, h);
    await recognizer.recognize(image); // warm-up at this size
    const times: number[] = [];
    let read = '';
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      read = (await recognizer.recognize(image)).text;
      times.push(performance.now() - t0);
    }
    const mp = ((w * h) / 1e6).toFixed(1);
    console.log(
      `${w}x${h} (${mp} MP): median ${median(times).toFixed(0)} ms over ${runs}, ` +
        `read ${JSON.stringify(read)} (truth ${JSON.stringify(text)}), ` +
        `OpenCV heap after: ${mb(openCvHeapBytes(cv))}`,
    );
  }
  recognizer.dispose();
}

await main();
