"""Composes training lines: digits from MNIST *train* and from the training writers' UNIPEN
recordings, whole real numbers, separators and non-digit ink, with the geometry of real writing
(touching joins and crossing strokes to wide gaps, baseline drift, size and slant variation),
then fitted exactly as the engine fits a line (src/engine/lineReader/lineImage.ts)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

from . import clutter, glyphs
from .alphabet import INK_HEIGHT, LINE_HEIGHT, PAD_X, WIDTH_STEP
from .strokes import Sample, render

D = 40.0  # nominal digit height while composing (px)
MAX_WIDTH = 768


@dataclass
class Piece:
    ink: np.ndarray  # float32 [h, w] in [0,1]
    text: str  # what the piece reads as ('' for noise)
    top: float | None = None  # offset from the digit top; None = bottom-aligned like a digit


def fit_line(ink: np.ndarray) -> np.ndarray | None:
    """Ink box -> INK_HEIGHT px tall (area averaging), 2 px above and below, PAD_X each side,
    width rounded up to WIDTH_STEP. None for an inkless image."""
    rows = np.where(ink.max(axis=1) > 0.05)[0]
    cols = np.where(ink.max(axis=0) > 0.05)[0]
    if len(rows) == 0:
        return None
    a = ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    h, w = a.shape
    f = INK_HEIGHT / h
    nw = max(1, int(round(w * f)))
    img = Image.fromarray(np.clip(a * 255, 0, 255).astype(np.uint8)).resize((nw, INK_HEIGHT), Image.BOX)
    width = nw + 2 * PAD_X
    width += (-width) % WIDTH_STEP
    out = np.zeros((LINE_HEIGHT, width), dtype=np.float32)
    top = (LINE_HEIGHT - INK_HEIGHT) // 2
    out[top : top + INK_HEIGHT, PAD_X : PAD_X + nw] = np.asarray(img, dtype=np.float32) / 255.0
    return out


def _crop_ink(a: np.ndarray) -> np.ndarray:
    rows = np.where(a.max(axis=1) > 0.05)[0]
    cols = np.where(a.max(axis=0) > 0.05)[0]
    if len(rows) == 0:
        return a[:1, :1]
    return a[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]


def _resize_h(a: np.ndarray, h: float) -> np.ndarray:
    f = h / a.shape[0]
    size = (max(1, int(round(a.shape[1] * f))), max(1, int(round(h))))
    img = Image.fromarray(np.clip(a * 255, 0, 255).astype(np.uint8)).resize(size, Image.BILINEAR)
    return np.asarray(img, dtype=np.float32) / 255.0


class LineComposer:
    def __init__(
        self,
        mnist_x: np.ndarray,
        mnist_y: np.ndarray,
        digits: list[Sample],
        strings: list[Sample],
        rng: np.random.Generator,
        negatives: bool = True,
    ):
        self.mx = mnist_x
        self.my = mnist_y
        self.digits = digits
        self.strings = strings
        self.rng = rng
        self.negatives = negatives
        self.by_label = {str(k): [i for i, s in enumerate(digits) if s.label == str(k)] for k in range(10)}

    # -- pieces ---------------------------------------------------------------------------
    def pen(self) -> float:
        return D * float(self.rng.uniform(0.07, 0.2))

    def digit(self, label: int, pen: float) -> Piece:
        rng = self.rng
        h = D * rng.uniform(0.85, 1.1)
        pool = self.by_label.get(str(label)) or []
        if pool and rng.random() < 0.55:
            s = self.digits[pool[rng.integers(len(pool))]]
            return Piece(render(s.strokes, h, pen, rng), str(label))
        idx = np.where(self.my == label)[0]
        a = self.mx[idx[rng.integers(len(idx))]].astype(np.float32) / 255.0
        return Piece(_resize_h(_crop_ink(a), h), str(label))

    def pieces(self) -> list[Piece]:
        rng = self.rng
        pen = self.pen()
        r = rng.random()
        if self.strings and r < 0.22:
            s = self.strings[rng.integers(len(self.strings))]
            out = [Piece(render(s.strokes, D * rng.uniform(0.9, 1.1), pen, rng), s.label)]
            if rng.random() < 0.3:
                out += [self.digit(int(rng.integers(10)), pen) for _ in range(rng.integers(1, 4))]
            return out
        if self.negatives and r < 0.31:
            return self.negative_line(pen)
        if self.negatives and r < 0.39:
            return [self.clutter() for _ in range(rng.integers(1, 4))]
        n = int(rng.choice([1, 1, 2, 2, 3, 3, 4, 5, 6, 7, 8, 9, 10]))
        labels = [int(rng.integers(10)) for _ in range(n)]
        out = [self.digit(k, pen) for k in labels]
        if rng.random() < 0.3 and n >= 2:
            out = self.with_separators(out, pen)
        if self.negatives and rng.random() < 0.18:
            # A label before a number ("Total: 42", "Tel 433-6312") or a word among digits.
            at = 0 if rng.random() < 0.6 else int(rng.integers(len(out) + 1))
            if at == 0 and rng.random() < 0.4:
                ink, top = glyphs.separator(':', D, pen, rng)
                out.insert(0, Piece(ink, ':', top))
            out.insert(at, self.word(pen))
        if self.negatives and rng.random() < 0.04:
            out.insert(int(rng.integers(len(out) + 1)), self.clutter())
        return out

    def with_separators(self, digits: list[Piece], pen: float) -> list[Piece]:
        rng = self.rng
        ch = glyphs.SEPARATORS_WEIGHTED[rng.integers(len(glyphs.SEPARATORS_WEIGHTED))]
        n = len(digits)
        k = int(rng.integers(1, min(3, n - 1) + 1))
        at = sorted(rng.choice(np.arange(1, n), size=k, replace=False).tolist())
        out: list[Piece] = []
        for i, p in enumerate(digits):
            if i in at:
                ink, top = glyphs.separator(ch, D, pen, rng)
                out.append(Piece(ink, ch, top))
            out.append(p)
        return out

    def word(self, pen: float) -> Piece:
        text = glyphs.random_word(self.rng)
        ink = glyphs.font_text(text, D, pen, self.rng)
        return Piece(_resize_h(_crop_ink(ink), D * self.rng.uniform(0.7, 1.1)), '?' * len(text))

    def negative_line(self, pen: float) -> list[Piece]:
        rng = self.rng
        if rng.random() < 0.5:
            ink = _crop_ink(glyphs.scribble(D, pen, rng))
            n = max(1, int(round(ink.shape[1] / D)))
            return [Piece(ink, '?' * n)]
        return [self.word(pen) for _ in range(rng.integers(1, 3))]

    def clutter(self) -> Piece:
        ink = _crop_ink(clutter.clutter(D, self.rng))
        return Piece(ink, '?' * max(1, int(round(ink.shape[1] / D))))

    # -- layout ---------------------------------------------------------------------------
    def gap(self) -> float:
        r = self.rng.random()
        if r < 0.35:
            return D * self.rng.uniform(-0.3, 0.03)  # touching or crossing strokes
        if r < 0.85:
            return D * self.rng.uniform(0.03, 0.35)
        return D * self.rng.uniform(0.35, 1.0)

    def layout(self, pieces: list[Piece]) -> np.ndarray:
        rng = self.rng
        H = int(D * 3)
        total = int(sum(p.ink.shape[1] for p in pieces) + D * (len(pieces) + 2))
        canvas = np.zeros((H, total), dtype=np.float32)
        x = D * 0.5
        base = D * 2.0
        drift = 0.0
        slope = rng.uniform(-0.08, 0.08)
        for i, p in enumerate(pieces):
            if i:
                x += self.gap()
            drift = float(np.clip(drift + rng.normal(0, D * 0.04), -D * 0.25, D * 0.25))
            h, w = p.ink.shape
            line_base = base + drift + slope * x
            y = line_base - D + p.top if p.top is not None else line_base - h
            xi = int(round(max(0.0, x)))
            yi = int(round(np.clip(y, 0, H - h)))
            w = min(w, total - xi)
            region = canvas[yi : yi + h, xi : xi + w]
            np.maximum(region, p.ink[: region.shape[0], :w], out=region)
            x = xi + p.ink.shape[1]
        return canvas

    def style(self, a: np.ndarray) -> np.ndarray:
        """Ink level and softness: pens press lighter or darker, photos blur."""
        rng = self.rng
        if rng.random() < 0.3:
            img = Image.fromarray((a * 255).astype(np.uint8))
            from PIL import ImageFilter

            a = np.asarray(img.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 1.5))), dtype=np.float32) / 255
            a = np.clip(a * rng.uniform(1.0, 1.6), 0, 1)
        if rng.random() < 0.3:
            a = a * rng.uniform(0.6, 1.0)
        return a

    def sample(self) -> tuple[np.ndarray, str]:
        """One fitted line [32, W] and its text; retries until the line fits MAX_WIDTH."""
        while True:
            pieces = self.pieces()
            text = ''.join(p.text for p in pieces)
            line = fit_line(self.style(self.layout(pieces)))
            if line is not None and line.shape[1] <= MAX_WIDTH and text:
                return line, text
