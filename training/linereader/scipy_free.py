"""Binary morphology in numpy (no SciPy dependency): enough for restroking font glyphs."""

from __future__ import annotations

import numpy as np


def _shift_min(a: np.ndarray) -> np.ndarray:
    """4-neighbour erosion of a boolean image."""
    p = np.pad(a, 1)
    return p[1:-1, 1:-1] & p[:-2, 1:-1] & p[2:, 1:-1] & p[1:-1, :-2] & p[1:-1, 2:]


def erode_to_core(a: np.ndarray, keep: float = 0.25) -> np.ndarray:
    """Erodes until at most `keep` of the ink is left (never to nothing): a thin core along the
    glyph's strokes, a cheap stand-in for a skeleton."""
    total = int(a.sum())
    cur = a
    while True:
        nxt = _shift_min(cur)
        if nxt.sum() < max(1, total * 0.05) or cur.sum() <= total * keep:
            return cur
        cur = nxt


def dilate_disk(a: np.ndarray, r: float) -> np.ndarray:
    """Dilation by a disk of radius r (px)."""
    k = int(np.ceil(r))
    out = np.zeros_like(a)
    p = np.pad(a, k)
    h, w = a.shape
    for dy in range(-k, k + 1):
        for dx in range(-k, k + 1):
            if dy * dy + dx * dx <= r * r + 1e-6:
                out |= p[k + dy : k + dy + h, k + dx : k + dx + w]
    return out
