"""Training and validation sets for the line reader, split by writer (UNIPEN) and by the digit
model's validation split (MNIST train), so no validation writer or digit is trained on."""

from __future__ import annotations

import os

import numpy as np

from digitlens.data import load_mnist, validation_split

from . import strokes
from .compose import D, LineComposer, fit_line


class Pool:
    """Lines as uint8 [32, W] with their texts, sorted by width for padding-light batches."""

    def __init__(self, lines: list[np.ndarray], texts: list[str]):
        order = np.argsort([a.shape[1] for a in lines], kind='stable')
        as_u8 = lambda a: a if a.dtype == np.uint8 else np.clip(a * 255 + 0.5, 0, 255).astype(np.uint8)  # noqa: E731
        self.lines = [as_u8(lines[i]) for i in order]
        self.texts = [texts[i] for i in order]

    def __len__(self) -> int:
        return len(self.lines)

    def save(self, path: str) -> None:
        widths = np.array([a.shape[1] for a in self.lines])
        flat = np.concatenate([a.ravel() for a in self.lines])
        np.savez_compressed(path, widths=widths, flat=flat, texts=np.array(self.texts))

    @staticmethod
    def load(path: str) -> 'Pool':
        z = np.load(path)
        flat = z['flat']  # each z[...] access decompresses the array again
        lines, at = [], 0
        for w in z['widths']:
            lines.append(flat[at : at + 32 * w].reshape(32, w).copy())
            at += 32 * w
        return Pool(lines, [str(t) for t in z['texts']])


def cached(path: str | None, make) -> Pool:
    """The pool from `path` when it exists, else made (and saved there when a path is given)."""
    if path and os.path.exists(path):
        return Pool.load(path)
    pool = make()
    if path:
        pool.save(path)
    return pool


def sources(seed: int, val_size: int = 5000):
    x, y = load_mnist('train')
    val_idx, train_idx = validation_split(len(x), seed, val_size)
    digits = strokes.load('digits.json')
    numbers = strokes.load('digit_strings.json')
    split = {
        'train': (
            x[train_idx],
            y[train_idx],
            [s for s in digits if not strokes.is_validation_writer(s.writer)],
            [s for s in numbers if not strokes.is_validation_writer(s.writer)],
        ),
        'val': (
            x[val_idx],
            y[val_idx],
            [s for s in digits if strokes.is_validation_writer(s.writer)],
            [s for s in numbers if strokes.is_validation_writer(s.writer)],
        ),
    }
    return split


def composed(src, n: int, seed: int, negatives: bool = True) -> Pool:
    mx, my, digits, numbers = src
    c = LineComposer(mx, my, digits, numbers, np.random.default_rng(seed), negatives)
    pairs = [c.sample() for _ in range(n)]
    return Pool([p[0] for p in pairs], [p[1] for p in pairs])


def real_numbers(numbers: list[strokes.Sample], seed: int, pens=(0.08, 0.13, 0.18)) -> Pool:
    """Whole real numbers, as written, each drawn with a few pen widths (no other change)."""
    rng = np.random.default_rng(seed)
    lines, texts = [], []
    for s in numbers:
        for pen in pens:
            a = fit_line(strokes.render(s.strokes, D, D * pen, None))
            if a is not None:
                lines.append(a)
                texts.append(s.label)
    del rng
    return Pool(lines, texts)
