"""Training augmentation of 28x28 digits, vectorised on the CPU and driven by an explicit
torch.Generator so that a seed fixes every draw. It mimics what the app feeds the model:
stroke width, affine and elastic distortion, the app's binarise-and-fit normalisation, blur
and noise."""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F


def uniform(n: int, lo: float, hi: float, g: torch.Generator) -> torch.Tensor:
    """n draws from U(lo, hi) taken from g (every random number here comes from a generator)."""
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
    t = uniform(n, 0.25, 0.65, g) if thr is None else torch.full((n,), float(thr))
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
    jy = uniform(n, -0.6, 0.6, g) / s if jitter else torch.zeros(n)
    jx = uniform(n, -0.6, 0.6, g) / s if jitter else torch.zeros(n)
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
    rot = uniform(B, -15, 15, g) * math.pi / 180 * use_aff
    scale = 1 + uniform(B, -0.15, 0.15, g) * use_aff
    aspect = 1 + uniform(B, -0.1, 0.1, g) * use_aff
    shear = uniform(B, -0.25, 0.25, g) * use_aff
    tx = uniform(B, -2.5, 2.5, g) * use_aff * 2 / 28
    ty = uniform(B, -2.5, 2.5, g) * use_aff * 2 / 28
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
    alpha = uniform(B, 0.0, 1.2, g).view(B, 1, 1, 1) * (2 / 28) * use_el  # up to ~1.2 px RMS
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
    x = x + use_blur * uniform(B, 0.3, 1.0, g).view(B, 1, 1, 1) * (bl - x)
    use_noise = (torch.rand(B, generator=g) < 0.15 * strength).float().view(B, 1, 1, 1)
    sigma = uniform(B, 0.0, 0.08, g).view(B, 1, 1, 1) * use_noise
    x = x + sigma * torch.randn(x.shape, generator=g)
    return x.clamp(0.0, 1.0)
