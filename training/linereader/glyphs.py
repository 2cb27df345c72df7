"""Ink pieces that are not UNIPEN recordings: separators drawn as pen strokes, letters and
symbols from fonts redrawn with a pen, scribbles and shapes. All float32 ink in [0,1], drawn
for a nominal digit height D (px)."""

from __future__ import annotations

import glob
import math

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from .scipy_free import dilate_disk, thin
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
    """A word in a random DejaVu face, bent by a smooth random warp as a hand bends it, thinned
    to its centre line and redrawn with the pen: letters with the handwriting's stroke width
    and unbroken strokes, not the font's outlines."""
    font = ImageFont.truetype(FONTS[rng.integers(len(FONTS))], int(d * 1.3))
    left, top, right, bottom = font.getbbox(text)
    img = Image.new('L', (right - left + 8, bottom - top + 8), 0)
    ImageDraw.Draw(img).text((4 - left, 4 - top), text, fill=255, font=font)
    a = np.asarray(img, dtype=np.float32) / 255.0
    a = _warp(a, d * rng.uniform(0.0, 0.06), d * rng.uniform(0.4, 1.0), rng)
    a = _restroke(a, pen)
    shear = rng.uniform(-0.3, 0.3)
    return _shear(a, shear)


def _warp(a: np.ndarray, amp: float, cell: float, rng: np.random.Generator) -> np.ndarray:
    """Bilinear resampling along a smooth random displacement field of about `amp` px."""
    if amp < 0.5:
        return a
    h, w = a.shape

    def field() -> np.ndarray:
        gh, gw = int(h / cell) + 2, int(w / cell) + 2
        grid = Image.fromarray(((rng.random((gh, gw)) * 255)).astype(np.uint8))
        f = np.asarray(grid.resize((w, h), Image.BICUBIC), dtype=np.float32) / 255.0
        return (f - 0.5) * 2 * amp

    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    y = np.clip(yy + field(), 0, h - 1.001)
    x = np.clip(xx + field(), 0, w - 1.001)
    y0, x0 = y.astype(int), x.astype(int)
    fy, fx = y - y0, x - x0
    return (
        a[y0, x0] * (1 - fy) * (1 - fx)
        + a[y0, x0 + 1] * (1 - fy) * fx
        + a[y0 + 1, x0] * fy * (1 - fx)
        + a[y0 + 1, x0 + 1] * fy * fx
    )


def _restroke(a: np.ndarray, pen: float) -> np.ndarray:
    """The glyphs' centre lines (thinning keeps them connected), grown to the pen width."""
    core = thin(a > 0.5)
    return dilate_disk(core, pen / 2).astype(np.float32)


def _shear(a: np.ndarray, s: float) -> np.ndarray:
    h, w = a.shape
    extra = int(abs(s) * h) + 1
    img = Image.fromarray((a * 255).astype(np.uint8))
    out = img.transform((w + extra, h), Image.AFFINE, (1, s, -extra if s > 0 else 0, 0, 1, 0), resample=Image.BILINEAR)
    return np.asarray(out, dtype=np.float32) / 255.0


def _shape(kind: int, d: float, w: float, rng: np.random.Generator) -> list[np.ndarray]:
    """Strokes of one drawn shape, about d tall and w wide (units: px)."""
    j = lambda n, s=0.03: rng.normal(0, d * s, (n, 2))  # noqa: E731
    if kind == 0:  # box
        return [np.array([[0, 0], [w, 0], [w, d], [0, d], [0, 0]]) + j(5)]
    if kind == 1:  # triangle
        return [np.array([[0, d], [w / 2, 0], [w, d], [0, d]]) + j(4)]
    if kind == 2:  # cross or star
        k = rng.integers(2, 5)
        out = []
        for i in range(k):
            a = math.pi * i / k + rng.uniform(-0.2, 0.2)
            c, s = math.cos(a) * d / 2, math.sin(a) * d / 2
            out.append(np.array([[d / 2 - c, d / 2 - s], [d / 2 + c, d / 2 + s]]))
        return out
    if kind == 3:  # wave
        t = np.linspace(0, 1, 60)
        f = rng.uniform(1.5, 4)
        return [np.stack([t * w, d / 2 + np.sin(t * f * 2 * math.pi) * d * rng.uniform(0.15, 0.45)], axis=1)]
    if kind == 4:  # zigzag / hatching
        n = rng.integers(4, 10)
        xs = np.linspace(0, w, n)
        ys = np.where(np.arange(n) % 2 == 0, 0, d) + rng.normal(0, d * 0.05, n)
        return [np.stack([xs, ys], axis=1)]
    if kind == 5:  # spiral of 1.5-3 turns
        t = np.linspace(0, rng.uniform(1.5, 3) * 2 * math.pi, 120)
        r = d / 2 * (0.1 + 0.9 * t / t[-1])
        return [np.stack([d / 2 + r * np.cos(t), d / 2 + r * np.sin(t)], axis=1)]
    if kind == 6:  # a chain of loops, like cursive e's or l's
        n = int(rng.integers(3, 7))
        t = np.linspace(0, n * 2 * math.pi, n * 30)
        tall = rng.uniform(0.3, 1.0)
        x = t / (2 * math.pi) * d * rng.uniform(0.35, 0.6) - np.sin(t) * d * 0.2
        y = d * (1 - tall * (0.5 - 0.5 * np.cos(t)))
        return [np.stack([x, y], axis=1)]
    if kind == 7:  # check mark
        return [np.array([[0, d * 0.55], [d * 0.3, d], [w * 0.8 + d * 0.3, 0]]) + j(3)]
    if kind == 8:  # arrow with a head on both sides
        L = max(w, d)
        head = d * rng.uniform(0.2, 0.4)
        a = rng.uniform(0, 2 * math.pi)
        c, s = math.cos(a), math.sin(a)
        tip = np.array([L * c, L * s])
        back = [tip - head * np.array([math.cos(a + q), math.sin(a + q)]) for q in (0.5, -0.5)]
        return [np.array([[0, 0], tip]), np.array([back[0], tip, back[1]])]
    if kind == 9:  # circle or ellipse, closed or nearly
        t = np.linspace(0, 2 * math.pi * rng.uniform(0.95, 1.15), 80)
        return [np.stack([w / 2 * (1 + np.cos(t)), d / 2 * (1 + np.sin(t))], axis=1) + j(80, 0.01)]
    if kind == 10:  # heart
        t = np.linspace(0, 2 * math.pi, 100)
        x = 16 * np.sin(t) ** 3
        y = -(13 * np.cos(t) - 5 * np.cos(2 * t) - 2 * np.cos(3 * t) - np.cos(4 * t))
        return [np.stack([x, y], axis=1) * d / 32]
    # dense scrawl: a long smooth random walk, like crossing something out
    n = rng.integers(10, 40)
    pts = np.cumsum(rng.normal(0, d * 0.25, size=(n, 2)), axis=0)
    t = np.linspace(0, 1, n * 6)
    return [np.stack([np.interp(t, np.linspace(0, 1, n), pts[:, k]) for k in range(2)], axis=1)]


SHAPES = 12


def scribble(d: float, pen: float, rng: np.random.Generator) -> np.ndarray:
    """A random scrawl or a drawn shape (box, triangle, cross, star, wave, zigzag, spiral,
    loops, check mark, arrow, circle, heart), sometimes with a heavy pen."""
    w = d * rng.uniform(0.8, 2.5)
    strokes = _shape(int(rng.integers(SHAPES)), d, w, rng)
    if rng.random() < 0.2:
        pen *= rng.uniform(1.5, 3.0)
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
