// Loads an exported line reader with @tensorflow/tfjs (cpu) in Node, runs the parity fixture's
// lines through it and checks the output shape and PyTorch parity (column probabilities).
// Usage: node training/linereader/smoke-check.mjs <model dir> <line-parity.json>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';

const [dir, fixturePath] = process.argv.slice(2);
const fail = (msg) => {
  console.error(`line reader smoke check FAILED: ${msg}`);
  process.exit(1);
};
await tf.setBackend('cpu');
const mj = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
const shard = readFileSync(join(dir, mj.weightsManifest[0].paths[0]));
const model = await tf.loadLayersModel(
  tf.io.fromMemory({
    modelTopology: mj.modelTopology,
    weightSpecs: mj.weightsManifest[0].weights,
    weightData: shard.buffer.slice(shard.byteOffset, shard.byteOffset + shard.byteLength),
  }),
);
const fixture = JSON.parse(readFileSync(fixturePath, 'utf8'));
let worst = 0;
for (const item of fixture.items) {
  const x = tf.tensor4d(item.pixels, [1, fixture.height, item.width, 1]);
  const y = model.predict(x);
  const cols = item.width / 4;
  if (y.shape[0] !== 1 || y.shape[1] !== 1 || y.shape[2] !== cols) fail(`shape ${y.shape}`);
  const got = y.dataSync();
  const classes = y.shape[3];
  for (let t = 0; t < cols; t++)
    for (let c = 0; c < classes; c++)
      worst = Math.max(worst, Math.abs(got[t * classes + c] - item.probs[t][c]));
  tf.dispose([x, y]);
}
if (!(worst < 1e-3)) fail(`tfjs differs from PyTorch by ${worst}`);
console.log(
  `line reader smoke check OK: ${fixture.items.length} lines, max |tfjs - torch| ${worst.toExponential(2)}`,
);
