/**
 * Zhang-Suen thinning of a binary image to a one-pixel skeleton. Used to redraw MNIST digits
 * as canvas strokes: skeleton -> segments between neighbouring skeleton pixels -> a round brush
 * of constant width, which is what a drawing app produces.
 */
export function zhangSuen(bin: Uint8Array, w: number, h: number): Uint8Array {
  const img = Uint8Array.from(bin, (v) => (v ? 1 : 0));
  const at = (x: number, y: number): number =>
    x < 0 || y < 0 || x >= w || y >= h ? 0 : img[y * w + x]!;
  let changed = true;
  while (changed) {
    changed = false;
    for (let pass = 0; pass < 2; pass++) {
      const remove: number[] = [];
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          if (!img[y * w + x]) continue;
          const p = [
            at(x, y - 1),
            at(x + 1, y - 1),
            at(x + 1, y),
            at(x + 1, y + 1),
            at(x, y + 1),
            at(x - 1, y + 1),
            at(x - 1, y),
            at(x - 1, y - 1),
          ];
          const b = p.reduce((s, v) => s + v, 0);
          if (b < 2 || b > 6) continue;
          let a = 0;
          for (let i = 0; i < 8; i++) if (p[i] === 0 && p[(i + 1) % 8] === 1) a++;
          if (a !== 1) continue;
          const [p2, , p4, , p6, , p8] = p as [
            number,
            number,
            number,
            number,
            number,
            number,
            number,
            number,
          ];
          if (
            pass === 0
              ? p2 * p4 * p6 === 0 && p4 * p6 * p8 === 0
              : p2 * p4 * p8 === 0 && p2 * p6 * p8 === 0
          ) {
            remove.push(y * w + x);
          }
        }
      }
      for (const i of remove) img[i] = 0;
      if (remove.length) changed = true;
    }
  }
  return img;
}

/** Bilinear upscale of a 28x28 MNIST digit by an integer factor, thresholded to 0/1. */
export function upscaleBinary(digit: Uint8Array, factor: number, threshold = 110): Uint8Array {
  const n = 28 * factor;
  const out = new Uint8Array(n * n);
  const at = (u: number, v: number): number =>
    u < 0 || v < 0 || u > 27 || v > 27 ? 0 : digit[v * 28 + u]!;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const u = (x + 0.5) / factor - 0.5;
      const v = (y + 0.5) / factor - 0.5;
      const u0 = Math.floor(u);
      const v0 = Math.floor(v);
      const fu = u - u0;
      const fv = v - v0;
      const val =
        (at(u0, v0) * (1 - fu) + at(u0 + 1, v0) * fu) * (1 - fv) +
        (at(u0, v0 + 1) * (1 - fu) + at(u0 + 1, v0 + 1) * fu) * fv;
      out[y * n + x] = val >= threshold ? 1 : 0;
    }
  }
  return out;
}

/** Skeleton segments (pairs of neighbouring skeleton pixels) in the upscaled grid. */
export function skeletonSegments(skel: Uint8Array, n: number): [number, number, number, number][] {
  const segs: [number, number, number, number][] = [];
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (!skel[y * n + x]) continue;
      let any = false;
      for (const [dx, dy] of [
        [1, 0],
        [0, 1],
        [1, 1],
        [-1, 1],
      ] as const) {
        const xx = x + dx;
        const yy = y + dy;
        if (xx >= 0 && yy >= 0 && xx < n && yy < n && skel[yy * n + xx]) {
          segs.push([x, y, xx, yy]);
          any = true;
        }
      }
      if (!any) segs.push([x, y, x, y]);
    }
  }
  return segs;
}
