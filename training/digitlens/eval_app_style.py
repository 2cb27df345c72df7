"""Scores an exported digit model (public/model, float16 weights as tfjs loads them) on the MNIST
test digits after the app's normalisation: binarise at a fixed threshold (after upsampling by a
"camera" factor), bounding box, fit into 20x20 with an area downscale, centre of mass at the
centre of 28x28. A check that the model reads the "binary, then area-resized" look.

    cd training && /usr/bin/python3 -m digitlens.eval_app_style [model_dir]
"""

from __future__ import annotations

import os
import sys

import torch

from .augment import binarize_renormalize
from .data import ROOT, load_mnist, to_tensor
from .export import load_tfjs


def main() -> None:
    torch.set_num_threads(2)
    net = load_tfjs(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, 'public', 'model'))
    images, labels = load_mnist('test')
    x = to_tensor(images)
    acc = (net.predict(x).numpy().argmax(1) == labels).mean()
    print(f'MNIST test as-is: {acc * 100:.2f}%')
    g = torch.Generator()
    for factor in (1, 2, 4, 8):
        for thr in (0.3, 0.5):
            xb = torch.cat(
                [
                    binarize_renormalize(x[i : i + 1000], g, factor, thr=thr, jitter=False)
                    for i in range(0, len(x), 1000)
                ]
            )
            acc = (net.predict(xb).numpy().argmax(1) == labels).mean()
            print(f'app-style (upsample x{factor}, threshold {thr}): {acc * 100:.2f}%', flush=True)


if __name__ == '__main__':
    main()
