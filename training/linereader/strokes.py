"""Real pen recordings (UNIPEN, ../shared/data/unipen) rendered as ink, split by writer."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
UNIPEN_DIR = os.path.join(os.path.dirname(ROOT), 'shared', 'data', 'unipen')


@dataclass
class Sample:
    label: str
    writer: str
    strokes: list[np.ndarray]  # each [n, 2] float (x, y), y down


def load(name: str, data_dir: str = UNIPEN_DIR) -> list[Sample]:
    """digits.json or digit_strings.json; [] when the data folder is absent (CI smoke runs)."""
    path = os.path.join(data_dir, name)
    if not os.path.exists(path):
        return []
    with open(path) as f:
        raw = json.load(f)['samples']
    out = []
    for s in raw:
        strokes = [np.asarray(st, dtype=np.float64).reshape(-1, 2) for st in s['strokes'] if len(st)]
        if strokes:
            out.append(Sample(str(s['label']), str(s['writer']), strokes))
    return out


def is_validation_writer(writer: str, fraction: float = 0.25) -> bool:
    """A stable split by writer: the same writer is on the same side in every file and run (the
    engine's evaluation uses the same rule, src/node/evalset/unipen.ts)."""
    h = int(hashlib.sha1(writer.encode()).hexdigest()[:8], 16)
    return (h % 1000) < fraction * 1000


def robust_box(strokes: list[np.ndarray]) -> tuple[float, float, float, float]:
    """2nd-98th percentile box (tablet glitches put a point far off the ink), widened to hold
    every point within 25% of the box size of it."""
    pts = np.concatenate(strokes)
    lo = np.percentile(pts, 2, axis=0)
    hi = np.percentile(pts, 98, axis=0)
    span = np.maximum(hi - lo, 1e-6)
    keep = np.all((pts >= lo - 0.25 * span) & (pts <= hi + 0.25 * span), axis=1)
    pts = pts[keep]
    return float(pts[:, 0].min()), float(pts[:, 1].min()), float(pts[:, 0].max()), float(pts[:, 1].max())


def drop_glitches(strokes: list[np.ndarray]) -> list[np.ndarray]:
    """Points outside the robust box (widened by 10%) are tablet glitches: drawn, they become a
    long stray line."""
    x0, y0, x1, y1 = robust_box(strokes)
    mx, my = 0.1 * (x1 - x0) + 1e-6, 0.1 * (y1 - y0) + 1e-6
    out = []
    for st in strokes:
        ok = (st[:, 0] >= x0 - mx) & (st[:, 0] <= x1 + mx) & (st[:, 1] >= y0 - my) & (st[:, 1] <= y1 + my)
        if ok.any():
            out.append(st[ok])
    return out or strokes


def render(
    strokes: list[np.ndarray],
    height: float,
    pen: float,
    rng: np.random.Generator | None = None,
    supersample: int = 2,
) -> np.ndarray:
    """Draws strokes with a round pen so the ink box is `height` px tall; pen = pen diameter
    in px. Optional rng: a small random affine (slant, aspect). Returns float32 ink in [0,1]."""
    strokes = drop_glitches(strokes)
    x0, y0, x1, y1 = robust_box(strokes)
    h = max(y1 - y0, 1e-6)
    a = np.eye(2)
    if rng is not None:
        shear = rng.uniform(-0.25, 0.25)
        aspect = rng.uniform(0.8, 1.2)
        a = np.array([[aspect, shear], [0.0, 1.0]])
    s = height / h
    pts_all = [((st - [x0, y0]) * s) @ a.T for st in strokes]
    cat = np.concatenate(pts_all)
    minx = cat[:, 0].min()
    off = np.array([-minx + pen, pen])
    width_px = int(np.ceil((cat[:, 0].max() - minx) + 2 * pen)) + 1
    height_px = int(np.ceil(height + 2 * pen)) + 1
    ss = supersample
    img = Image.new('L', (width_px * ss, height_px * ss), 0)
    draw = ImageDraw.Draw(img)
    r = pen * ss / 2
    for pts in pts_all:
        p = (pts + off) * ss
        keep = np.all(np.abs(p) < 1e5, axis=1)
        p = p[keep]
        if len(p) == 0:
            continue
        if len(p) > 1:
            draw.line([tuple(q) for q in p], fill=255, width=max(1, int(round(2 * r))), joint='curve')
        for q in p[[0, -1]] if len(p) > 1 else p:
            draw.ellipse([q[0] - r, q[1] - r, q[0] + r, q[1] + r], fill=255)
    img = img.resize((width_px, height_px), Image.BOX)
    return np.asarray(img, dtype=np.float32) / 255.0
