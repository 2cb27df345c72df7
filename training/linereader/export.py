"""LineNet in the TensorFlow.js Layers format through the shared exporter (digitlens/export.py):
input [null, 32, null, 1], the width is free, so one model reads lines of any length.
BatchNorm is folded into the convolutions and the calibration temperature into the 1x1 head."""

from __future__ import annotations

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
