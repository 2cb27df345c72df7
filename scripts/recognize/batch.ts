/**
 * `npm run recognize -- DIR --csv out.csv` (or --jsonl): walk, shard, skip what the output
 * already has, read on every core, append rows as they finish, progress on stderr.
 */
import { appendFileSync } from 'node:fs';
import type { BackendName, PipelineParams } from '../../src/engine/types';
import { readAll } from './pool';
import { progressBar } from './progress';
import { readExisting, type OutputFormat } from './resume';
import { CSV_HEADER, csvLine, toCsv, toJsonLine, type FileRow } from './rows';
import { inShard, type Shard } from './shard';
import { collectInputs, type Input } from './walk';

export interface BatchOptions {
  args: string[];
  output: string;
  format: OutputFormat;
  shard?: Shard;
  workers?: number;
  modelPath: string;
  backend?: BackendName;
  params: Partial<PipelineParams>;
}

export interface Plan {
  todo: Input[];
  /** In this shard but already in the output. */
  already: number;
  /** Other files found in the folders (not images). */
  skipped: string[];
  /** Images in other shards. */
  otherShards: number;
}

/** Which files this run reads (pure apart from reading the folders and the output). */
export function plan(args: string[], done: Set<string>, shard?: Shard): Plan {
  const { inputs, skipped } = collectInputs(args);
  const mine = shard ? inputs.filter((i) => inShard(i.name, shard)) : inputs;
  const todo = mine.filter((i) => !done.has(i.name));
  return {
    todo,
    already: mine.length - todo.length,
    skipped,
    otherShards: inputs.length - mine.length,
  };
}

export interface BatchSummary {
  read: number;
  failed: number;
  already: number;
  seconds: number;
  imagesPerSecond: number;
}

export async function runBatch(o: BatchOptions): Promise<BatchSummary> {
  const existing = readExisting(o.output, o.format);
  const p = plan(o.args, existing.done, o.shard);
  const log = (s: string): void => void process.stderr.write(`${s}\n`);
  log(
    `${p.todo.length} images to read` +
      (p.already ? `, ${p.already} already in ${o.output}` : '') +
      (p.otherShards ? `, ${p.otherShards} in other shards` : '') +
      (p.skipped.length ? `; ${p.skipped.length} other files skipped (not PNG/JPEG)` : ''),
  );
  if (o.format === 'csv' && !existing.hasHeader) appendFileSync(o.output, csvLine(CSV_HEADER));
  const bar = progressBar();
  const started = performance.now();
  let done = 0;
  let failed = 0;
  const state = () => ({
    done,
    total: p.todo.length,
    failed,
    elapsedMs: performance.now() - started,
  });
  await readAll(p.todo, o, (row: FileRow) => {
    // One append per row: an interrupted run loses at most the row being written.
    appendFileSync(o.output, o.format === 'csv' ? toCsv(row) : toJsonLine(row));
    done++;
    if (row.error) failed++;
    bar.update(state());
  });
  bar.finish(state());
  const seconds = (performance.now() - started) / 1000;
  return {
    read: done,
    failed,
    already: p.already,
    seconds,
    imagesPerSecond: seconds > 0 ? done / seconds : 0,
  };
}
