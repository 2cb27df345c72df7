#!/usr/bin/env python3
"""Scores the exported model (public/model, float16 weights as tfjs loads them) on the MNIST test
digits after the app's normalisation: binarise at a fixed threshold (after upsampling by a
"camera" factor), bounding box, fit into 20x20 with an area downscale, centre of mass at the
centre of 28x28. A check that the model reads the "binary, then area-resized" look.

    /usr/bin/python3 training/eval_app_style.py [model_dir]
"""

import json
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from export_tfjs import FoldedNet  # noqa: E402
from train import ROOT, binarize_renormalize, load_mnist, to_tensor  # noqa: E402


def load_exported(model_dir: str) -> FoldedNet:
    mj = json.load(open(os.path.join(model_dir, 'model.json')))
    group = mj['weightsManifest'][0]
    raw = b''.join(open(os.path.join(model_dir, p), 'rb').read() for p in group['paths'])
    weights, off = {}, 0
    for spec in group['weights']:
        n = int(np.prod(spec['shape']))
        f16 = spec.get('quantization', {}).get('dtype') == 'float16'
        dt, size = ('<f2', 2) if f16 else ('<f4', 4)
        weights[spec['name']] = np.frombuffer(raw, dtype=dt, count=n, offset=off).astype(np.float32).reshape(spec['shape'])
        off += size * n
    ops = []
    for layer in mj['modelTopology']['config']['layers']:
        kind, name = layer['class_name'], layer['config']['name']
        if kind == 'Conv2D':
            ops.append({'type': 'conv', 'kernel': weights[f'{name}/kernel'], 'bias': weights[f'{name}/bias']})
        elif kind == 'MaxPooling2D':
            ops.append({'type': 'maxpool'})
        elif kind == 'GlobalAveragePooling2D':
            ops.append({'type': 'gap'})
        elif kind == 'Dense':
            ops.append({'type': 'dense', 'kernel': weights[f'{name}/kernel'], 'bias': weights[f'{name}/bias']})
    return FoldedNet(ops)


def main() -> None:
    torch.set_num_threads(2)
    net = load_exported(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, 'public', 'model'))
    images, labels = load_mnist('test')
    x = to_tensor(images)
    acc = (net.predict(x).numpy().argmax(1) == labels).mean()
    print(f'MNIST test as-is: {acc * 100:.2f}%')
    g = torch.Generator()
    for factor in (1, 2, 4, 8):
        for thr in (0.3, 0.5):
            xb = torch.cat(
                [binarize_renormalize(x[i : i + 1000], g, factor, thr=thr, jitter=False) for i in range(0, len(x), 1000)]
            )
            acc = (net.predict(xb).numpy().argmax(1) == labels).mean()
            print(f'app-style (upsample x{factor}, threshold {thr}): {acc * 100:.2f}%', flush=True)


if __name__ == '__main__':
    main()
