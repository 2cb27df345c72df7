"""Ink pieces that are not UNIPEN recordings: separators drawn as pen strokes, letters and
symbols from fonts redrawn with a pen, scribbles and shapes. All float32 ink in [0,1], drawn
for a nominal digit height D (px)."""

from __future__ import annotations

import glob
import math

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from .scipy_free import dilate_disk, erode_to_core
from .strokes import render

# Letters that look like a digit on their own (O/0, l/1, S/5, Z/2, B/8, G/6, q/9...) appear only
# inside words, never alone, so a lone one is not taught to be "not a digit".
UNAMBIGUOUS = 'ACEFHJKLMNPQRTUVWXYacdefhkmnprtuvwxy+=#%&?!*@$()<>[]'
AMBIGUOUS = 'OoDlIiSsZzBbGgq'
# Dates and prices are common, times and phone numbers less so.
SEPARATORS_WEIGHTED = '..//--:,'
FONTS = sorted(glob.glob('/usr/share/fonts/truetype/dejavu/*.ttf'))


def separator(ch: str, d: float, pen: float, rng: np.random.Generator) -> tuple[np.ndarray, float]:
    """A separator as strokes, with its vertical offset from the digit's top (px). The box it
    is drawn in is the digit's height, so '.' sits on the baseline and '-' in the middle."""
    j = lambda s: rng.uniform(-s, s)  # noqa: E731
    if ch == '.':
        r = max(pen * rng.uniform(0.5, 1.0), 1.0)
        strokes = [np.array([[0, 0], [r * 0.3 + j(0.3), j(0.3)]])]
        top = d * rng.uniform(0.82, 0.95)
        return _draw(strokes, pen * rng.uniform(1.0, 1.6), None), top - pen
    if ch == ',':
        L = d * rng.uniform(0.15, 0.3)
        strokes = [np.array([[0, 0], [-L * 0.15 + j(1), L * 0.5], [-L * 0.45 + j(1), L]])]
        return _draw(strokes, pen, None), d * rng.uniform(0.8, 0.92) - pen
    if ch == '-':
        L = d * rng.uniform(0.3, 0.6)
        strokes = [np.array([[0, j(1)], [L * 0.5, j(1.5)], [L, j(2)]])]
        return _draw(strokes, pen, None), d * rng.uniform(0.4, 0.6) - pen
    if ch == '/':
        hgt = d * rng.uniform(0.85, 1.1)
        lean = hgt * rng.uniform(0.25, 0.55)
        strokes = [np.array([[lean, 0], [lean * 0.5 + j(1), hgt * 0.5], [0, hgt]])]
        return _draw(strokes, pen, None), d * rng.uniform(-0.05, 0.1) - pen
    if ch == ':':
        gap = d * rng.uniform(0.3, 0.5)
        r = max(pen * 0.3, 0.5)
        strokes = [np.array([[0, 0], [r, 0]]), np.array([[j(1), gap], [r + j(1), gap]])]
        return _draw(strokes, pen * rng.uniform(1.0, 1.5), None), d * rng.uniform(0.25, 0.4) - pen
    raise ValueError(ch)


def _draw(strokes: list[np.ndarray], pen: float, rng: np.random.Generator | None) -> np.ndarray:
    """Draws strokes at their own scale (render() scales to a height; separators keep theirs)."""
    pts = np.concatenate(strokes)
    h = max(float(pts[:, 1].max() - pts[:, 1].min()), 1e-3)
    return render(strokes, h, pen, rng)


def font_text(text: str, d: float, pen: float, rng: np.random.Generator) -> np.ndarray:
    """A word in a random DejaVu face, its outline traced back into a pen stroke: the letters
    get the handwriting's stroke width rather than the font's."""
    font = ImageFont.truetype(FONTS[rng.integers(len(FONTS))], int(d * 1.3))
    left, top, right, bottom = font.getbbox(text)
    img = Image.new('L', (right - left + 8, bottom - top + 8), 0)
    ImageDraw.Draw(img).text((4 - left, 4 - top), text, fill=255, font=font)
    a = np.asarray(img, dtype=np.float32) / 255.0
    a = _restroke(a, pen)
    shear = rng.uniform(-0.3, 0.3)
    return _shear(a, shear)


