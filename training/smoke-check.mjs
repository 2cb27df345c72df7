// Loads an exported model with plain @tensorflow/tfjs (cpu backend) in Node, runs the parity
// fixture through it and checks shapes, probabilities and PyTorch parity.
// Usage: node training/smoke-check.mjs <model dir> <parity.json> [classes, default 10].
// Exit code != 0 on failure.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';

const [modelDir, fixturePath, classArg] = process.argv.slice(2);
const classes = Number(classArg ?? 10);
if (!modelDir || !fixturePath) {
  console.error('usage: node training/smoke-check.mjs <model dir> <parity.json>');
  process.exit(2);
}

function fail(msg) {
  console.error(`smoke check FAILED: ${msg}`);
  process.exit(1);
}

try {
  await tf.setBackend('cpu');
  const modelJson = JSON.parse(readFileSync(join(modelDir, 'model.json'), 'utf8'));
  const specs = [];
  const buffers = [];
  for (const group of modelJson.weightsManifest) {
    specs.push(...group.weights);
    for (const p of group.paths) buffers.push(readFileSync(join(modelDir, p)));
  }
  const all = Buffer.concat(buffers);
  const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
  const model = await tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: modelJson.modelTopology,
      weightSpecs: specs,
      weightData,
      format: modelJson.format,
    }),
  );
  const fixture = JSON.parse(readFileSync(fixturePath, 'utf8'));
  const n = fixture.inputs.length;
  const x = tf.tensor4d(Float32Array.from(fixture.inputs.flat()), [n, 28, 28, 1]);
  const y = model.predict(x);
  if (!(y instanceof tf.Tensor)) fail('predict() did not return a single tensor');
  if (y.shape.join(',') !== `${n},${classes}`) fail(`output shape ${y.shape} != [${n},${classes}]`);
  const probs = await y.array();
  let maxDiff = 0;
  probs.forEach((row, i) => {
    const sum = row.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 1e-4) fail(`row ${i} sums to ${sum}`);
    row.forEach((p, j) => {
      maxDiff = Math.max(maxDiff, Math.abs(p - fixture.probs[i][j]));
    });
  });
  if (!(maxDiff <= 1e-4)) fail(`tfjs vs PyTorch max |diff| ${maxDiff} > 1e-4`);
  tf.dispose([x, y]);
  const pred = probs.map((r) => r.indexOf(Math.max(...r)));
  console.log(
    `smoke check OK: tfjs ${tf.version.tfjs} (${tf.getBackend()}) loaded ${modelDir}, ` +
      `${model.countParams()} params, ${n} predictions ${pred.join('')}, ` +
      `max |tfjs - pytorch| = ${maxDiff.toExponential(2)}`,
  );
} catch (e) {
  fail(e instanceof Error ? (e.stack ?? e.message) : String(e));
}
