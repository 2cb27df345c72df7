"""The pair check's crops, made per batch from MNIST digits: "one" = a digit (plain, redrawn
canvas-style, or redrawn wider so that width alone never means "two"); "two" = two digits side
by side or one over the other. Both are fitted like the app's crops (box into 20x20 keeping
aspect, centre of mass at the centre)."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from .augment import augment, fit_binary, uniform
from .canvas import canvas_style, draw_pen, zhang_suen

CANVAS = 96  # square composition canvas: two digits side by side or stacked fit with room to spare
STACKED_SHARE = 0.3  # of the twos: one digit written under the other


def ink_box(x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """First/last ink column and row of each digit [n,1,28,28] (threshold 0.3)."""
    ink = x[:, 0] > 0.3
    idx = torch.arange(28)
    cols, rows = ink.any(dim=1), ink.any(dim=2)

    def first(m: torch.Tensor) -> torch.Tensor:
        return torch.where(m, idx, torch.full_like(idx, 28)).amin(dim=1).clamp(max=27)

    def last(m: torch.Tensor) -> torch.Tensor:
        return torch.where(m, idx, torch.full_like(idx, -1)).amax(dim=1).clamp(min=0)

    return first(cols), last(cols), first(rows), last(rows)


def paste(canvas: torch.Tensor, img: torch.Tensor, ox: int, oy: int) -> None:
    """Max-blends img [28,28] into canvas [S,S] with its corner at (ox, oy), clipped."""
    S = canvas.shape[0]
    x0, x1, y0, y1 = max(0, ox), min(S, ox + 28), max(0, oy), min(S, oy + 28)
    if x0 < x1 and y0 < y1:
        region = img[y0 - oy : y1 - oy, x0 - ox : x1 - ox]
        canvas[y0:y1, x0:x1] = torch.maximum(canvas[y0:y1, x0:x1], region)


def canvas_style_wide(x: torch.Tensor, g: torch.Generator, chunk: int = 500) -> torch.Tensor:
    """Digits [n,1,28,28] drawn 1.3-2.2x wider with a drawing app's round pen (the skeleton of
    the widened digit traced at constant width), fitted as the app fits a crop. A wide digit's
    strokes are as thin as a narrow one's: stretching the pixels instead would fatten its
    vertical strokes, a cue that real wide digits do not have."""
    out = torch.empty_like(x)
    for start in range(0, x.shape[0], chunk):
        part = x[start : start + chunk]
        n = part.shape[0]
        factor = torch.tensor([1.3, 1.6, 1.9, 2.2])[torch.randint(4, (n,), generator=g)]
        thr = uniform(n, 0.35, 0.55, g).view(n, 1, 1, 1)
        radius = torch.round(uniform(n, 1.6, 8.4, g) * 4) / 4
        for f in torch.unique(factor).tolist():
            sel = torch.nonzero(factor == f).flatten()
            w = int(round(112 * f))
            up = F.interpolate(part[sel], size=(112, w), mode='bilinear', align_corners=False)
            drawn = draw_pen(zhang_suen((up > thr[sel]).float()), radius[sel])
            square = torch.zeros(sel.numel(), 1, w, w)
            top = (w - 112) // 2
            square[:, :, top : top + 112] = drawn
            out[start + sel] = fit_binary(square, g, part[sel])
    return out


def fit_canvas(canvas: torch.Tensor, g: torch.Generator, up: int = 3) -> torch.Tensor:
    """Compositions [n,S,S] -> the app's 28x28 crops: upsampled `up` times first (the app cuts
    crops from images far larger than 28 px, so every crop is an anti-aliased downscale; fitting
    a single digit from 28 px would leave it crisper than a pair, a cue real crops lack), then
    binarised, boxed into 20x20 keeping aspect, centred by centre of mass."""
    n = canvas.shape[0]
    big = F.interpolate(canvas.unsqueeze(1), scale_factor=up, mode='bilinear', align_corners=False)
    thr = uniform(n, 0.3, 0.55, g).view(n, 1, 1, 1)
    return fit_binary((big > thr).float(), g, torch.zeros(n, 1, 28, 28))


def compose_pairs(a: torch.Tensor, b: torch.Tensor, stacked: torch.Tensor, g: torch.Generator) -> torch.Tensor:
    """The pairs a, b [n,1,28,28] as the app's crops of the two as one: side by side (from
    overlapping by a fifth of their height to 0.6 heights apart, a little vertical offset) or,
    where `stacked`, b under a (-0.05 to 0.8 heights apart, offset sideways by up to 0.3)."""
    n = a.shape[0]
    canvas = torch.zeros(n, CANVAS, CANVAS)
    la, ra, ta, ba = ink_box(a)
    lb, _, tb, bb = ink_box(b)
    side_gap, side_dy = uniform(n, -0.2, 0.6, g), uniform(n, -0.12, 0.12, g)
    stack_gap, stack_dx = uniform(n, -0.05, 0.8, g), uniform(n, -0.3, 0.3, g)
    for i in range(n):
        h = float(max(ba[i] - ta[i], bb[i] - tb[i]) + 1)
        if bool(stacked[i]):
            ox_a, oy_a = 34, 4 - int(ta[i])
            ox_b = ox_a + int(round(float(stack_dx[i]) * h))
            oy_b = oy_a + int(ba[i]) + 1 + int(round(float(stack_gap[i]) * h)) - int(tb[i])
        else:
            ox_a, oy_a = 4 - int(la[i]), 34
            ox_b = ox_a + int(ra[i]) + 1 + int(round(float(side_gap[i]) * h)) - int(lb[i])
            oy_b = oy_a + int(round(float(side_dy[i]) * h))
        paste(canvas[i], a[i, 0], ox_a, oy_a)
        paste(canvas[i], b[i, 0], ox_b, oy_b)
    return fit_canvas(canvas, g)


class Pools:
    """Digits to draw crops from: plain MNIST, redrawn canvas-style, and redrawn wider."""

    def __init__(self, plain: torch.Tensor, canvas: torch.Tensor, wide: torch.Tensor):
        self.plain, self.canvas, self.wide = plain, canvas, wide

    def pick(self, kind: torch.Tensor, g: torch.Generator) -> torch.Tensor:
        """One digit per entry of kind (0 plain, 1 canvas, 2 wide), augmented as the digit model's training is."""
        out = torch.empty(kind.numel(), 1, 28, 28)
        for k, pool in enumerate((self.plain, self.canvas, self.wide)):
            sel = torch.nonzero(kind == k).flatten()
            if sel.numel():
                out[sel] = pool[torch.randint(pool.shape[0], (sel.numel(),), generator=g)]
        return augment(out, g, 1.0, refit=kind > 0)


