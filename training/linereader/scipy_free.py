"""Binary morphology in numpy (no SciPy dependency): enough for restroking font glyphs."""

from __future__ import annotations

import numpy as np


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


def _neighbours(a: np.ndarray) -> list[np.ndarray]:
    """P2..P9 of the Zhang-Suen scheme (N, NE, E, SE, S, SW, W, NW) as uint8 images."""
    p = np.pad(a, 1).astype(np.uint8)
    h, w = a.shape
    at = lambda dy, dx: p[1 + dy : 1 + dy + h, 1 + dx : 1 + dx + w]  # noqa: E731
    return [at(-1, 0), at(-1, 1), at(0, 1), at(1, 1), at(1, 0), at(1, -1), at(0, -1), at(-1, -1)]


def thin(a: np.ndarray) -> np.ndarray:
    """Zhang-Suen thinning of a boolean image to a one-pixel skeleton that keeps every stroke
    connected (erosion breaks a glyph's thin joins before its thick stems are thin)."""
    cur = a.astype(bool).copy()
    while True:
        changed = False
        for step in (0, 1):
            n = _neighbours(cur)
            b = sum(n)
            seq = n + [n[0]]
            transitions = sum(((seq[i] == 0) & (seq[i + 1] == 1)).astype(np.uint8) for i in range(8))
            p2, p4, p6, p8 = n[0], n[2], n[4], n[6]
            if step == 0:
                c1, c2 = p2 * p4 * p6, p4 * p6 * p8
            else:
                c1, c2 = p2 * p4 * p8, p2 * p6 * p8
            drop = cur & (b >= 2) & (b <= 6) & (transitions == 1) & (c1 == 0) & (c2 == 0)
            if drop.any():
                cur = cur & ~drop
                changed = True
        if not changed:
            return cur
