#!/usr/bin/env python3
"""Digit Lens pair check: is a crop one digit, or two digits side by side or one over the other?

Segmentation cannot always tell a wide digit (a flat 0, a 4 with a long bar) from two digits
that touch, nor a digit drawn in two strokes (a 5 whose bar floats above it) from two digits.
When an image yields exactly two digits (in one line, or one over the other), the engine shows
this small CNN the two as one crop, normalised exactly like a digit, and keeps them apart only
if it says "two". The digit model's contract ([N,10]) stays as it is.

    npm run train:pair                 # -> public/model/pair + training/fixtures/pair-parity.json
    npm run train:pair -- --smoke      # tiny run into a temp dir + tfjs load check (CI)

Training data come from the MNIST train split only (same validation hold-out as train.py):
  one   = a digit: plain, redrawn canvas-style (its skeleton traced with a round pen), or
          redrawn 1.3-2.2x wider, so that width alone never means "two";
  two   = two digits (both plain or both canvas-style) side by side, from overlapping by a
          fifth of their height to a gap of 0.6 heights, with a little vertical offset; or one
          under the other (-0.05 to 0.8 heights apart).
Both are binarised and fitted like the app's crops (box into 20x20 keeping aspect, centre of
mass at the centre). Output: [N,2] softmax (one, two), temperature-calibrated on validation.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import sys
import tempfile
import time

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from export_tfjs import export_tfjs, fold_model  # noqa: E402
from train import (  # noqa: E402
    MNIST_DIR,
    draw_pen,
    zhang_suen,
    ROOT,
    DataError,
    Net,
    augment,
    canvas_style,
    ece_score,
    fit_binary,
    fit_temperature,
    load_mnist,
    predict_logits,
    set_seed,
    to_tensor,
    _u,
    arch_text,
    smoke_check,
    validation_split,
)

PAIR_ARCH = [(24, True), (48, False), (48, True), (96, False)]
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
        thr = _u(n, 0.35, 0.55, g).view(n, 1, 1, 1)
        radius = torch.round(_u(n, 1.6, 8.4, g) * 4) / 4
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
    thr = _u(n, 0.3, 0.55, g).view(n, 1, 1, 1)
    return fit_binary((big > thr).float(), g, torch.zeros(n, 1, 28, 28))


def compose_pairs(a: torch.Tensor, b: torch.Tensor, stacked: torch.Tensor, g: torch.Generator) -> torch.Tensor:
    """The pairs a, b [n,1,28,28] as the app's crops of the two as one: side by side (from
    overlapping by a fifth of their height to 0.6 heights apart, a little vertical offset) or,
    where `stacked`, b under a (-0.05 to 0.8 heights apart, offset sideways by up to 0.3)."""
    n = a.shape[0]
    canvas = torch.zeros(n, CANVAS, CANVAS)
    la, ra, ta, ba = ink_box(a)
    lb, _, tb, bb = ink_box(b)
    side_gap, side_dy = _u(n, -0.2, 0.6, g), _u(n, -0.12, 0.12, g)
    stack_gap, stack_dx = _u(n, -0.05, 0.8, g), _u(n, -0.3, 0.3, g)
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
        """One digit per entry of kind (0 plain, 1 canvas, 2 wide), augmented as train.py does."""
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


def rates(p_two: np.ndarray, y: np.ndarray, merge_below: float) -> dict:
    """What the engine's decision at `merge_below` does on a labelled set."""
    ones, twos = y == 0, y == 1
    return {
        'accuracyAt0.5': float(((p_two >= 0.5) == twos).mean()),
        'mergeBelow': merge_below,
        # a real pair read as one digit (the harm), and a digit still read as two (the miss)
        'pairsMerged': float((p_two[twos] < merge_below).mean()),
        'digitsKeptApart': float((p_two[ones] >= merge_below).mean()),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--epochs', type=int, default=12)
    ap.add_argument('--batch-size', type=int, default=256)
    ap.add_argument('--samples', type=int, default=40000, help='training crops per epoch (half ones, half twos)')
    ap.add_argument('--lr', type=float, default=0.05)
    ap.add_argument('--weight-decay', type=float, default=5e-4)
    ap.add_argument('--seed', type=int, default=20261121)
    ap.add_argument('--val-size', type=int, default=5000, help='the same validation hold-out as train.py')
    ap.add_argument('--canvas-digits', type=int, default=15000, help='training digits also redrawn canvas-style (and as many wider)')
    ap.add_argument('--merge-below', type=float, default=0.2, help='the engine merges when P(two) is below this')
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--out-dir', default=os.path.join(ROOT, 'public', 'model', 'pair'))
    ap.add_argument('--fixture', default=os.path.join(ROOT, 'training', 'fixtures', 'pair-parity.json'))
    ap.add_argument('--data-dir', default=MNIST_DIR)
    ap.add_argument('--smoke', action='store_true', help='CI: a few hundred crops, one epoch, temp dir, tfjs check')
    args = ap.parse_args()

    t_start = time.time()
    torch.set_num_threads(args.threads)
    torch.use_deterministic_algorithms(True, warn_only=True)
    g = set_seed(args.seed + 10)
    tmp_dir = None
    if args.smoke:
        tmp_dir = tempfile.mkdtemp(prefix='digit-lens-pair-smoke-')
        args.out_dir = os.path.join(tmp_dir, 'pair')
        args.fixture = os.path.join(tmp_dir, 'pair-parity.json')
        args.epochs, args.samples, args.canvas_digits, args.batch_size = 1, 512, 64, 64

    try:
        train_img, _ = load_mnist('train', args.data_dir)
        test_img, _ = load_mnist('test', args.data_dir)
    except DataError as e:
        print(f'error: {e}', file=sys.stderr)
        return 2
    val_idx, tr_idx = validation_split(train_img.shape[0], args.seed, args.val_size)
    if args.smoke:
        tr_idx, val_idx, test_img = tr_idx[:600], val_idx[:200], test_img[:200]
    x_tr, x_val, x_te = to_tensor(train_img[tr_idx]), to_tensor(train_img[val_idx]), to_tensor(test_img)

    t0 = time.time()
    pools = make_pools(x_tr, args.canvas_digits, args.seed + 12)
    x_v, y_v = fixed_set(make_pools(x_val, x_val.shape[0] // 2, args.seed + 13), args.val_size, args.seed + 13)
    print(f'data: {x_tr.shape[0]} train digits (+{args.canvas_digits} redrawn canvas-style, +{args.canvas_digits} '
          f'redrawn wider), val {y_v.numel()} crops; prepared in {time.time() - t0:.1f}s', flush=True)

    model = Net(PAIR_ARCH, dropout=0.1, classes=2)
    n_params = sum(p.numel() for p in model.parameters())
    print(f'model: {arch_text(PAIR_ARCH, classes=2)}; {n_params} trainable params', flush=True)
    decay = [p for p in model.parameters() if p.ndim > 1]
    no_decay = [p for p in model.parameters() if p.ndim <= 1]
    opt = torch.optim.SGD(
        [{'params': decay, 'weight_decay': args.weight_decay}, {'params': no_decay, 'weight_decay': 0.0}],
        lr=args.lr, momentum=0.9, nesterov=True,
    )
    steps = math.ceil(args.samples / args.batch_size)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, epochs=args.epochs, steps_per_epoch=steps, pct_start=0.25)
    best = None
    history = []
    for epoch in range(1, args.epochs + 1):
        t0 = time.time()
        model.train()
        tot_loss, tot_n = 0.0, 0
        for _ in range(steps):
            with torch.no_grad():
                xb, yb = make_batch(pools, args.batch_size, g)
            loss = F.cross_entropy(model(xb), yb)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            sched.step()
            tot_loss += loss.item() * yb.numel()
            tot_n += yb.numel()
        lv = predict_logits(model, x_v)
        acc = (lv.argmax(1) == y_v).float().mean().item()
        nll = F.cross_entropy(lv, y_v).item()
        row = {'epoch': epoch, 'train_loss': tot_loss / tot_n, 'val_acc': acc, 'val_nll': nll, 'time_s': time.time() - t0}
        history.append(row)
        if best is None or nll <= best[0]:
            best = (nll, epoch, {k: v.clone() for k, v in model.state_dict().items()})
        print(f"epoch {epoch}/{args.epochs}  loss {row['train_loss']:.4f}  val acc {acc * 100:.2f}%  val nll {nll:.4f}  "
              f"{row['time_s']:.1f}s", flush=True)

    model.load_state_dict(best[2])
    model.eval()
    val_logits = predict_logits(model, x_v)
    T = fit_temperature(val_logits, y_v)
    float16 = True
    folded = fold_model(model, temperature=T, float16=float16)
    files = export_tfjs(folded, args.out_dir, float16=float16, model_name='digit_lens_pair')
    model_bytes = sum(os.path.getsize(os.path.join(args.out_dir, f)) for f in files)
    val_p = folded.predict(x_v).numpy()
    x_t, y_t = fixed_set(make_pools(x_te, x_te.shape[0] // 2, args.seed + 14), x_te.shape[0], args.seed + 14)
    test_p = folded.predict(x_t).numpy()
    val_r = rates(val_p[:, 1], y_v.numpy(), args.merge_below)
    test_r = rates(test_p[:, 1], y_t.numpy(), args.merge_below)
    print(f'selected epoch {best[1]}; T = {T:.4f}; val {val_r}; test {test_r}; '
          f'test ECE {ece_score(test_p, y_t.numpy()) * 100:.2f}%; export {model_bytes} bytes', flush=True)

    fx = torch.cat([x_t[:8], x_t[-8:]])
    fp = folded.predict(fx).numpy()
    fixture = {
        'description': 'Pair check parity: inputs [N,28,28,1] (rows 0-7 one digit, 8-15 two digits, '
        'composed from MNIST test digits) and the softmax (one, two) of the exported network in PyTorch.',
        'shape': [int(fx.shape[0]), 28, 28, 1],
        'labels': [int(v) for v in torch.cat([y_t[:8], y_t[-8:]])],
        'inputs': [[float(v) for v in row] for row in fx.reshape(fx.shape[0], -1).numpy()],
        'probs': [[float(v) for v in row] for row in fp],
        'tolerance': 1e-4,
    }
    os.makedirs(os.path.dirname(args.fixture), exist_ok=True)
    with open(args.fixture, 'w') as f:
        json.dump(fixture, f)
        f.write('\n')
    card = {
        'name': 'digit-lens-pair',
        'architecture': arch_text(PAIR_ARCH, classes=2),
        'input': '[N,28,28,1] float32 in [0,1], ink = 1 on 0: two digits as one crop, normalised like a digit',
        'output': '[N,2] softmax probabilities (one digit, two digits), temperature-calibrated',
        'parameterCount': int(folded.param_count()),
        'files': {f: os.path.getsize(os.path.join(args.out_dir, f)) for f in files},
        'fileBytes': int(model_bytes),
        'temperature': T,
        'validation': val_r,
        'test': {**test_r, 'count': int(y_t.numel()), 'ece15': ece_score(test_p, y_t.numpy())},
        'selectedEpoch': best[1],
        'epochs': args.epochs,
        'seed': args.seed,
        'trainingSeconds': round(sum(r['time_s'] for r in history), 1),
        'totalSeconds': round(time.time() - t_start, 1),
        'date': dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        'command': 'npm run train:pair' + (' -- --smoke' if args.smoke else ''),
        'history': history,
    }
    with open(os.path.join(args.out_dir, 'model-card.json'), 'w') as f:
        json.dump(card, f, indent=2)
        f.write('\n')
    print(f'wrote {args.out_dir} and {args.fixture}; total {time.time() - t_start:.1f}s', flush=True)

    if args.smoke:
        return smoke_check(args.out_dir, args.fixture, tmp_dir, classes=2, name='pair smoke run')
    return 0

if __name__ == '__main__':
    sys.exit(main())
