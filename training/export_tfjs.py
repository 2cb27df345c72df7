"""Exports the trained PyTorch CNN to the TensorFlow.js Layers format (model.json + one shard).

No tensorflowjs package needed: the Keras-style topology JSON and the weights manifest are
written directly, in the form @tensorflow/tfjs-layers 4.x reads with tf.loadLayersModel().

- BatchNorm (eval statistics) is folded into the preceding bias-free convolution.
- The calibration temperature T is folded into the final dense layer (W/T, b/T), so the
  exported softmax is calibrated.
- Layouts: PyTorch conv weights OIHW -> TF HWIO; dense [out,in] -> [in,out]. The network ends
  with global average pooling, so no NCHW/NHWC flatten permutation is involved.
- float16: weights are rounded to IEEE half precision, stored as such in the shard and declared
  with "quantization": {"dtype": "float16", "original_dtype": "float32"}; tfjs dequantizes them.
  FoldedNet computes with exactly those rounded values, so PyTorch and tfjs see the same network.
"""

from __future__ import annotations

import json
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

SHARD = 'group1-shard1of1.bin'


class FoldedNet:
    """The exported network as a list of ops with float32 numpy weights (already rounded)."""

    def __init__(self, ops: list[dict]):
        self.ops = ops

    def param_count(self) -> int:
        return sum(op[k].size for op in self.ops for k in ('kernel', 'bias') if k in op)

    @torch.no_grad()
    def logits_or_probs(self, x: torch.Tensor) -> torch.Tensor:
        h = x
        for op in self.ops:
            if op['type'] == 'conv':
                w = torch.from_numpy(op['kernel']).permute(3, 2, 0, 1).contiguous()  # HWIO -> OIHW
                h = F.relu(F.conv2d(h, w, torch.from_numpy(op['bias']), padding=1))
            elif op['type'] == 'maxpool':
                h = F.max_pool2d(h, 2)
            elif op['type'] == 'gap':
                h = h.mean(dim=(2, 3))
            elif op['type'] == 'dense':
                h = h @ torch.from_numpy(op['kernel']) + torch.from_numpy(op['bias'])
                h = F.softmax(h, dim=1)
        return h

    def predict(self, x: torch.Tensor, bs: int = 1000) -> torch.Tensor:
        return torch.cat([self.logits_or_probs(x[i : i + bs]) for i in range(0, x.shape[0], bs)])


def _round(a: np.ndarray, float16: bool) -> np.ndarray:
    a = a.astype(np.float32)
    if float16:
        if np.abs(a).max() > 60000:
            raise ValueError('weight too large for float16')
        a = a.astype(np.float16).astype(np.float32)
    return np.ascontiguousarray(a)


def fold_model(model: nn.Module, temperature: float, float16: bool) -> FoldedNet:
    model.eval()
    ops: list[dict] = []
    mods = list(model.features)
    i = 0
    n_conv = 0
    while i < len(mods):
        m = mods[i]
        if isinstance(m, nn.Conv2d):
            bn = mods[i + 1]
            assert isinstance(bn, nn.BatchNorm2d) and isinstance(mods[i + 2], nn.ReLU)
            w = m.weight.detach().double()
            b = m.bias.detach().double() if m.bias is not None else torch.zeros(w.shape[0], dtype=torch.float64)
            scale = bn.weight.detach().double() / torch.sqrt(bn.running_var.double() + bn.eps)
            wf = w * scale.view(-1, 1, 1, 1)
            bf = bn.bias.detach().double() + (b - bn.running_mean.double()) * scale
            n_conv += 1
            ops.append(
                {
                    'type': 'conv',
                    'name': f'conv{n_conv}',
                    'kernel': _round(wf.permute(2, 3, 1, 0).numpy(), float16),  # OIHW -> HWIO
                    'bias': _round(bf.numpy(), float16),
                }
            )
            i += 3
        elif isinstance(m, nn.MaxPool2d):
            ops.append({'type': 'maxpool', 'name': f'pool{sum(o["type"] == "maxpool" for o in ops) + 1}'})
            i += 1
        else:
            raise TypeError(f'unexpected module {m}')
    ops.append({'type': 'gap', 'name': 'gap'})
    fc = model.fc
    ops.append(
        {
            'type': 'dense',
            'name': 'logits',
            'kernel': _round((fc.weight.detach().double() / temperature).t().numpy(), float16),
            'bias': _round((fc.bias.detach().double() / temperature).numpy(), float16),
        }
    )
    return FoldedNet(ops)


