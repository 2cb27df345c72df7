/**
 * The line reader: a fully convolutional CTC network ([N,32,W,1] -> [N,1,W/4,C] softmax per
 * column) that reads a whole line of digits, touching or not, without cutting it first.
 * Lines of one image go through in one batch, padded on the right with paper.
 */
import * as tf from '@tensorflow/tfjs';
import { EngineError } from '../errors';
import { COLUMN_STEP, LINE_HEIGHT, type LineImage } from '../lineReader/lineImage';

export interface LineReader {
  /** Classes per column (blank + symbols). */
  classes: number;
  /** Per line: columns x classes probabilities, row-major. */
  read(lines: readonly LineImage[]): Promise<Float32Array[]>;
  dispose(): void;
}

function checkLineShapes(model: tf.LayersModel): number {
  const input = model.inputs[0]?.shape;
  const output = model.outputs[0]?.shape;
  const classes = output?.[3];
  const ok =
    input?.length === 4 &&
    input[1] === LINE_HEIGHT &&
    input[2] === null &&
    input[3] === 1 &&
    output?.length === 4 &&
    output[1] === 1 &&
    typeof classes === 'number' &&
    classes > 11;
  if (!ok) {
    throw new EngineError(
      'model-load-failed',
      `Line model has input ${JSON.stringify(input)} and output ${JSON.stringify(output)}; expected [null,${LINE_HEIGHT},null,1] -> [null,1,null,classes]`,
    );
  }
  return classes;
}

export function wrapLineModel(model: tf.LayersModel): LineReader {
  const classes = checkLineShapes(model);
  let disposed = false;
  return {
    classes,
    async read(lines) {
      if (disposed) throw new EngineError('disposed', 'Line reader used after dispose()');
      if (lines.length === 0) return [];
      const width = Math.max(...lines.map((l) => l.width));
      const batch = new Float32Array(lines.length * LINE_HEIGHT * width);
      lines.forEach((l, i) => {
        for (let y = 0; y < LINE_HEIGHT; y++) {
          batch.set(
            l.pixels.subarray(y * l.width, (y + 1) * l.width),
            (i * LINE_HEIGHT + y) * width,
          );
        }
      });
      const output = tf.tidy(
        () => model.predict(tf.tensor4d(batch, [lines.length, LINE_HEIGHT, width, 1])) as tf.Tensor,
      );
      let flat: Float32Array;
      try {
        flat = (await output.data()) as Float32Array;
      } finally {
        output.dispose();
      }
      const columns = width / COLUMN_STEP;
      return lines.map((l, i) =>
        flat.slice(i * columns * classes, (i * columns + l.width / COLUMN_STEP) * classes),
      );
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      model.dispose();
    },
  };
}

export async function loadLineReader(source: string | tf.io.IOHandler): Promise<LineReader> {
  let model: tf.LayersModel;
  try {
    model = await tf.loadLayersModel(source);
  } catch (err) {
    const where = typeof source === 'string' ? source : 'the given IOHandler';
    throw new EngineError(
      'model-load-failed',
      `Could not load the line reader from ${where}: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
  try {
    return wrapLineModel(model);
  } catch (err) {
    model.dispose();
    throw err;
  }
}