def make_batch(pools: Pools, n: int, g: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Half ones (40% plain, 30% canvas-style, 30% wide), half twos (plain or canvas-style pairs,
    side by side or stacked)."""
    half = n // 2
    u = torch.rand(half, generator=g)
    ones = pools.pick((u >= 0.4).long() + (u >= 0.7).long(), g)
    pair_kind = (torch.rand(n - half, generator=g) < 0.5).long()
    a = pools.pick(pair_kind, g)
    b = pools.pick(pair_kind, g)
    # A pair fitted into 20 px is drawn at about half scale, so its strokes come out thinner than
    # a digit's; bolder pairs and random stroke widths on both keep width from telling them apart.
    bold = (torch.rand(n - half, generator=g) < 0.5).view(-1, 1, 1, 1)
    a = torch.where(bold, F.max_pool2d(a, 3, 1, 1), a)
    b = torch.where(bold, F.max_pool2d(b, 3, 1, 1), b)
    stacked = torch.rand(n - half, generator=g) < STACKED_SHARE
    x = restroke(torch.cat([fit_canvas(ones_canvas(ones), g), compose_pairs(a, b, stacked, g)]), g)
    y = torch.cat([torch.zeros(half, dtype=torch.int64), torch.ones(n - half, dtype=torch.int64)])
    return x, y


def restroke(x: torch.Tensor, g: torch.Generator) -> torch.Tensor:
    """Random stroke width on fitted crops [n,1,28,28]: a third bolder, a third thinner."""
    n = x.shape[0]
    mode = torch.rand(n, generator=g).view(n, 1, 1, 1)
    amt = torch.rand(n, generator=g).view(n, 1, 1, 1)
    bolder = x + amt * (F.max_pool2d(x, 3, 1, 1) - x)
    thinner = ((x - 0.5 * amt) / (1 - 0.5 * amt)).clamp(min=0.0)
    return torch.where(mode < 1 / 3, bolder, torch.where(mode < 2 / 3, thinner, x))


def ones_canvas(x: torch.Tensor) -> torch.Tensor:
    """Single digits [n,1,28,28] on the composition canvas [n,S,S] (so they are fitted alike)."""
    canvas = torch.zeros(x.shape[0], CANVAS, CANVAS)
    canvas[:, 34:62, 34:62] = x[:, 0]
    return canvas


def make_pools(x: torch.Tensor, canvas_n: int, seed: int) -> Pools:
    g = torch.Generator()
    g.manual_seed(seed)
    return Pools(x, canvas_style(x[:canvas_n], g)[0], canvas_style_wide(x[-canvas_n:], g))


def fixed_set(pools: Pools, n: int, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """A deterministic evaluation set of n crops (as many ones as twos)."""
    g = torch.Generator()
    g.manual_seed(seed)
    xs, ys = zip(*(make_batch(pools, min(500, n - i), g) for i in range(0, n, 500)))
    return torch.cat(xs), torch.cat(ys)