def _init(name: str) -> dict:
    if name == 'zeros':
        return {'class_name': 'Zeros', 'config': {}}
    return {'class_name': 'GlorotUniform', 'config': {'seed': None}}


def _common(op: dict) -> dict:
    """Keys every Keras layer config starts with (inference only: nothing is trainable)."""
    return {'name': op['name'], 'trainable': False, 'dtype': 'float32'}


def _weights(activation: str) -> dict:
    """The activation and the kernel/bias keys shared by Conv2D and Dense."""
    return {
        'activation': activation,
        'use_bias': True,
        'kernel_initializer': _init('glorot'),
        'bias_initializer': _init('zeros'),
        'kernel_regularizer': None,
        'bias_regularizer': None,
        'activity_regularizer': None,
        'kernel_constraint': None,
        'bias_constraint': None,
    }


def _layer_config(op: dict) -> dict:
    if op['type'] == 'conv':
        return {
            'class_name': 'Conv2D',
            'config': {
                **_common(op),
                'filters': int(op['kernel'].shape[3]),
                'kernel_size': [3, 3],
                'strides': [1, 1],
                'padding': 'same',
                'data_format': 'channels_last',
                'dilation_rate': [1, 1],
                **_weights('relu'),
            },
        }
    if op['type'] == 'maxpool':
        return {
            'class_name': 'MaxPooling2D',
            'config': {
                **_common(op),
                'pool_size': [2, 2],
                'padding': 'valid',
                'strides': [2, 2],
                'data_format': 'channels_last',
            },
        }
    if op['type'] == 'gap':
        return {
            'class_name': 'GlobalAveragePooling2D',
            'config': {**_common(op), 'data_format': 'channels_last'},
        }
    if op['type'] == 'dense':
        return {
            'class_name': 'Dense',
            'config': {**_common(op), 'units': int(op['kernel'].shape[1]), **_weights('softmax')},
        }
    raise TypeError(op['type'])


def export_tfjs(net: FoldedNet, out_dir: str, float16: bool, model_name: str) -> list[str]:
    """Writes model.json and group1-shard1of1.bin into out_dir; returns the file names."""
    os.makedirs(out_dir, exist_ok=True)
    layers = [
        {
            'class_name': 'InputLayer',
            'config': {'batch_input_shape': [None, 28, 28, 1], 'dtype': 'float32', 'sparse': False, 'name': 'input'},
        }
    ] + [_layer_config(op) for op in net.ops]
    weights = []
    blobs = []
    for op in net.ops:
        for key in ('kernel', 'bias'):
            if key not in op:
                continue
            a = op[key]
            spec = {'name': f"{op['name']}/{key}", 'shape': list(a.shape), 'dtype': 'float32'}
            if float16:
                spec['quantization'] = {'dtype': 'float16', 'original_dtype': 'float32'}
                blobs.append(a.astype('<f2').tobytes())
            else:
                blobs.append(a.astype('<f4').tobytes())
            weights.append(spec)
    model_json = {
        'format': 'layers-model',
        'generatedBy': 'digit-lens training/export_tfjs.py',
        'convertedBy': None,
        'modelTopology': {
            'class_name': 'Sequential',
            'config': {'name': model_name, 'layers': layers},
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
