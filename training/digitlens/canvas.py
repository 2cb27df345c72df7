"""Canvas-style redraws: a digit's skeleton (Zhang-Suen thinning) traced with a round pen of
constant width, the way a drawing app renders strokes, then fitted like the app's crops."""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F

from .augment import fit_binary, uniform

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
        thr = uniform(n, 0.35, 0.55, g).view(n, 1, 1, 1)
        skel = zhang_suen((up > thr).float())
        for pen in range(pens):
            # pen radius in upscaled px
            radius = torch.round(uniform(n, 1.6, 8.4, g) * 4) / 4
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