def _restroke(a: np.ndarray, pen: float) -> np.ndarray:
    """Thins glyph ink to a skeleton-ish core by erosion, then grows it to the pen width."""
    core = erode_to_core(a > 0.5)
    return dilate_disk(core, pen / 2).astype(np.float32)


def _shear(a: np.ndarray, s: float) -> np.ndarray:
    h, w = a.shape
    extra = int(abs(s) * h) + 1
    img = Image.fromarray((a * 255).astype(np.uint8))
    out = img.transform((w + extra, h), Image.AFFINE, (1, s, -extra if s > 0 else 0, 0, 1, 0), resample=Image.BILINEAR)
    return np.asarray(out, dtype=np.float32) / 255.0


def scribble(d: float, pen: float, rng: np.random.Generator) -> np.ndarray:
    """A random smooth scrawl or a shape (box, triangle, cross, star, wave, zigzag)."""
    kind = rng.integers(6)
    w = d * rng.uniform(0.8, 2.5)
    if kind == 0:  # smooth random walk
        n = rng.integers(8, 20)
        pts = np.cumsum(rng.normal(0, d * 0.25, size=(n, 2)), axis=0)
        t = np.linspace(0, 1, n * 6)
        pts = np.stack([np.interp(t, np.linspace(0, 1, n), pts[:, k]) for k in range(2)], axis=1)
        strokes = [pts]
    elif kind == 1:  # box
        strokes = [np.array([[0, 0], [w, 0], [w, d], [0, d], [0, 0]]) + rng.normal(0, d * 0.03, (5, 2))]
    elif kind == 2:  # triangle
        strokes = [np.array([[0, d], [w / 2, 0], [w, d], [0, d]]) + rng.normal(0, d * 0.03, (4, 2))]
    elif kind == 3:  # cross or star
        k = rng.integers(2, 5)
        strokes = []
        for i in range(k):
            a = math.pi * i / k + rng.uniform(-0.2, 0.2)
            c, s = math.cos(a) * d / 2, math.sin(a) * d / 2
            strokes.append(np.array([[d / 2 - c, d / 2 - s], [d / 2 + c, d / 2 + s]]))
    elif kind == 4:  # wave
        t = np.linspace(0, 1, 60)
        f = rng.uniform(1.5, 4)
        strokes = [np.stack([t * w, d / 2 + np.sin(t * f * 2 * math.pi) * d * rng.uniform(0.15, 0.45)], axis=1)]
    else:  # zigzag / hatching
        n = rng.integers(4, 10)
        xs = np.linspace(0, w, n)
        ys = np.where(np.arange(n) % 2 == 0, 0, d) + rng.normal(0, d * 0.05, n)
        strokes = [np.stack([xs, ys], axis=1)]
    pts = np.concatenate(strokes)
    h = max(float(pts[:, 1].max() - pts[:, 1].min()), d * 0.3)
    return render(strokes, h, pen, rng)


def random_word(rng: np.random.Generator) -> str:
    n = int(rng.integers(1, 6))
    if n == 1:
        return UNAMBIGUOUS[rng.integers(len(UNAMBIGUOUS))]
    # At least half the letters unambiguous: "lIl" alone is indistinguishable from "111".
    sure = [UNAMBIGUOUS[rng.integers(len(UNAMBIGUOUS))] for _ in range((n + 1) // 2)]
    rest = [AMBIGUOUS[rng.integers(len(AMBIGUOUS))] for _ in range(n - len(sure))]
    letters = sure + rest
    rng.shuffle(letters)
    return ''.join(letters)
