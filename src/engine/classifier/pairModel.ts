/**
 * The pair check: a small CNN that tells one digit from two digits side by side, given the two
 * as one crop normalised like a digit ([N,28,28,1] -> [N,2] softmax: one, two). Segmentation
 * alone cannot tell a wide 0 from two touching digits, nor a 4 drawn in two strokes from "11".
 */
import type * as tf from '@tensorflow/tfjs';
import { EngineError } from '../errors';
import { loadLayers, predictRows, toProbabilities } from './model';

export interface PairClassifier {
  /** P(two digits) per crop. */
  probabilityOfTwo(inputs: readonly Float32Array[]): Promise<number[]>;
  dispose(): void;
}

export function wrapPairModel(model: tf.LayersModel): PairClassifier {
  let disposed = false;
  return {
    async probabilityOfTwo(inputs) {
      if (disposed) throw new EngineError('disposed', 'Pair check used after dispose()');
      const flat = await predictRows(model, inputs);
      return inputs.map((_, i) => toProbabilities(flat.slice(i * 2, i * 2 + 2))[1]!);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      model.dispose();
    },
  };
}

export async function loadPairClassifier(
  source: string | tf.io.IOHandler,
): Promise<PairClassifier> {
  return wrapPairModel(await loadLayers(source, 2));
}
