/**
 * Crop -> MNIST-style 28x28, the way MNIST itself was made: the digit is scaled (keeping its
 * aspect ratio, so a "1" stays thin) to fit a 20x20 box with area averaging (anti-aliased edges
 * like MNIST's), then placed in 28x28 so that its centre of mass lands on (14, 14) in pixel-index
 * coordinates - MNIST's own mean centre of mass measured that way is (14.00, 13.99).
 * Ink = 1.0 on 0.0, float32, row-major.
 */

export const MNIST_SIZE = 28;
export const MNIST_BOX = 20;

/** Area-averaging resize of a single-channel float image (each output pixel = mean of its area). */
export function areaResize(
  src: Float32Array,
  w: number,
  h: number,
  dw: number,
  dh: number,
): Float32Array {
  const weights = (n: number, dn: number): { first: number; w: number[] }[] => {
    const scale = n / dn;
    const out: { first: number; w: number[] }[] = [];
    for (let i = 0; i < dn; i++) {
      const a = i * scale;
      const b = (i + 1) * scale;
      const first = Math.floor(a);
      const ws: number[] = [];
      for (let s = first; s < Math.min(n, Math.ceil(b)); s++) {
        ws.push((Math.min(b, s + 1) - Math.max(a, s)) / scale);
      }
      out.push({ first, w: ws });
    }
    return out;
  };
  const wx = weights(w, dw);
  const wy = weights(h, dh);
  const tmp = new Float32Array(dw * h);
  for (let y = 0; y < h; y++) {
    for (let i = 0; i < dw; i++) {
      const { first, w: ws } = wx[i]!;
      let acc = 0;
      for (let k = 0; k < ws.length; k++) acc += ws[k]! * src[y * w + first + k]!;
      tmp[y * dw + i] = acc;
    }
  }
  const out = new Float32Array(dw * dh);
  for (let j = 0; j < dh; j++) {
    const { first, w: ws } = wy[j]!;
    for (let x = 0; x < dw; x++) {
      let acc = 0;
      for (let k = 0; k < ws.length; k++) acc += ws[k]! * tmp[(first + k) * dw + x]!;
      out[j * dw + x] = acc;
    }
  }
  return out;
}

export function centreOfMass(img: Float32Array, w: number, h: number): { x: number; y: number } {
  let sum = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = img[y * w + x]!;
      sum += v;
      sx += x * v;
      sy += y * v;
    }
  }
  return sum > 0 ? { x: sx / sum, y: sy / sum } : { x: (w - 1) / 2, y: (h - 1) / 2 };
}

/** Stroke width as a fraction of the longer side below which strokes are thickened. */
export const MIN_STROKE_RATIO = 0.07;
/** Thin strokes are thickened up to this fraction (MNIST's strokes are ~0.1-0.15 of the box). */
export const TARGET_STROKE_RATIO = 0.09;

/**
 * Mean stroke width of a crop: 2 * area / perimeter (a stroke of width w has P ~ 2L). A shaded
 * crop counts as ink where it is at least half dark, so the light edge shading is not width.
 */
export function strokeWidth(pixels: Uint8Array, w: number, h: number): number {
  const paper = (p: number): boolean => pixels[p]! < 128;
  let area = 0;
  let perimeter = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      if (paper(p)) continue;
      area++;
      const edge =
        x === 0 ||
        y === 0 ||
        x === w - 1 ||
        y === h - 1 ||
        paper(p - 1) ||
        paper(p + 1) ||
        paper(p - w) ||
        paper(p + w);
      if (edge) perimeter++;
    }
  }
  return perimeter > 0 ? (2 * area) / perimeter : 0;
}

/** Max over a window of radius r along one axis of a W x H image (x: along rows, y: columns). */
function maxAlong(src: Uint8Array, W: number, H: number, r: number, axis: 'x' | 'y'): Uint8Array {
  const out = new Uint8Array(W * H);
  const step = axis === 'x' ? 1 : W;
  const length = axis === 'x' ? W : H;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const at = axis === 'x' ? x : y;
      const first = Math.max(0, at - r);
      const last = Math.min(length - 1, at + r);
      let m = 0;
      const here = y * W + x;
      for (let d = first; d <= last && m < 255; d++) m = Math.max(m, src[here + (d - at) * step]!);
      out[here] = m;
    }
  }
  return out;
}

/** Square max filter of radius r (separable), on a crop padded by r on every side. */
export function thicken(
  pixels: Uint8Array,
  w: number,
  h: number,
  r: number,
): { pixels: Uint8Array; width: number; height: number } {
  const W = w + 2 * r;
  const H = h + 2 * r;
  const padded = new Uint8Array(W * H);
  for (let y = 0; y < h; y++) padded.set(pixels.subarray(y * w, y * w + w), (y + r) * W + r);
  return { pixels: maxAlong(maxAlong(padded, W, H, r, 'x'), W, H, r, 'y'), width: W, height: H };
}

/**
 * Thin-pen strokes (a fine pen in a big photo, a thin canvas brush) become faint sub-pixel
 * lines at 20x20; MNIST strokes are ~2-3 px there. Thickens them to a MNIST-like width.
 */
export function normalizeStroke(
  pixels: Uint8Array,
  width: number,
  height: number,
): { pixels: Uint8Array; width: number; height: number } {
  const longer = Math.max(width, height);
  const sw = strokeWidth(pixels, width, height);
  if (sw <= 0 || sw >= MIN_STROKE_RATIO * longer) return { pixels, width, height };
  const r = Math.ceil((TARGET_STROKE_RATIO * longer - sw) / 2);
  return r > 0 ? thicken(pixels, width, height, r) : { pixels, width, height };
}

/**
 * @param pixels crop, width*height, 0..255 (255 = ink)
 * @returns 784 floats, ink 1.0 on 0.0
 */
export function normalizeDigit(
  crop: Uint8Array,
  cropWidth: number,
  cropHeight: number,
): Float32Array {
  const out = new Float32Array(MNIST_SIZE * MNIST_SIZE);
  if (cropWidth <= 0 || cropHeight <= 0 || crop.length < cropWidth * cropHeight) return out;
  const { pixels, width, height } = normalizeStroke(crop, cropWidth, cropHeight);
  const src = new Float32Array(width * height);
  for (let i = 0; i < src.length; i++) src[i] = pixels[i]! / 255;
  const scale = MNIST_BOX / Math.max(width, height);
  const dw = Math.max(1, Math.min(MNIST_BOX, Math.round(width * scale)));
  const dh = Math.max(1, Math.min(MNIST_BOX, Math.round(height * scale)));
  const fitted = areaResize(src, width, height, dw, dh);
  const com = centreOfMass(fitted, dw, dh);
  const centre = MNIST_SIZE / 2;
  // Integer shift (as MNIST did), clamped so the whole digit stays inside the 28x28 field.
  const ox = Math.min(MNIST_SIZE - dw, Math.max(0, Math.round(centre - com.x)));
  const oy = Math.min(MNIST_SIZE - dh, Math.max(0, Math.round(centre - com.y)));
  for (let y = 0; y < dh; y++) {
    for (let x = 0; x < dw; x++) {
      out[(y + oy) * MNIST_SIZE + x + ox] = Math.min(1, fitted[y * dw + x]!);
    }
  }
  return out;
}
