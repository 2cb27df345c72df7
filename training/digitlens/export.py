"""The one TensorFlow.js Layers exporter for every model (digit, pair check, line reader).

No tensorflowjs package needed: the Keras-style topology JSON and the weights manifest are
written directly, in the form @tensorflow/tfjs-layers 4.x reads with tf.loadLayersModel().

- BatchNorm (eval statistics) is folded into the preceding bias-free convolution.
- The calibration temperature T is folded into the head (W/T, b/T), so the exported softmax
  is calibrated.
- Layouts: PyTorch conv weights OIHW -> TF HWIO; dense [out,in] -> [in,out]. The networks end
  with global average pooling or a 1x1 convolution, so no NCHW/NHWC flatten permutation.
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
GENERATED_BY = 'digit-lens training/digitlens/export.py'


class FoldedNet:
    """The exported network as a list of ops with float32 numpy weights (already rounded).
    Ops: conv (HWIO kernel, 'same' padding, relu or softmax over channels), maxpool, gap
    (global average pooling), dense (softmax)."""

    def __init__(self, ops: list[dict]):
        self.ops = ops

    def param_count(self) -> int:
        return sum(op[k].size for op in self.ops for k in ('kernel', 'bias') if k in op)

    @torch.no_grad()
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """NCHW input -> the exported network's output (probabilities), in PyTorch layout."""
        h = x
        for op in self.ops:
            if op['type'] == 'conv':
                w = torch.from_numpy(op['kernel']).permute(3, 2, 0, 1).contiguous()  # HWIO -> OIHW
                pad = (w.shape[2] // 2, w.shape[3] // 2)
                h = F.conv2d(h, w, torch.from_numpy(op['bias']), padding=pad)
                h = F.relu(h) if op['activation'] == 'relu' else F.softmax(h, dim=1)
            elif op['type'] == 'maxpool':
                h = F.max_pool2d(h, op['pool'])
            elif op['type'] == 'gap':
                h = h.mean(dim=(2, 3))
            elif op['type'] == 'dense':
                h = h @ torch.from_numpy(op['kernel']) + torch.from_numpy(op['bias'])
                h = F.softmax(h, dim=1)
        return h

    def predict(self, x: torch.Tensor, bs: int = 1000) -> torch.Tensor:
        return torch.cat([self.forward(x[i : i + bs]) for i in range(0, x.shape[0], bs)])


def _round(a: np.ndarray, float16: bool) -> np.ndarray:
    a = a.astype(np.float32)
    if float16:
        if np.abs(a).max() > 60000:
            raise ValueError('weight too large for float16')
        a = a.astype(np.float16).astype(np.float32)
    return np.ascontiguousarray(a)


def _count(ops: list[dict], kind: str) -> int:
    return sum(o['type'] == kind for o in ops)


def fold_features(features: nn.Sequential, float16: bool) -> list[dict]:
    """conv-BN-ReLU blocks and max pools -> conv ops (BatchNorm folded in) and maxpool ops."""
    ops: list[dict] = []
    mods = list(features)
    i = 0
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
            name = f'conv{_count(ops, "conv") + 1}'
            ops.append(_conv_op(name, wf, bf, 'relu', float16))
            i += 3
        elif isinstance(m, nn.MaxPool2d):
            k = m.kernel_size if isinstance(m.kernel_size, tuple) else (m.kernel_size, m.kernel_size)
            ops.append({'type': 'maxpool', 'name': f'pool{_count(ops, "maxpool") + 1}', 'pool': [int(k[0]), int(k[1])]})
            i += 1
        else:
            raise TypeError(f'unexpected module {m}')
    return ops


def _conv_op(name: str, w: torch.Tensor, b: torch.Tensor, activation: str, float16: bool) -> dict:
    return {
        'type': 'conv',
        'name': name,
        'kernel': _round(w.permute(2, 3, 1, 0).numpy(), float16),  # OIHW -> HWIO
        'bias': _round(b.numpy(), float16),
        'activation': activation,
    }


def dense_head(fc: nn.Linear, temperature: float, float16: bool) -> list[dict]:
    """Global average pooling and a softmax dense layer with 1/T folded in."""
    return [
        {'type': 'gap', 'name': 'gap'},
        {
            'type': 'dense',
            'name': 'logits',
            'kernel': _round((fc.weight.detach().double() / temperature).t().numpy(), float16),
            'bias': _round((fc.bias.detach().double() / temperature).numpy(), float16),
        },
    ]


def conv_head(conv: nn.Conv2d, temperature: float, float16: bool, name: str) -> list[dict]:
    """A convolution with a softmax over its channels and 1/T folded in (per-column outputs)."""
    w = conv.weight.detach().double() / temperature
    return [_conv_op(name, w, conv.bias.detach().double() / temperature, 'softmax', float16)]


def fold_model(model: nn.Module, temperature: float, float16: bool) -> FoldedNet:
    """A Net (conv blocks, global average pooling, dense) as the network tfjs will run."""
    model.eval()
    return FoldedNet(fold_features(model.features, float16) + dense_head(model.fc, temperature, float16))


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


def layer_config(op: dict) -> dict:
    """One op as a Keras layer config (the key order is the one tfjs-converter writes)."""
    if op['type'] == 'conv':
        kh, kw = op['kernel'].shape[:2]
        return {
            'class_name': 'Conv2D',
            'config': {
                **_common(op),
                'filters': int(op['kernel'].shape[3]),
                'kernel_size': [int(kh), int(kw)],
                'strides': [1, 1],
                'padding': 'same',
                'data_format': 'channels_last',
                'dilation_rate': [1, 1],
                **_weights(op['activation']),
            },
        }
    if op['type'] == 'maxpool':
        return {
            'class_name': 'MaxPooling2D',
            'config': {
                **_common(op),
                'pool_size': op['pool'],
                'padding': 'valid',
                'strides': op['pool'],
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


def weight_manifest(ops: list[dict], float16: bool) -> tuple[list[dict], list[bytes]]:
    """The weights manifest entries of the ops (named `<op name>/kernel|bias`) and their bytes."""
    weights, blobs = [], []
    for op in ops:
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
    return weights, blobs


def write_tfjs(out_dir: str, topology: dict, weights: list[dict], blobs: list[bytes]) -> list[str]:
    """model.json (the given Keras topology) and one weight shard; returns the file names."""
    os.makedirs(out_dir, exist_ok=True)
    model_json = {
        'format': 'layers-model',
        'generatedBy': GENERATED_BY,
        'convertedBy': None,
        'modelTopology': {**topology, 'keras_version': '2.15.0', 'backend': 'tensor_flow.js'},
        'weightsManifest': [{'paths': [SHARD], 'weights': weights}],
    }
    with open(os.path.join(out_dir, SHARD), 'wb') as f:
        for b in blobs:
            f.write(b)
    with open(os.path.join(out_dir, 'model.json'), 'w') as f:
        json.dump(model_json, f, separators=(',', ':'))
    return ['model.json', SHARD]


def input_layer(input_shape: tuple) -> dict:
    return {
        'class_name': 'InputLayer',
        'config': {'batch_input_shape': list(input_shape), 'dtype': 'float32', 'sparse': False, 'name': 'input'},
    }


def export_tfjs(
    net: FoldedNet, out_dir: str, float16: bool, model_name: str, input_shape: tuple = (None, 28, 28, 1)
) -> list[str]:
    """Writes model.json and group1-shard1of1.bin into out_dir; returns the file names.
    `input_shape` is NHWC with None for free dimensions (the line reader's width)."""
    layers = [input_layer(input_shape)] + [layer_config(op) for op in net.ops]
    weights, blobs = weight_manifest(net.ops, float16)
    topology = {'class_name': 'Sequential', 'config': {'name': model_name, 'layers': layers}}
    return write_tfjs(out_dir, topology, weights, blobs)


def read_tfjs(model_dir: str) -> tuple[dict, dict[str, np.ndarray]]:
    """model.json and its weights by name (float16 or float32 shards, as float32)."""
    with open(os.path.join(model_dir, 'model.json')) as f:
        mj = json.load(f)
    group = mj['weightsManifest'][0]
    raw = b''
    for p in group['paths']:
        with open(os.path.join(model_dir, p), 'rb') as f:
            raw += f.read()
    weights, off = {}, 0
    for spec in group['weights']:
        n = int(np.prod(spec['shape']))
        f16 = spec.get('quantization', {}).get('dtype') == 'float16'
        dtype, size = ('<f2', 2) if f16 else ('<f4', 4)
        a = np.frombuffer(raw, dtype=dtype, count=n, offset=off).astype(np.float32)
        weights[spec['name']] = a.reshape(spec['shape'])
        off += size * n
    return mj, weights


def op_from_layer(layer: dict, weights: dict[str, np.ndarray]) -> dict | None:
    """A Keras layer config back as a FoldedNet op (None for the input and merge layers)."""
    kind, cfg = layer['class_name'], layer['config']
    name = cfg['name']
    if kind == 'Conv2D':
        k, b = weights[f'{name}/kernel'], weights[f'{name}/bias']
        return {'type': 'conv', 'name': name, 'kernel': k, 'bias': b, 'activation': cfg['activation']}
    if kind == 'MaxPooling2D':
        return {'type': 'maxpool', 'name': name, 'pool': list(cfg['pool_size'])}
    if kind == 'GlobalAveragePooling2D':
        return {'type': 'gap', 'name': name}
    if kind == 'Dense':
        return {'type': 'dense', 'name': name, 'kernel': weights[f'{name}/kernel'], 'bias': weights[f'{name}/bias']}
    return None


def load_tfjs(model_dir: str) -> FoldedNet:
    """Reads an export back (model.json + shards, float16 or float32) as the FoldedNet tfjs runs."""
    mj, weights = read_tfjs(model_dir)
    ops = [op_from_layer(layer, weights) for layer in mj['modelTopology']['config']['layers']]
    return FoldedNet([op for op in ops if op is not None])
