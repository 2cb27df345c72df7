/**
 * Reads the digits in image files with the same engine the app runs.
 *
 *   npm run recognize -- photo.jpg drawing.png [--json] [--crops] [--backend cpu|wasm]
 *                        [--model public/model/model.json] [--param blurSize=5 ...]
 *   npm run recognize -- DIR... (--csv FILE | --jsonl FILE) [--shard i/n] [--workers n]
 *
 * Prints one block per file: the text, then each digit with its confidence (doubtful ones
 * marked "?"). --json prints the full results (stage images left out; crops only with --crops).
 * With --csv or --jsonl (needed for folders): folders are walked, images read on every core,
 * rows appended to FILE as they finish (a rerun skips files already there), progress on stderr;
 * --shard i/n reads only the i-th of n shards (see scripts/recognize/).
 */
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { toEngineErrorData } from '../src/engine/errors';
import type { BackendName, PipelineParams, RecognizeResult } from '../src/engine/types';
import { readImage } from '../src/node/imageio';
import { createNodeRecognizer, DEFAULT_MODEL_PATH } from '../src/node/nodeRecognizer';
import { runBatch } from './recognize/batch';
import { parseShard } from './recognize/shard';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean', default: false },
    crops: { type: 'boolean', default: false },
    backend: { type: 'string' },
    model: { type: 'string', default: DEFAULT_MODEL_PATH },
    param: { type: 'string', multiple: true, default: [] },
    csv: { type: 'string' },
    jsonl: { type: 'string' },
    shard: { type: 'string' },
    workers: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help || positionals.length === 0) {
  console.log(
    'usage: npm run recognize -- <image files...> [--json] [--crops] [--backend cpu|wasm]\n' +
      '       npm run recognize -- <folders or files...> (--csv FILE | --jsonl FILE) [--shard i/n] [--workers n]',
  );
  process.exit(positionals.length === 0 && !values.help ? 1 : 0);
}

function parseParams(pairs: string[]): Partial<PipelineParams> {
  const out: Record<string, unknown> = {};
  for (const pair of pairs) {
    const [key, raw] = pair.split('=');
    if (!key || raw === undefined) throw new Error(`--param expects key=value, got "${pair}"`);
    out[key] =
      raw === 'true'
        ? true
        : raw === 'false'
          ? false
          : Number.isNaN(Number(raw))
            ? raw
            : Number(raw);
  }
  return out;
}

function forJson(result: RecognizeResult, withCrops: boolean): unknown {
  const { stages: _stages, ...rest } = result;
  return {
    ...rest,
    lines: result.lines.map((l) => ({
      digits: l.digits.map(({ crop28, ...d }) =>
        withCrops ? { ...d, crop28: Array.from(crop28) } : d,
      ),
    })),
  };
}

async function batch(): Promise<void> {
  if (values.csv && values.jsonl) throw new Error('Choose one of --csv and --jsonl');
  const summary = await runBatch({
    args: positionals,
    output: (values.csv ?? values.jsonl)!,
    format: values.csv ? 'csv' : 'jsonl',
    shard: values.shard ? parseShard(values.shard) : undefined,
    workers: values.workers ? Number(values.workers) : undefined,
    modelPath: values.model,
    backend: values.backend as BackendName | undefined,
    params: parseParams(values.param ?? []),
  });
  console.error(
    `read ${summary.read} images in ${summary.seconds.toFixed(1)} s (${summary.imagesPerSecond.toFixed(2)} images/s)` +
      (summary.failed ? `; ${summary.failed} could not be read (see the error column)` : ''),
  );
  process.exitCode = summary.failed > 0 ? 1 : 0;
}

async function main(): Promise<void> {
  if (values.csv || values.jsonl) return batch();
  const folder = positionals.find((p) => statSync(p, { throwIfNoEntry: false })?.isDirectory());
  if (folder) throw new Error(`${folder} is a folder: add --csv FILE or --jsonl FILE to read it`);
  const recognizer = await createNodeRecognizer({
    modelPath: values.model,
    backend: values.backend as BackendName | undefined,
  });
  const params = parseParams(values.param ?? []);
  const results: unknown[] = [];
  let failures = 0;
  for (const file of positionals) {
    try {
      const image = readImage(file);
      const result = await recognizer.recognize(image, { params });
      if (values.json) {
        results.push({ file, ...(forJson(result, values.crops === true) as object) });
        continue;
      }
      console.log(
        `${file} (${image.width}x${image.height}, ${result.timings.total!.toFixed(0)} ms, ${recognizer.backend})`,
      );
      console.log(
        `  text: ${result.text === '' ? '(no digits found)' : JSON.stringify(result.text)}`,
      );
      result.lines.forEach((line, i) => {
        const digits = line.digits.map(
          (d) => `${d.label}${d.doubtful ? '?' : ''} ${(d.confidence * 100).toFixed(0)}%`,
        );
        console.log(`  line ${i + 1}: ${digits.join('  ')}`);
      });
    } catch (err) {
      failures++;
      const data = toEngineErrorData(err);
      if (values.json) results.push({ file, error: data });
      else console.error(`${file}: ${data.userMessage} (${data.code}: ${data.message})`);
    }
  }
  if (values.json) console.log(JSON.stringify(results, null, 2));
  recognizer.dispose();
  process.exitCode = failures > 0 ? 1 : 0;
}

main().catch((err: unknown) => {
  const data = toEngineErrorData(err);
  console.error(`${data.userMessage} (${data.code}: ${data.message})`);
  process.exit(1);
});
