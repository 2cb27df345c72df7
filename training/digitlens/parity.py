"""Parity fixtures: a few inputs and the exported network's outputs computed in PyTorch with
the exact (folded, rounded) weights tfjs loads. src/node/modelParity.test.ts and the smoke
check require tfjs to give the same numbers."""

from __future__ import annotations

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from .augment import augment
from .card import write_json
from .export import FoldedNet


def _inputs(fx: torch.Tensor) -> dict:
    return {
        'shape': [int(fx.shape[0]), 28, 28, 1],
        'inputs': [[float(v) for v in row] for row in fx.reshape(fx.shape[0], -1).numpy()],
    }


def digit_fixture(model: nn.Module, folded: FoldedNet, T: float, test, seed: int, float16: bool) -> dict:
    """8 test digits as-is + 8 augmented (generator seeded with `seed`)."""
    x_te, y_te = test
    pg = torch.Generator()
    pg.manual_seed(seed)
    fx = torch.cat([x_te[:8], augment(x_te[8:16].clone(), pg, 1.0)])
    with torch.no_grad():
        fp = folded.predict(fx).numpy()
        fp_unrounded = F.softmax(model(fx) / T, dim=1).numpy()
    inputs = _inputs(fx)
    return {
        'description': 'Inputs [N,28,28,1] float32 (ink 1 on 0) and the softmax outputs of the exported '
        'network computed in PyTorch float32 with the exact weights tfjs loads (BN and 1/T folded, '
        + ('float16-rounded' if float16 else 'float32')
        + '). Rows 0-7: MNIST test digits 0-7 as-is; rows 8-15: test digits 8-15 augmented.',
        'shape': inputs['shape'],
        'labels': [int(v) for v in y_te[:16]],
        'inputs': inputs['inputs'],
        'probs': [[float(v) for v in row] for row in fp],
        'maxAbsDiffVsUnroundedModel': float(np.abs(fp - fp_unrounded).max()),
        'tolerance': 1e-4,
    }


def pair_fixture(folded: FoldedNet, x_t: torch.Tensor, y_t: torch.Tensor) -> dict:
    """The first 8 crops (ones) and the last 8 (twos) of the pair check's test set."""
    fx = torch.cat([x_t[:8], x_t[-8:]])
    fp = folded.predict(fx).numpy()
    inputs = _inputs(fx)
    return {
        'description': 'Pair check parity: inputs [N,28,28,1] (rows 0-7 one digit, 8-15 two digits, '
        'composed from MNIST test digits) and the softmax (one, two) of the exported network in PyTorch.',
        'shape': inputs['shape'],
        'labels': [int(v) for v in torch.cat([y_t[:8], y_t[-8:]])],
        'inputs': inputs['inputs'],
        'probs': [[float(v) for v in row] for row in fp],
        'tolerance': 1e-4,
    }


def write(path: str, fixture: dict) -> None:
    write_json(path, fixture, indent=None)
