"""Digit Lens pair check: is a crop one digit, or two digits side by side or one over the other?

Segmentation cannot always tell a wide digit (a flat 0, a 4 with a long bar) from two digits
that touch, nor a digit drawn in two strokes (a 5 whose bar floats above it) from two digits.
When an image yields exactly two digits (in one line, or one over the other), the engine shows
this small CNN the two as one crop, normalised exactly like a digit, and keeps them apart only
if it says "two". The digit model's contract ([N,10]) stays as it is.

    npm run train:pair                 # -> public/model/pair + training/fixtures/pair-parity.json
    npm run train:pair -- --smoke      # tiny run into a temp dir + tfjs load check (CI)

Training data come from the MNIST train split only (same validation hold-out as the digit
model), made by digitlens/pairdata.py. Output: [N,2] softmax (one, two), temperature-calibrated
on validation.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
import time

import numpy as np
import torch
import torch.nn.functional as F

from . import card, parity
from .data import MNIST_DIR, ROOT, DataError, load_mnist, to_tensor, validation_split
from .export import export_tfjs, fold_model
from .loop import SgdOneCycle, configure_torch, set_seed
from .metrics import ece_score, fit_temperature, predict_logits
from .model import Net, arch_text
from .pairdata import fixed_set, make_batch, make_pools
from .smoke import smoke_check

PAIR_ARCH = [(24, True), (48, False), (48, True), (96, False)]
PAIR_DROPOUT = 0.1


def parse_args(argv=None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--epochs', type=int, default=12)
    ap.add_argument('--batch-size', type=int, default=256)
    ap.add_argument('--samples', type=int, default=40000, help='training crops per epoch (half ones, half twos)')
    ap.add_argument('--lr', type=float, default=0.05)
    ap.add_argument('--weight-decay', type=float, default=5e-4)
    ap.add_argument('--seed', type=int, default=20261121)
    ap.add_argument('--val-size', type=int, default=5000, help='the same validation hold-out as the digit model')
    ap.add_argument(
        '--canvas-digits',
        type=int,
        default=15000,
        help='training digits also redrawn canvas-style (and as many wider)',
    )
    ap.add_argument('--merge-below', type=float, default=0.2, help='the engine merges when P(two) is below this')
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--out-dir', default=os.path.join(ROOT, 'public', 'model', 'pair'))
    ap.add_argument('--fixture', default=os.path.join(ROOT, 'training', 'fixtures', 'pair-parity.json'))
    ap.add_argument('--data-dir', default=MNIST_DIR)
    ap.add_argument('--smoke', action='store_true', help='CI: a few hundred crops, one epoch, temp dir, tfjs check')
    return ap.parse_args(argv)


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


def load_digits(args: argparse.Namespace):
    """Train, validation and test digits as tensors (labels are not needed: crops are labelled)."""
    train_img, _ = load_mnist('train', args.data_dir)
    test_img, _ = load_mnist('test', args.data_dir)
    val_idx, tr_idx = validation_split(train_img.shape[0], args.seed, args.val_size)
    if args.smoke:
        tr_idx, val_idx, test_img = tr_idx[:600], val_idx[:200], test_img[:200]
    return to_tensor(train_img[tr_idx]), to_tensor(train_img[val_idx]), to_tensor(test_img)


def train(args, model: Net, opt, sched, pools, val, g: torch.Generator) -> tuple[int, list[dict]]:
    """Every epoch on fresh crops; keeps the weights of the lowest validation NLL in the model.
    Returns (selected epoch, history)."""
    x_v, y_v = val
    steps = math.ceil(args.samples / args.batch_size)
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
        row = {'epoch': epoch, 'train_loss': tot_loss / tot_n, 'val_acc': acc, 'val_nll': nll}
        row['time_s'] = time.time() - t0
        history.append(row)
        if best is None or nll <= best[0]:
            best = (nll, epoch, {k: v.clone() for k, v in model.state_dict().items()})
        print(
            f"epoch {epoch}/{args.epochs}  loss {row['train_loss']:.4f}  val acc {acc * 100:.2f}%  "
            f"val nll {nll:.4f}  {row['time_s']:.1f}s",
            flush=True,
        )
    model.load_state_dict(best[2])
    model.eval()
    return best[1], history


def main(argv=None) -> int:
    args = parse_args(argv)
    t_start = time.time()
    configure_torch(args.threads)
    g = set_seed(args.seed + 10)
    tmp_dir = None
    if args.smoke:
        tmp_dir = tempfile.mkdtemp(prefix='digit-lens-pair-smoke-')
        args.out_dir = os.path.join(tmp_dir, 'pair')
        args.fixture = os.path.join(tmp_dir, 'pair-parity.json')
        args.epochs, args.samples, args.canvas_digits, args.batch_size = 1, 512, 64, 64
    try:
        x_tr, x_val, x_te = load_digits(args)
    except DataError as e:
        print(f'error: {e}', file=sys.stderr)
        return 2

    t0 = time.time()
    pools = make_pools(x_tr, args.canvas_digits, args.seed + 12)
    x_v, y_v = fixed_set(make_pools(x_val, x_val.shape[0] // 2, args.seed + 13), args.val_size, args.seed + 13)
    print(
        f'data: {x_tr.shape[0]} train digits (+{args.canvas_digits} redrawn canvas-style, +{args.canvas_digits} '
        f'redrawn wider), val {y_v.numel()} crops; prepared in {time.time() - t0:.1f}s',
        flush=True,
    )
    model = Net(PAIR_ARCH, dropout=PAIR_DROPOUT, classes=2)
    print(f'model: {arch_text(model)}; {sum(p.numel() for p in model.parameters())} trainable params', flush=True)
    settings = SgdOneCycle(args.lr, args.weight_decay)
    opt, sched = settings.build(model, args.epochs, math.ceil(args.samples / args.batch_size))
    selected_epoch, history = train(args, model, opt, sched, pools, (x_v, y_v), g)

    T = fit_temperature(predict_logits(model, x_v), y_v)
    folded = fold_model(model, temperature=T, float16=True)
    files = export_tfjs(folded, args.out_dir, float16=True, model_name='digit_lens_pair')
    sizes = card.files_card(args.out_dir, files)
    val_p = folded.predict(x_v).numpy()
    x_t, y_t = fixed_set(make_pools(x_te, x_te.shape[0] // 2, args.seed + 14), x_te.shape[0], args.seed + 14)
    test_p = folded.predict(x_t).numpy()
    val_r = rates(val_p[:, 1], y_v.numpy(), args.merge_below)
    test_r = rates(test_p[:, 1], y_t.numpy(), args.merge_below)
    print(
        f'selected epoch {selected_epoch}; T = {T:.4f}; val {val_r}; test {test_r}; '
        f'test ECE {ece_score(test_p, y_t.numpy()) * 100:.2f}%; export {sizes["fileBytes"]} bytes',
        flush=True,
    )
    parity.write(args.fixture, parity.pair_fixture(folded, x_t, y_t))
    pair_card = {
        'name': 'digit-lens-pair',
        'architecture': arch_text(model),
        'input': '[N,28,28,1] float32 in [0,1], ink = 1 on 0: two digits as one crop, normalised like a digit',
        'output': '[N,2] softmax probabilities (one digit, two digits), temperature-calibrated',
        'parameterCount': int(folded.param_count()),
        **sizes,
        'temperature': T,
        'validation': val_r,
        'test': {**test_r, 'count': int(y_t.numel()), 'ece15': ece_score(test_p, y_t.numpy())},
        'selectedEpoch': selected_epoch,
        'epochs': args.epochs,
        'seed': args.seed,
        'trainingSeconds': round(sum(r['time_s'] for r in history), 1),
        'totalSeconds': round(time.time() - t_start, 1),
        'date': card.now(),
        'command': 'npm run train:pair' + (' -- --smoke' if args.smoke else ''),
        'hyperparameters': {
            **card.optimizer_card(opt, sched, settings),
            'batchSize': args.batch_size,
            'samplesPerEpoch': args.samples,
            'dropout': model.dropout.p,
            'canvasDigits': args.canvas_digits,
        },
        'history': history,
    }
    card.write_json(os.path.join(args.out_dir, 'model-card.json'), pair_card)
    print(f'wrote {args.out_dir} and {args.fixture}; total {time.time() - t_start:.1f}s', flush=True)
    if args.smoke:
        return smoke_check(args.out_dir, args.fixture, tmp_dir, classes=2, name='pair smoke run')
    return 0


if __name__ == '__main__':
    sys.exit(main())
