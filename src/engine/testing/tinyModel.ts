/**
 * A small random-weights tfjs model with the production contract ([N,28,28,1] -> [N,10]
 * softmax), round-tripped through an in-memory IOHandler exactly as a served model would be.
 * For tests that need a classifier but not a trained one.
 */
import * as tf from '@tensorflow/tfjs';

export async function tinyModelHandler(seed = 1): Promise<tf.io.IOHandler> {
  // Building weights needs a ready backend; the recognizer picks its own one afterwards.
  await tf.setBackend('cpu');
  await tf.ready();
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({
        inputShape: [28, 28, 1],
        filters: 4,
        kernelSize: 5,
        strides: 2,
        activation: 'relu',
        kernelInitializer: tf.initializers.glorotUniform({ seed }),
      }),
      tf.layers.flatten(),
      tf.layers.dense({
        units: 10,
        activation: 'softmax',
        kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }),
      }),
    ],
  });
  return saveToMemory(model);
}

/**
 * A pair-check model ([N,28,28,1] -> [N,2] softmax) that answers P(two) = pTwo for every input:
 * for tests of what the engine does with the answer.
 */
export async function constantPairModelHandler(pTwo: number): Promise<tf.io.IOHandler> {
  await tf.setBackend('cpu');
  await tf.ready();
  const model = tf.sequential({
    layers: [
      tf.layers.flatten({ inputShape: [28, 28, 1] }),
      tf.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: 'zeros' }),
    ],
  });
  const [kernel, bias] = [
    tf.zeros([28 * 28, 2]),
    tf.tensor1d([Math.log(1 - pTwo), Math.log(pTwo)]),
  ];
  model.layers[1]!.setWeights([kernel, bias]);
  tf.dispose([kernel, bias]);
  return saveToMemory(model);
}

async function saveToMemory(model: tf.LayersModel): Promise<tf.io.IOHandler> {
  let saved: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler((artifacts) => {
      saved = artifacts;
      return Promise.resolve({
        modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' },
      });
    }),
  );
  model.dispose();
  return tf.io.fromMemory(saved!);
}
