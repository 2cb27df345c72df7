/**
 * A tfjs `io.IOHandler` that loads a Layers/Graph model (model.json + weight shards) from the
 * local file system. Node only (tests, scripts): the browser loads the same files over HTTP.
 *
 *   const model = await tf.loadLayersModel(fsModelHandler('public/model/model.json'));
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';

function readModelJson(modelJsonPath: string): tf.io.ModelJSON {
  let text: string;
  try {
    text = readFileSync(modelJsonPath, 'utf8');
  } catch (e) {
    throw new Error(`Cannot read model file ${modelJsonPath}: ${(e as Error).message}`);
  }
  const json = JSON.parse(text) as tf.io.ModelJSON;
  if (json.modelTopology == null || !Array.isArray(json.weightsManifest)) {
    throw new Error(
      `${modelJsonPath} is not a tfjs model.json (modelTopology/weightsManifest missing)`,
    );
  }
  return json;
}

export function fsModelHandler(modelJsonPath: string): tf.io.IOHandler {
  const jsonPath = resolve(modelJsonPath);
  const dir = dirname(jsonPath);
  return {
    load: async () => {
      const modelJson = readModelJson(jsonPath);
      return tf.io.getModelArtifactsForJSON(modelJson, (manifest) => {
        const specs: tf.io.WeightsManifestEntry[] = [];
        const buffers: ArrayBuffer[] = [];
        for (const group of manifest) {
          specs.push(...group.weights);
          for (const path of group.paths) {
            const buf = readFileSync(resolve(dir, path));
            buffers.push(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
          }
        }
        return Promise.resolve([specs, buffers]);
      });
    },
  };
}
