/**
 * What the app costs to download, from the build output on disk: gzip sizes (zlib level 6, what
 * a typical server sends) of the JavaScript each thread loads, the model, and the precache.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileCost {
  path: string;
  raw: number;
  gzip: number;
}

export interface ByteCosts {
  mainJs: FileCost[];
  workerJs: FileCost[];
  model: FileCost[];
  precache: { entries: number; duplicates: number; files: FileCost[] };
}

function cost(outDir: string, path: string): FileCost {
  const bytes = readFileSync(join(outDir, path));
  return { path, raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length };
}

/** A URL of the preview server -> its path inside the build output. */
export function distPath(url: string): string {
  return decodeURIComponent(new URL(url).pathname).replace(/^\//, '');
}

/** The URLs Workbox precaches: the `precacheAndRoute([...])` manifest in sw.js. */
export function precacheUrls(outDir: string): { urls: string[]; entries: number } {
  const sw = readFileSync(join(outDir, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/\{\s*url:\s*"([^"]+)"\s*,\s*revision:/g)].map((m) => m[1]!);
  if (urls.length === 0) throw new Error('no precache manifest found in sw.js');
  return { urls: [...new Set(urls)], entries: urls.length };
}

/** The models the engine loads: digits, pair check, line reader (folders under model/). */
export const MODEL_DIRS = ['model', 'model/pair', 'model/line'] as const;

/** Every model's model.json and the weight shards it names. */
export function allModelFiles(outDir: string): string[] {
  return MODEL_DIRS.flatMap((dir) => modelFiles(outDir, dir));
}

/** model.json and the weight shards it names. */
export function modelFiles(outDir: string, dir = 'model'): string[] {
  const json = join(outDir, dir, 'model.json');
  if (!existsSync(json)) return [];
  const files = [`${dir}/model.json`];
  try {
    const model = JSON.parse(readFileSync(json, 'utf8')) as {
      weightsManifest?: { paths: string[] }[];
    };
    for (const group of model.weightsManifest ?? []) {
      for (const p of group.paths) files.push(`${dir}/${p}`);
    }
  } catch {
    // Not JSON (a placeholder): counted as the one file it is.
  }
  return files.filter((f) => existsSync(join(outDir, f)) && statSync(join(outDir, f)).isFile());
}

export function byteCosts(outDir: string, mainJs: string[], workerJs: string[]): ByteCosts {
  const pre = precacheUrls(outDir);
  return {
    mainJs: mainJs.map((p) => cost(outDir, p)),
    workerJs: workerJs.map((p) => cost(outDir, p)),
    model: allModelFiles(outDir).map((p) => cost(outDir, p)),
    precache: {
      entries: pre.entries,
      duplicates: pre.entries - pre.urls.length,
      files: pre.urls.map((p) => cost(outDir, p)),
    },
  };
}

export const sum = (files: FileCost[], key: 'raw' | 'gzip'): number =>
  files.reduce((s, f) => s + f[key], 0);
