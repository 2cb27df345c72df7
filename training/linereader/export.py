"""Exports LineNet to the TensorFlow.js Layers format (model.json + one float16 shard), with
input [null, 32, null, 1]: the width is free, so one model reads lines of any length.
BatchNorm is folded into the convolutions and the calibration temperature into the head,
as training/export_tfjs.py does for the digit model."""

from __future__ import annotations

import json
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from .alphabet import LINE_HEIGHT

SHARD = 'group1-shard1of1.bin'


def _round(a: np.ndarray) -> np.ndarray:
    a = a.astype(np.float32)
    if np.abs(a).max() > 60000:
        raise ValueError('weight too large for float16')
    return np.ascontiguousarray(a.astype(np.float16).astype(np.float32))


def fold(model: nn.Module, temperature: float) -> list[dict]:
    """The network as ops with float16-rounded float32 numpy weights (HWIO kernels)."""
    model.eval()
    ops: list[dict] = []
    mods = list(model.features)
    i = 0
    while i < len(mods):
        m = mods[i]
        if isinstance(m, nn.Conv2d):
            bn = mods[i + 1]
            assert isinstance(bn, nn.BatchNorm2d) and isinstance(mods[i + 2], nn.ReLU)
            w = m.weight.detach().double()
            scale = bn.weight.detach().double() / torch.sqrt(bn.running_var.double() + bn.eps)
            wf = w * scale.view(-1, 1, 1, 1)
            bf = bn.bias.detach().double() - bn.running_mean.double() * scale
            n = sum(o['type'] == 'conv' for o in ops) + 1
            ops.append({'type': 'conv', 'name': f'conv{n}', 'kernel': _round(wf.permute(2, 3, 1, 0).numpy()),
                        'bias': _round(bf.numpy()), 'activation': 'relu'})
            i += 3
        elif isinstance(m, nn.MaxPool2d):
            k = m.kernel_size if isinstance(m.kernel_size, tuple) else (m.kernel_size, m.kernel_size)
            n = sum(o['type'] == 'maxpool' for o in ops) + 1
            ops.append({'type': 'maxpool', 'name': f'pool{n}', 'pool': [int(k[0]), int(k[1])]})
            i += 1
        else:
            raise TypeError(f'unexpected module {m}')
    head = model.head
    w = head.weight.detach().double() / temperature
    b = head.bias.detach().double() / temperature
    ops.append({'type': 'conv', 'name': 'columns', 'kernel': _round(w.permute(2, 3, 1, 0).numpy()),
                'bias': _round(b.numpy()), 'activation': 'softmax'})
    return ops


@torch.no_grad()
def run_folded(ops: list[dict], x: torch.Tensor) -> torch.Tensor:
    """PyTorch forward of the exported ops: [N,1,32,W] -> probabilities [N, W/4, C]."""
    h = x
    for op in ops:
        if op['type'] == 'conv':
            k = torch.from_numpy(op['kernel']).permute(3, 2, 0, 1).contiguous()
            pad = (k.shape[2] // 2, k.shape[3] // 2)
            h = F.conv2d(h, k, torch.from_numpy(op['bias']), padding=pad)
            h = F.relu(h) if op['activation'] == 'relu' else F.softmax(h, dim=1)
        else:
            h = F.max_pool2d(h, op['pool'])
    return h[:, :, 0, :].permute(0, 2, 1)


def param_count(ops: list[dict]) -> int:
    return sum(op[k].size for op in ops for k in ('kernel', 'bias') if k in op)


def _layer(op: dict) -> dict:
    common = {'name': op['name'], 'trainable': False, 'dtype': 'float32'}
    if op['type'] == 'maxpool':
        return {'class_name': 'MaxPooling2D', 'config': {**common, 'pool_size': op['pool'], 'padding': 'valid',
                                                          'strides': op['pool'], 'data_format': 'channels_last'}}
    kh, kw = op['kernel'].shape[:2]
    return {
        'class_name': 'Conv2D',
        'config': {
            **common,
            'filters': int(op['kernel'].shape[3]),
            'kernel_size': [int(kh), int(kw)],
            'strides': [1, 1],
            'padding': 'same',
            'data_format': 'channels_last',
            'dilation_rate': [1, 1],
            'activation': op['activation'],
            'use_bias': True,
            'kernel_initializer': {'class_name': 'GlorotUniform', 'config': {'seed': None}},
            'bias_initializer': {'class_name': 'Zeros', 'config': {}},
            'kernel_regularizer': None,
            'bias_regularizer': None,
            'activity_regularizer': None,
            'kernel_constraint': None,
            'bias_constraint': None,
        },
    }


def export(ops: list[dict], out_dir: str, name: str = 'digit_lens_line_reader') -> list[str]:
    os.makedirs(out_dir, exist_ok=True)
    layers = [{'class_name': 'InputLayer', 'config': {'batch_input_shape': [None, LINE_HEIGHT, None, 1],
                                                       'dtype': 'float32', 'sparse': False, 'name': 'input'}}]
    layers += [_layer(op) for op in ops]
    weights, blobs = [], []
    for op in ops:
        for key in ('kernel', 'bias'):
            if key in op:
                a = op[key]
                weights.append({'name': f"{op['name']}/{key}", 'shape': list(a.shape), 'dtype': 'float32',
                                'quantization': {'dtype': 'float16', 'original_dtype': 'float32'}})
                blobs.append(a.astype('<f2').tobytes())
    model_json = {
        'format': 'layers-model',
        'generatedBy': 'digit-lens training/linereader/export.py',
        'convertedBy': None,
        'modelTopology': {'class_name': 'Sequential', 'config': {'name': name, 'layers': layers},
                          'keras_version': '2.15.0', 'backend': 'tensor_flow.js'},
        'weightsManifest': [{'paths': [SHARD], 'weights': weights}],
    }
    with open(os.path.join(out_dir, SHARD), 'wb') as f:
        for b in blobs:
            f.write(b)
    with open(os.path.join(out_dir, 'model.json'), 'w') as f:
        json.dump(model_json, f, separators=(',', ':'))
    return ['model.json', SHARD]
