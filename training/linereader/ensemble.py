"""python3 -m linereader.ensemble (from training/): several exported line readers as one.

    python3 -m linereader.ensemble --members /tmp/line-a /tmp/line-b   # -> public/model/line

Readers of the same architecture trained with different seeds make different mistakes; the
mean of their column probabilities reads better and is surer where they agree. The members are
written as one TensorFlow.js functional model (one input, one branch per member, an Average
layer), so the engine loads and runs it exactly like a single reader.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys

import numpy as np
import torch

from digitlens.export import (
    FoldedNet,
    input_layer,
    layer_config,
    load_tfjs,
    op_from_layer,
    read_tfjs,
    weight_manifest,
    write_tfjs,
)

from . import data
from .alphabet import LINE_HEIGHT
from .export import run_folded, write_parity
from .strokes import ROOT
from .training_loop import score


class Ensemble:
    """Members as FoldedNets; forward = mean of their column probabilities, [N, W/4, C]."""

    def __init__(self, members: list[FoldedNet]):
        self.members = members

    @torch.no_grad()
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.stack([run_folded(m.ops, x) for m in self.members]).mean(dim=0)

    def param_count(self) -> int:
        return sum(m.param_count() for m in self.members)


def _node(inbound: list[str]) -> list:
    """Keras inbound_nodes: one call of the layer on these layers' outputs."""
    return [[[src, 0, 0, {}] for src in inbound]]


def export_ensemble(ens: Ensemble, out_dir: str, name: str = 'digit_lens_line_reader') -> list[str]:
    """model.json (functional: input -> member branches -> Average) and one float16 shard."""
    layers = [{**input_layer((None, LINE_HEIGHT, None, 1)), 'name': 'input', 'inbound_nodes': []}]
    ops, outputs = [], []
    for i, member in enumerate(ens.members):
        prev = 'input'
        for op in member.ops:
            op = {**op, 'name': f"m{i + 1}_{op['name']}"}
            layers.append({**layer_config(op), 'name': op['name'], 'inbound_nodes': _node([prev])})
            ops.append(op)
            prev = op['name']
        outputs.append(prev)
    common = {'name': 'mean', 'trainable': False, 'dtype': 'float32'}
    layers.append({'class_name': 'Average', 'config': common, 'name': 'mean', 'inbound_nodes': _node(outputs)})
    config = {
        'name': name,
        'layers': layers,
        'input_layers': [['input', 0, 0]],
        'output_layers': [['mean', 0, 0]],
    }
    weights, blobs = weight_manifest(ops, float16=True)
    return write_tfjs(out_dir, {'class_name': 'Model', 'config': config}, weights, blobs)


def load_ensemble(model_dir: str) -> Ensemble:
    """Reads an exported ensemble back (members split by their m<i>_ layer prefix)."""
    mj, weights = read_tfjs(model_dir)
    members: dict[str, list[dict]] = {}
    for layer in mj['modelTopology']['config']['layers']:
        op = op_from_layer(layer, weights)
        if op is None:
            continue
        prefix, _, short = op['name'].partition('_')
        members.setdefault(prefix, []).append({**op, 'name': short})
    return Ensemble([FoldedNet(ops) for ops in members.values()])


def column_probs(forward, pool: data.Pool) -> list[np.ndarray]:
    """Per line [W/4, C] probabilities (`forward`: [1,1,32,W] -> [1, W/4, C])."""
    return [forward(torch.from_numpy(a.astype(np.float32) / 255.0)[None, None])[0].numpy() for a in pool.lines]


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--members', nargs='+', required=True, help='exported reader dirs (model.json + card)')
    ap.add_argument('--out-dir', default=os.path.join(ROOT, 'public', 'model', 'line'))
    ap.add_argument('--fixture', default=os.path.join(ROOT, 'training', 'fixtures', 'line-parity.json'))
    ap.add_argument('--seed', type=int, default=20261202, help='seed of the synthetic validation lines')
    ap.add_argument('--val-lines', type=int, default=2000)
    return ap.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    cards = []
    for d in args.members:
        with open(os.path.join(d, 'training-card.json')) as f:
            cards.append(json.load(f))
    members = [load_tfjs(d) for d in args.members]  # before out-dir may overwrite a member
    ens = Ensemble(members)
    src = data.sources(args.seed)
    val = data.composed(src['val'], args.val_lines, args.seed + 1)
    real_val = data.real_numbers(src['val'][3], args.seed + 2)
    metrics = {}
    forwards = [(f'member{i + 1}', lambda x, m=m: run_folded(m.ops, x)) for i, m in enumerate(members)]
    for name, forward in [*forwards, ('ensemble', ens.forward)]:
        synthetic = score(column_probs(forward, val), val.texts)
        metrics[name] = {
            'synthetic_val': {k: v for k, v in synthetic.items() if k != 'failures'},
            'real_val_numbers': score(column_probs(forward, real_val), real_val.texts),
        }
        print(name, json.dumps({k: {'exact': v['exact'], 'cer': v['cer']} for k, v in metrics[name].items()}))
    files = export_ensemble(ens, args.out_dir)
    write_parity(ens.forward, val, args.fixture)
    first = cards[0]
    card = {
        'name': first['name'],
        'created': dt.datetime.now(dt.timezone.utc).isoformat(timespec='seconds'),
        'architecture': f'mean of {len(members)} readers, each: {first["architecture"]}',
        'parameters': ens.param_count(),
        'classes': first['classes'],
        'symbols': first['symbols'],
        'blank': first['blank'],
        'input': first['input'],
        'temperature': [c['temperature'] for c in cards],
        'training': {'members': [c['training'] for c in cards]},
        'data': first['data'],
        'metrics_pytorch': metrics['ensemble'],
        'members_pytorch': {k: v for k, v in metrics.items() if k != 'ensemble'},
        'files': files,
    }
    with open(os.path.join(args.out_dir, 'training-card.json'), 'w') as f:
        json.dump(card, f, indent=1)
    check = os.path.join(ROOT, 'training', 'linereader', 'smoke-check.mjs')
    return subprocess.call(['node', check, args.out_dir, args.fixture], cwd=ROOT)


if __name__ == '__main__':
    sys.exit(main())
