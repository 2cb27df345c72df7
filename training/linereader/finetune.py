"""python3 -m linereader.finetune (from training/): continues training an exported line reader.

    python3 -m linereader.finetune --from public/model/line --seed 20261210 --out-dir /tmp/line-G

The exported reader (BatchNorm folded in, calibration temperature in its head) is read back as
plain convolutions and trained further at a low learning rate on freshly composed lines (a new
seed: lines it has never seen, so it learns the distribution rather than its first pool), then
re-calibrated and exported like a full run. A full run costs about 40 minutes; three epochs
on 48,000 lines about 6 here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn

from digitlens.export import FoldedNet, _conv_op, load_tfjs

from . import data, export
from .strokes import ROOT
from .training_loop import evaluate, fit_temperature, score, train


class TunableNet(nn.Module):
    """A FoldedNet's ops as trainable layers: conv + bias + ReLU, max pools, and the softmax
    head as a conv returning logits (its softmax is CTC's). Input [N,1,32,W]."""

    def __init__(self, ops: list[dict]):
        super().__init__()
        layers: list[nn.Module] = []
        convs = [op for op in ops if op['type'] == 'conv']
        if not convs or convs[-1]['activation'] != 'softmax':
            raise ValueError('expected a line reader: convolutions ending in a softmax head')
        for op in ops[:-1]:
            if op['type'] == 'conv':
                layers += [_conv(op), nn.ReLU(inplace=True)]
            elif op['type'] == 'maxpool':
                layers.append(nn.MaxPool2d(tuple(op['pool'])))
            else:
                raise ValueError(f"unexpected op {op['type']}")
        self.features = nn.Sequential(*layers)
        self.head = _conv(ops[-1])

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))

    def ops(self, temperature: float) -> list[dict]:
        """Back to exportable ops, 1/temperature folded into the head, float16-rounded."""
        out: list[dict] = []
        for m in self.features:
            if isinstance(m, nn.Conv2d):
                out.append(_conv_op(f'conv{len([o for o in out if o["type"] == "conv"]) + 1}', *_wb(m), 'relu', True))
            elif isinstance(m, nn.MaxPool2d):
                k = m.kernel_size
                out.append(
                    {
                        'type': 'maxpool',
                        'name': f'pool{len([o for o in out if o["type"] == "maxpool"]) + 1}',
                        'pool': [int(k[0]), int(k[1])],
                    }
                )
        w, b = _wb(self.head)
        out.append(_conv_op('columns', w / temperature, b / temperature, 'softmax', True))
        return out


def _conv(op: dict) -> nn.Conv2d:
    k = torch.from_numpy(op['kernel']).permute(3, 2, 0, 1).contiguous()  # HWIO -> OIHW
    conv = nn.Conv2d(k.shape[1], k.shape[0], tuple(k.shape[2:]), padding=(k.shape[2] // 2, k.shape[3] // 2))
    with torch.no_grad():
        conv.weight.copy_(k)
        conv.bias.copy_(torch.from_numpy(op['bias']))
    return conv


def _wb(conv: nn.Conv2d) -> tuple[torch.Tensor, torch.Tensor]:
    return conv.weight.detach().double(), conv.bias.detach().double()


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--from', dest='source', default=os.path.join(ROOT, 'public', 'model', 'line'))
    ap.add_argument('--epochs', type=int, default=3)
    ap.add_argument('--train-lines', type=int, default=48000)
    ap.add_argument('--val-lines', type=int, default=2000)
    ap.add_argument('--batch-size', type=int, default=48)
    ap.add_argument('--lr', type=float, default=5e-4)
    ap.add_argument('--seed', type=int, required=True, help='a seed the source reader was not trained on')
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--out-dir', required=True)
    ap.add_argument('--fixture', help='parity lines for the engine tests (default: <out-dir>/parity.json)')
    ap.add_argument('--cache', help='keep the composed lines in this .npz and reuse them')
    return ap.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    started = time.time()
    source = load_tfjs(args.source)
    model = TunableNet(source.ops)
    with open(os.path.join(args.source, 'training-card.json')) as f:
        card = json.load(f)
    # The source's MNIST split, so its validation digits stay out of the new lines too.
    src = data.sources(card['training']['seed'])
    pool = data.cached(args.cache, lambda: data.composed(src['train'], args.train_lines, args.seed))
    val = data.composed(src['val'], args.val_lines, args.seed + 1)
    real_val = data.real_numbers(src['val'][3], args.seed + 2)
    before = {k: v for k, v in evaluate(model, real_val).items() if k != 'failures'}
    print(f'data: {len(pool)} lines; source reader on real val numbers: {before}', flush=True)
    history = train(
        model, pool, args.epochs, args.lr, args.batch_size, args.seed, log=lambda e: print(e, flush=True), val=real_val
    )
    temperature = fit_temperature(model, val)
    ops = model.ops(temperature)
    os.makedirs(args.out_dir, exist_ok=True)
    files = export.export(ops, args.out_dir)
    export.write_parity(
        lambda x: export.run_folded(ops, x), val, args.fixture or os.path.join(args.out_dir, 'parity.json')
    )
    folded = FoldedNet(ops)
    metrics = {
        'synthetic_val': {k: v for k, v in _score(folded, val).items() if k != 'failures'},
        'real_val_numbers': _score(folded, real_val),
    }
    card.update(
        {
            'created': dt.datetime.now(dt.timezone.utc).isoformat(timespec='seconds'),
            'parameters': folded.param_count(),
            'temperature': round(temperature, 3),
            'finetune': {
                'from_seed': card.get('training', {}).get('seed'),
                'seed': args.seed,
                'epochs': args.epochs,
                'train_lines': args.train_lines,
                'lr': args.lr,
                'seconds': round(time.time() - started),
                'real_val_before': before,
                'history': history,
            },
            'metrics_pytorch': metrics,
            'files': files,
        }
    )
    with open(os.path.join(args.out_dir, 'training-card.json'), 'w') as f:
        json.dump(card, f, indent=1)
    print(json.dumps(metrics, indent=1)[:3000], flush=True)
    return 0


def _score(net: FoldedNet, pool) -> dict:
    """The exported ops' own readings (float16 weights), as the engine will run them."""
    probs = []
    for line in pool.lines:
        x = torch.from_numpy(line.astype(np.float32) / 255.0)[None, None]
        probs.append(export.run_folded(net.ops, x)[0].numpy())
    return score(probs, pool.texts)


if __name__ == '__main__':
    sys.exit(main())
