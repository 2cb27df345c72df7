import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, DEV_SEED, HELD_OUT_SEED, generateSample } from './generate';
import { charAccuracy, boxRecall, levenshtein } from './metrics';
import { skeletonSegments, zhangSuen } from './skeleton';

const hash = (d: Uint8ClampedArray): string => createHash('sha1').update(d).digest('hex');

describe('evaluation set', () => {
  it('is deterministic per seed, category and index', () => {
    // 'photo' is left out here only because it is the slow one (large image + JPEG round trip).
    for (const category of CATEGORIES.filter((c) => c !== 'photo')) {
      const a = generateSample(DEV_SEED, category, 3);
      const b = generateSample(DEV_SEED, category, 3);
      expect(b.text).toBe(a.text);
      expect(hash(b.image.data)).toBe(hash(a.image.data));
      expect(a.image.data.length).toBe(a.image.width * a.image.height * 4);
    }
  });

  it('round-trips photo-like images through JPEG', () => {
    const photo = generateSample(DEV_SEED, 'photo', 1);
    expect(photo.jpegQuality).toBeGreaterThanOrEqual(35);
    expect(photo.boxes[0]).toHaveLength(photo.text.length);
  });

  it('differs between the dev and held-out seeds', () => {
    const a = generateSample(DEV_SEED, 'clean', 0);
    const b = generateSample(HELD_OUT_SEED, 'clean', 0);
    expect(hash(b.image.data)).not.toBe(hash(a.image.data));
  });

  it('has one ground-truth box per expected digit and the promised shapes', () => {
    for (let i = 0; i < 5; i++) {
      const multi = generateSample(DEV_SEED, 'multiline', i);
      const lines = multi.text.split('\n');
      expect(lines.length).toBeGreaterThanOrEqual(2);
      expect(multi.boxes.map((l) => l.length)).toEqual(lines.map((l) => l.length));
      expect(generateSample(DEV_SEED, 'canvas', i).text).toMatch(/^\d$/);
      expect(generateSample(DEV_SEED, 'clean', i).text).toMatch(/^\d{2,8}$/);
    }
  });

  it('makes light-on-dark images dark on average', () => {
    const { image } = generateSample(DEV_SEED, 'dark', 0);
    let sum = 0;
    for (let i = 0; i < image.data.length; i += 4) sum += image.data[i]!;
    expect(sum / (image.data.length / 4)).toBeLessThan(110);
  });
});

describe('skeleton', () => {
  it('thins a thick bar to a one-pixel line', () => {
    const w = 20;
    const img = new Uint8Array(w * w);
    for (let y = 8; y < 13; y++) for (let x = 2; x < 18; x++) img[y * w + x] = 1;
    const skel = zhangSuen(img, w, w);
    const rows = new Set<number>();
    skel.forEach((v, i) => v && rows.add(Math.floor(i / w)));
    expect(rows.size).toBeLessThanOrEqual(2);
    expect(skeletonSegments(skel, w).length).toBeGreaterThan(5);
  });
});

describe('metrics', () => {
  it('scores strings and boxes', () => {
    expect(levenshtein('1234', '1243')).toBe(2);
    expect(charAccuracy('12\n34', '12\n34')).toBe(1);
    expect(charAccuracy('1234', '12\n34')).toBeCloseTo(0.8);
    expect(charAccuracy('', '12')).toBe(0);
    const box = { x: 0, y: 0, width: 10, height: 10 };
    expect(boxRecall([box], [box, { x: 50, y: 0, width: 10, height: 10 }])).toBe(0.5);
  });
});
