"""Ink that is not writing, as a binarised photo leaves it: speckle from sensor noise and paper
texture, outlines of boxes, frames and round objects, irregular blobs, solid shapes and stripes.
The reader learns to read it as '?' so the engine can leave it out instead of calling it a digit.
All float32 ink in [0, 1], about `d` px tall (the nominal digit height)."""

from __future__ import annotations

import math

import numpy as np
from PIL import Image, ImageDraw, ImageFilter


def _speckle(d: float, rng: np.random.Generator) -> np.ndarray:
    """A patch of fine dots: grain, noise or a textured surface thresholded."""
    h = int(d * rng.uniform(0.6, 1.4))
    w = int(h * rng.uniform(0.5, 4.0))
    density = rng.uniform(0.04, 0.4)
    dots = (rng.random((h, w)) < density).astype(np.float32)
    if rng.random() < 0.5:  # dots of 2-3 px
        img = Image.fromarray((dots * 255).astype(np.uint8)).filter(ImageFilter.MaxFilter(3))
        dots = np.asarray(img, dtype=np.float32) / 255.0 * (rng.random((h, w)) < 0.5)
    return dots


def _smooth_noise(h: int, w: int, cell: float, rng: np.random.Generator) -> np.ndarray:
    gh, gw = int(h / cell) + 2, int(w / cell) + 2
    grid = Image.fromarray((rng.random((gh, gw)) * 255).astype(np.uint8))
    return np.asarray(grid.resize((w, h), Image.BICUBIC), dtype=np.float32) / 255.0


def _blobs(d: float, rng: np.random.Generator) -> np.ndarray:
    """Irregular solid blobs with gaps: a mottled surface or a shadowed texture thresholded."""
    h = int(d * rng.uniform(0.4, 1.3))
    w = int(d * rng.uniform(0.4, 5.0))
    n = _smooth_noise(h, w, d * rng.uniform(0.08, 0.3), rng)
    return (n > rng.uniform(0.62, 0.8)).astype(np.float32)


def _outline(d: float, rng: np.random.Generator) -> np.ndarray:
    """The edge of a box, a frame, a round object or part of one (what adaptive thresholding
    leaves of a large flat shape): straight or smooth, thin and of even width."""
    h = d * rng.uniform(0.7, 1.3)
    w = h * rng.uniform(0.3, 4.0)
    ss = 3
    pad = 4
    img = Image.new('L', (int((w + 2 * pad) * ss), int((h + 2 * pad) * ss)), 0)
    draw = ImageDraw.Draw(img)
    t = max(1, int(round(h * rng.uniform(0.015, 0.06) * ss)))
    j = h * 0.04
    corners = [(0, 0), (w, 0), (w, h), (0, h)]
    pts = [((x + pad + rng.uniform(-j, j)) * ss, (y + pad + rng.uniform(-j, j)) * ss) for x, y in corners]
    kind = rng.integers(5)
    if kind == 0:  # closed quadrilateral
        draw.line(pts + [pts[0]], fill=255, width=t)
    elif kind == 1:  # ellipse
        box = [pad * ss, pad * ss, (w + pad) * ss, (h + pad) * ss]
        draw.ellipse(box, outline=255, width=t)
    elif kind == 2:  # open frame: three sides, or a corner
        k = int(rng.integers(2, 4))
        start = int(rng.integers(4))
        seq = [pts[(start + i) % 4] for i in range(k + 1)]
        draw.line(seq, fill=255, width=t)
    elif kind == 3:  # several boxes side by side (test-card bars, tiles)
        n = int(rng.integers(2, 5))
        bw = w / n
        for i in range(n):
            x0 = (pad + i * bw + bw * 0.1) * ss
            draw.rectangle([x0, pad * ss, x0 + bw * 0.8 * ss, (h + pad) * ss], outline=255, width=t)
    else:  # a long straight edge with a bend (a shelf, a table edge)
        y = (pad + h * rng.uniform(0.2, 0.8)) * ss
        draw.line([(pad * ss, y), ((w + pad) * ss, y + rng.uniform(-h, h) * 0.2 * ss)], fill=255, width=t)
        draw.line([((w + pad) * ss, pad * ss), ((w + pad) * ss, (h + pad) * ss)], fill=255, width=t)
    a = np.asarray(img.resize((int(w + 2 * pad), int(h + 2 * pad)), Image.BOX), dtype=np.float32) / 255.0
    if rng.random() < 0.4:  # grain along the edge
        a = np.maximum(a, (rng.random(a.shape) < 0.01).astype(np.float32))
    return a


def _solid(d: float, rng: np.random.Generator) -> np.ndarray:
    """A filled shape: a dark bar, a block, a round object."""
    h = d * rng.uniform(0.5, 1.3)
    w = h * rng.uniform(0.3, 3.0)
    img = Image.new('L', (int(w) + 2, int(h) + 2), 0)
    draw = ImageDraw.Draw(img)
    if rng.random() < 0.5:
        draw.rectangle([1, 1, w, h], fill=255)
    else:
        draw.ellipse([1, 1, w, h], fill=255)
    a = np.asarray(img, dtype=np.float32) / 255.0
    if rng.random() < 0.5:  # ragged, as thresholding leaves a shaded shape
        a = a * (_smooth_noise(a.shape[0], a.shape[1], d * 0.15, rng) > 0.3)
    return a


def _stripes(d: float, rng: np.random.Generator) -> np.ndarray:
    """Parallel thin lines: a zone plate, fabric, a grille, hatching on a test card."""
    h = int(d * rng.uniform(0.6, 1.3))
    w = int(h * rng.uniform(0.8, 4.0))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    period = rng.uniform(3, 9)
    angle = rng.uniform(-0.4, 0.4)
    chirp = rng.uniform(0, 0.01)
    phase = (xx * math.cos(angle) + yy * math.sin(angle)) * (1 + chirp * xx) / period
    return (np.sin(2 * math.pi * phase) > rng.uniform(0.3, 0.8)).astype(np.float32)


KINDS = (_speckle, _blobs, _outline, _solid, _stripes)


def clutter(d: float, rng: np.random.Generator) -> np.ndarray:
    """One piece of non-writing ink, chosen at random among KINDS."""
    return KINDS[int(rng.integers(len(KINDS)))](d, rng)
