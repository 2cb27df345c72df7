import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { readImageHeader, sniffNonImage } from './imageHeader';

function pngBytes(width: number, height: number): Uint8Array {
  const png = new PNG({ width, height });
  return new Uint8Array(PNG.sync.write(png));
}

describe('readImageHeader', () => {
  it('reads PNG size from IHDR', () => {
    expect(readImageHeader(pngBytes(37, 11))).toEqual({ format: 'png', width: 37, height: 11 });
  });

  it('reads JPEG size from the start-of-frame marker', () => {
    const data = Buffer.alloc(64 * 48 * 4, 200);
    const encoded = jpeg.encode({ data, width: 64, height: 48 }, 80).data;
    expect(readImageHeader(new Uint8Array(encoded))).toEqual({
      format: 'jpeg',
      width: 64,
      height: 48,
    });
  });

  it('returns null for a JPEG truncated before its frame header', () => {
    const data = Buffer.alloc(16 * 16 * 4, 0);
    const encoded = new Uint8Array(jpeg.encode({ data, width: 16, height: 16 }, 80).data);
    expect(readImageHeader(encoded.subarray(0, 20))).toBeNull();
  });

  it('reads a GIF and a BMP header', () => {
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x30, 0x75, 0x30, 0x75]);
    expect(readImageHeader(gif)).toEqual({ format: 'gif', width: 30000, height: 30000 });
    const bmp = new Uint8Array(26);
    bmp.set([0x42, 0x4d]);
    new DataView(bmp.buffer).setInt32(18, 640, true);
    new DataView(bmp.buffer).setInt32(22, -480, true);
    expect(readImageHeader(bmp)).toEqual({ format: 'bmp', width: 640, height: 480 });
  });

  it('does not mistake text for an image', () => {
    expect(readImageHeader(new TextEncoder().encode('hello, this is not a picture'))).toBeNull();
  });
});

describe('sniffNonImage', () => {
  const text = (s: string) => new TextEncoder().encode(s);
  it('names the usual impostors', () => {
    expect(sniffNonImage(new Uint8Array())).toBe('empty');
    expect(sniffNonImage(text('%PDF-1.7\n'))).toBe('PDF document');
    expect(sniffNonImage(text('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'))).toBe(
      'SVG drawing',
    );
    expect(sniffNonImage(text('<!DOCTYPE html><html></html>'))).toBe('HTML page');
    expect(sniffNonImage(pngBytes(2, 2))).toBeNull();
  });
});
