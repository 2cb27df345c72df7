"""python3 -m linereader (from training/): trains, calibrates and exports the line reader.

    npm run train:lines            # full run -> public/model/line + training/fixtures/line-parity.json
    npm run train:smoke            # includes a tiny run into a temp dir + a tfjs parity check
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time

import torch

from . import data, export
from .alphabet import CLASSES, INK_HEIGHT, LINE_HEIGHT, PAD_X, SYMBOLS, WIDTH_STEP
from .model import LineNet, arch_text
from .strokes import ROOT
from .training_loop import evaluate, fit_temperature, train


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--epochs', type=int, default=10)
    ap.add_argument('--train-lines', type=int, default=80000)
    ap.add_argument('--val-lines', type=int, default=2000)
    ap.add_argument('--batch-size', type=int, default=48)
    ap.add_argument('--lr', type=float, default=3e-3)
    ap.add_argument('--seed', type=int, default=20261202)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--out-dir', default=os.path.join(ROOT, 'public', 'model', 'line'))
    ap.add_argument('--fixture', default=os.path.join(ROOT, 'training', 'fixtures', 'line-parity.json'))
    ap.add_argument('--cache', help='keep the composed training lines in this .npz and reuse them')
    ap.add_argument('--smoke', action='store_true', help='tiny run into a temp dir + tfjs check (CI)')
    return ap.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    started = time.time()
    tmp = tempfile.mkdtemp() if args.smoke else None
    if args.smoke:
        args.epochs, args.train_lines, args.val_lines = 1, 300, 60
        args.out_dir = os.path.join(tmp, 'line')
        args.fixture = os.path.join(tmp, 'line-parity.json')
    src = data.sources(args.seed)
    t = time.time()
    pool = data.cached(args.cache, lambda: data.composed(src['train'], args.train_lines, args.seed))
    val = data.composed(src['val'], args.val_lines, args.seed + 1)
    real_val = data.real_numbers(src['val'][3], args.seed + 2)
    print(
        f'data: {len(pool)} train lines, {len(val)} val lines, {len(real_val)} real val numbers '
        f'({time.time() - t:.0f} s)',
        flush=True,
    )
    model = LineNet()
    history = train(
        model,
        pool,
        args.epochs,
        args.lr,
        args.batch_size,
        args.seed,
        log=lambda e: print(e, flush=True),
        val=real_val if len(real_val) else val,
    )
    temperature = fit_temperature(model, val)
    ops = export.fold(model, temperature)
    files = export.export(ops, args.out_dir)
    export.write_parity(lambda x: export.run_folded(ops, x), val, args.fixture)
    metrics = {
        'synthetic_val': {k: v for k, v in evaluate(model, val, temperature).items() if k != 'failures'},
        'real_val_numbers': evaluate(model, real_val, temperature) if len(real_val) else None,
    }
    card = {
        'name': 'digit-lens line reader',
        'created': dt.datetime.now(dt.timezone.utc).isoformat(timespec='seconds'),
        'architecture': arch_text(),
        'parameters': export.param_count(ops),
        'classes': CLASSES,
        'symbols': SYMBOLS,
        'blank': 0,
        'input': {
            'height': LINE_HEIGHT,
            'ink_height': INK_HEIGHT,
            'pad_x': PAD_X,
            'width_step': WIDTH_STEP,
            'columns_per_output': 4,
            'ink': '1 on 0, float32',
        },
        'temperature': temperature,
        'training': {
            'epochs': args.epochs,
            'train_lines': args.train_lines,
            'batch_size': args.batch_size,
            'lr': args.lr,
            'seed': args.seed,
            'seconds': round(time.time() - started),
            'history': history,
        },
        'data': 'lines composed from MNIST train digits (the digit model\'s validation split held out) and '
        'UNIPEN development writers (../shared/data/unipen, validation writers held out by '
        'linereader.strokes.is_validation_writer), separators, font letters and scribbles',
        'metrics_pytorch': metrics,
        'files': files,
    }
    with open(os.path.join(args.out_dir, 'training-card.json'), 'w') as f:
        json.dump(card, f, indent=1)
    print(json.dumps(metrics, indent=1)[:3000], flush=True)
    if args.smoke:
        check = os.path.join(ROOT, 'training', 'linereader', 'smoke-check.mjs')
        return subprocess.call(['node', check, args.out_dir, args.fixture], cwd=ROOT)
    return 0


if __name__ == '__main__':
    sys.exit(main())
