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

from digitlens.export import GENERATED_BY, SHARD, FoldedNet, layer_config, load_tfjs

from . import data
from .alphabet import LINE_HEIGHT
from .strokes import ROOT
from .training_loop import decode_greedy, edit_distance


class Ensemble:
    """Members as FoldedNets; forward = mean of their column probabilities, [N, W/4, C]."""

    def __init__(self, members: list[FoldedNet]):
        self.members = members

    @torch.no_grad()
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        outs = [m.forward(x)[:, :, 0, :].permute(0, 2, 1) for m in self.members]
        return torch.stack(outs).mean(dim=0)

    def param_count(self) -> int:
        return sum(m.param_count() for m in self.members)


def _node(inbound: list[str]) -> list:
    """Keras inbound_nodes: one call of the layer on these layers' outputs."""
    return [[[src, 0, 0, {}] for src in inbound]]


def export_ensemble(ens: Ensemble, out_dir: str, name: str = 'digit_lens_line_reader') -> list[str]:
    """model.json (functional: input -> member branches -> Average) and one float16 shard."""
    os.makedirs(out_dir, exist_ok=True)
    shape = [None, LINE_HEIGHT, None, 1]
    layers = [
        {
            'class_name': 'InputLayer',
            'config': {'batch_input_shape': shape, 'dtype': 'float32', 'sparse': False, 'name': 'input'},
            'name': 'input',
            'inbound_nodes': [],
        }
    ]
    weights, blobs, outputs = [], [], []
    for i, member in enumerate(ens.members):
        prev = 'input'
        for op in member.ops:
            op = {**op, 'name': f"m{i + 1}_{op['name']}"}
            cfg = layer_config(op)
            layers.append({**cfg, 'name': op['name'], 'inbound_nodes': _node([prev])})
            prev = op['name']
            for key in ('kernel', 'bias'):
                if key in op:
                    a = op[key]
                    weights.append(
                        {
                            'name': f"{op['name']}/{key}",
                            'shape': list(a.shape),
                            'dtype': 'float32',
                            'quantization': {'dtype': 'float16', 'original_dtype': 'float32'},
                        }
                    )
                    blobs.append(a.astype('<f2').tobytes())
        outputs.append(prev)
    common = {'name': 'mean', 'trainable': False, 'dtype': 'float32'}
    layers.append({'class_name': 'Average', 'config': common, 'name': 'mean', 'inbound_nodes': _node(outputs)})
    model_json = {
        'format': 'layers-model',
        'generatedBy': GENERATED_BY,
        'convertedBy': None,
        'modelTopology': {
            'class_name': 'Model',
            'config': {
                'name': name,
                'layers': layers,
                'input_layers': [['input', 0, 0]],
                'output_layers': [['mean', 0, 0]],
            },
            'keras_version': '2.15.0',
            'backend': 'tensor_flow.js',
        },
        'weightsManifest': [{'paths': [SHARD], 'weights': weights}],
    }
    with open(os.path.join(out_dir, SHARD), 'wb') as f:
        for b in blobs:
            f.write(b)
    with open(os.path.join(out_dir, 'model.json'), 'w') as f:
        json.dump(model_json, f, separators=(',', ':'))
    return ['model.json', SHARD]


def load_ensemble(model_dir: str) -> Ensemble:
    """Reads an exported ensemble back (members split by their m<i>_ layer prefix)."""
    with open(os.path.join(model_dir, 'model.json')) as f:
        mj = json.load(f)
    raw = open(os.path.join(model_dir, mj['weightsManifest'][0]['paths'][0]), 'rb').read()
    weights, off = {}, 0
    for spec in mj['weightsManifest'][0]['weights']:
        n = int(np.prod(spec['shape']))
        weights[spec['name']] = np.frombuffer(raw, '<f2', n, off).astype(np.float32).reshape(spec['shape'])
        off += 2 * n
    members: dict[str, list[dict]] = {}
    for layer in mj['modelTopology']['config']['layers']:
        kind, cfg = layer['class_name'], layer['config']
        if kind not in ('Conv2D', 'MaxPooling2D'):
            continue
        prefix, _, short = cfg['name'].partition('_')
        if kind == 'Conv2D':
            op = {
                'type': 'conv',
                'name': short,
                'kernel': weights[f"{cfg['name']}/kernel"],
                'bias': weights[f"{cfg['name']}/bias"],
                'activation': cfg['activation'],
            }
        else:
            op = {'type': 'maxpool', 'name': short, 'pool': list(cfg['pool_size'])}
        members.setdefault(prefix, []).append(op)
    return Ensemble([FoldedNet(ops) for ops in members.values()])


def column_probs(net, pool: data.Pool) -> list[np.ndarray]:
    """Per line [W/4, C] probabilities of a FoldedNet or an Ensemble."""
    out = []
    for a in pool.lines:
        x = torch.from_numpy(a.astype(np.float32) / 255.0)[None, None]
        p = net.forward(x)
        out.append((p if p.dim() == 3 else p[:, :, 0, :].permute(0, 2, 1))[0].numpy())
    return out


def score(probs: list[np.ndarray], pool: data.Pool) -> dict:
    exact = edits = chars = 0
    failures = []
    for p, text in zip(probs, pool.texts):
        got, _ = decode_greedy(p.argmax(axis=1).tolist())
        exact += got == text
        edits += edit_distance(got, text)
        chars += len(text)
        if got != text and len(failures) < 20:
            failures.append((text, got))
    return {'exact': exact / max(1, len(pool)), 'cer': edits / max(1, chars), 'n': len(pool), 'failures': failures}


def write_parity(ens: Ensemble, pool: data.Pool, path: str, n: int = 3) -> None:
    items = []
    for i in np.linspace(0, len(pool) - 1, n).astype(int):
        a = pool.lines[i].astype(np.float32) / 255.0
        p = ens.forward(torch.from_numpy(a)[None, None])[0].numpy()
        items.append(
            {
                'text': pool.texts[i],
                'width': a.shape[1],
                'pixels': np.round(a, 4).ravel().tolist(),
                'probs': np.round(p, 6).tolist(),
            }
        )
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        json.dump({'height': LINE_HEIGHT, 'items': items}, f, separators=(',', ':'))


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
    for name, net in [*((f'member{i + 1}', m) for i, m in enumerate(members)), ('ensemble', ens)]:
        metrics[name] = {
            'synthetic_val': {k: v for k, v in score(column_probs(net, val), val).items() if k != 'failures'},
            'real_val_numbers': score(column_probs(net, real_val), real_val),
        }
        print(name, json.dumps({k: {'exact': v['exact'], 'cer': v['cer']} for k, v in metrics[name].items()}))
    files = export_ensemble(ens, args.out_dir)
    write_parity(ens, val, args.fixture)
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
