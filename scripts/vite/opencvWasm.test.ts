import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { extractOpenCv, glueModule } from './opencvWasm';

const source = readFileSync(createRequire(import.meta.url).resolve('@techstark/opencv-js'), 'utf8');

describe('extractOpenCv (the @techstark/opencv-js 4.12 build)', () => {
  const { glue, wasm } = extractOpenCv(source);

  it('takes out a valid WebAssembly module with the imports the glue provides', async () => {
    const module = await WebAssembly.compile(new Uint8Array(wasm));
    const imports = WebAssembly.Module.imports(module);
    expect(imports.length).toBeGreaterThan(10);
    // Emscripten's instantiateWasm hook hands over exactly these namespaces.
    expect(new Set(imports.map((i) => i.module))).toEqual(new Set(['env', 'wasi_unstable']));
  });

  it('leaves glue without the base64, a few hundred KB instead of 10.8 MB', () => {
    expect(source.length).toBeGreaterThan(10_000_000);
    expect(glue.length).toBeLessThan(400_000);
    expect(glue).not.toContain('data:application/octet-stream;base64,AGFzbQ');
    expect(glue).toContain('Module["instantiateWasm"]');
    expect(glueModule(glue)).toMatch(/^export function createOpenCv\(Module\) \{/);
  });

  it('refuses a build laid out differently', () => {
    expect(() => extractOpenCv('module.exports = {}')).toThrow(/unexpected build layout/);
  });
});
