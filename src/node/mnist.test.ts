import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMnist } from './mnist';

describe('loadMnist', () => {
  it('reads the real test split', () => {
    const test = loadMnist('test');
    expect(test.count).toBe(10000);
    expect(test.images.length).toBe(10000 * 784);
    expect(test.labels[0]).toBe(7); // the famous first test digit
  });

  it('fails with a clear message on missing or malformed files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mnist-'));
    expect(() => loadMnist('test', dir)).toThrow(/MNIST file missing/);
    writeFileSync(join(dir, 't10k-images-idx3-ubyte'), Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]));
    expect(() => loadMnist('test', dir)).toThrow(/bad magic number/);
  });
});
