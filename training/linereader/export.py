"""LineNet in the TensorFlow.js Layers format through the shared exporter (digitlens/export.py):
input [null, 32, null, 1], the width is free, so one model reads lines of any length.
BatchNorm is folded into the convolutions and the calibration temperature into the 1x1 head."""

from __future__ import annotations

import json
import os
from typing import Callable

import numpy as np
import torch
import torch.nn as nn

from digitlens.export import FoldedNet, conv_head, export_tfjs, fold_features

from .alphabet import LINE_HEIGHT


def fold(model: nn.Module, temperature: float) -> list[dict]:
    """The network as ops with float16-rounded float32 numpy weights (HWIO kernels)."""
    model.eval()
    return fold_features(model.features, float16=True) + conv_head(model.head, temperature, True, 'columns')


def run_folded(ops: list[dict], x: torch.Tensor) -> torch.Tensor:
    """PyTorch forward of the exported ops: [N,1,32,W] -> probabilities [N, W/4, C]."""
    return FoldedNet(ops).forward(x)[:, :, 0, :].permute(0, 2, 1)


def param_count(ops: list[dict]) -> int:
    return FoldedNet(ops).param_count()


def export(ops: list[dict], out_dir: str, name: str = 'digit_lens_line_reader') -> list[str]:
    return export_tfjs(FoldedNet(ops), out_dir, float16=True, model_name=name, input_shape=(None, LINE_HEIGHT, None, 1))


def write_parity(forward: Callable[[torch.Tensor], torch.Tensor], pool, path: str, n: int = 3) -> None:
    """A few validation lines and the exported network's column probabilities for them
    (`forward`: [1,1,32,W] -> [1, W/4, C]): the engine's tests run the same lines through tfjs
    (src/node/lineModel.test.ts)."""
    items = []
    for i in np.linspace(0, len(pool) - 1, n).astype(int):
        a = pool.lines[i].astype(np.float32) / 255.0
        p = forward(torch.from_numpy(a)[None, None])[0].numpy()
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
