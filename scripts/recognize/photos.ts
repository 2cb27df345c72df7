/**
 * Writes generated photo-like JPEGs for measuring the batch reader (BENCHMARKS.md):
 *
 *   npx tsx scripts/recognize/photos.ts DIR [count=200] [seed=7]
 *
 * The bench:engine photo (1600x1200, 8 MNIST test digits, light gradient, shadow, noise, JPEG
 * quality 75), a different draw per file, in two subfolders so the walker has work to do.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderBenchPhoto } from '../../src/node/evalset/compose';
import { digitSource, jpegRoundTrip } from '../../src/node/evalset/generate';
import { createRng } from '../../src/node/evalset/prng';
import { encodeJpeg } from '../../src/node/imageio';

const [dir, countArg = '200', seedArg = '7'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: npx tsx scripts/recognize/photos.ts DIR [count] [seed]');
  process.exit(1);
}
const rng = createRng(Number(seedArg));
const source = digitSource(Number(seedArg));
const labels: Record<string, string> = {};
for (let i = 0; i < Number(countArg); i++) {
  const sample = renderBenchPhoto(rng, source, jpegRoundTrip);
  const name = `${i % 2 ? 'b' : 'a'}/photo-${String(i).padStart(4, '0')}.jpg`;
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), encodeJpeg(sample.image, 90));
  labels[name] = sample.text;
}
writeFileSync(join(dir, 'labels.json'), JSON.stringify(labels, null, 1));
console.error(`wrote ${countArg} photos to ${dir}`);
