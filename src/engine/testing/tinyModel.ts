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
