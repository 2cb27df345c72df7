"""Known answers for the shared tfjs exporter (digitlens/export.py): BatchNorm and 1/T folding,
the model.json topology and manifest, and weights that read back bit-identical."""

import json

import numpy as np
import torch

from digitlens.export import GENERATED_BY, SHARD, export_tfjs, fold_model, load_tfjs
from digitlens.model import Net
from linereader import export as line_export
from linereader.model import LineNet


def tiny_net() -> Net:
    """conv(2) -> maxpool -> GAP -> dense(3) with dyadic weights (exact in float16)."""
    net = Net(arch=[(2, True)], dropout=0.0, classes=3).eval()
    conv, bn = net.features[0], net.features[1]
    with torch.no_grad():
        conv.weight.copy_(torch.arange(18, dtype=torch.float32).view(2, 1, 3, 3) / 8)
        bn.eps = 0.0  # scale = gamma / sqrt(var) exactly
        bn.weight.copy_(torch.tensor([2.0, 0.5]))
        bn.bias.copy_(torch.tensor([0.25, -0.5]))
        bn.running_mean.copy_(torch.tensor([1.0, -2.0]))
        bn.running_var.copy_(torch.tensor([1.0, 4.0]))
        net.fc.weight.copy_(torch.arange(6, dtype=torch.float32).view(3, 2) - 2)
        net.fc.bias.copy_(torch.tensor([1.0, 0.0, -1.0]))
    return net


def test_folding_known_weights():
    ops = fold_model(tiny_net(), temperature=2.0, float16=True).ops
    assert [o['type'] for o in ops] == ['conv', 'maxpool', 'gap', 'dense']
    w = torch.arange(18, dtype=torch.float32).view(2, 1, 3, 3) / 8
    scale = torch.tensor([2.0, 0.25])  # gamma / sqrt(var)
    want = (w * scale.view(2, 1, 1, 1)).permute(2, 3, 1, 0).numpy()  # OIHW -> HWIO
    assert np.array_equal(ops[0]['kernel'], want)
    assert np.array_equal(ops[0]['bias'], [0.25 - 1.0 * 2.0, -0.5 + 2.0 * 0.25])
    assert ops[1]['pool'] == [2, 2]
    fc = (torch.arange(6, dtype=torch.float32).view(3, 2) - 2) / 2  # W / T
    assert np.array_equal(ops[3]['kernel'], fc.t().numpy())
    assert np.array_equal(ops[3]['bias'], [0.5, 0.0, -0.5])


def test_model_json_lists_the_expected_layers_and_shapes(tmp_path):
    folded = fold_model(tiny_net(), temperature=1.0, float16=True)
    files = export_tfjs(folded, str(tmp_path), float16=True, model_name='tiny')
    assert files == ['model.json', SHARD]
    mj = json.loads((tmp_path / 'model.json').read_text())
    assert mj['format'] == 'layers-model' and mj['generatedBy'] == GENERATED_BY
    layers = mj['modelTopology']['config']['layers']
    assert [(lay['class_name'], lay['config']['name']) for lay in layers] == [
        ('InputLayer', 'input'),
        ('Conv2D', 'conv1'),
        ('MaxPooling2D', 'pool1'),
        ('GlobalAveragePooling2D', 'gap'),
        ('Dense', 'logits'),
    ]
    assert layers[0]['config']['batch_input_shape'] == [None, 28, 28, 1]
    conv = layers[1]['config']
    assert (conv['filters'], conv['kernel_size'], conv['padding'], conv['activation']) == (2, [3, 3], 'same', 'relu')
    assert (layers[4]['config']['units'], layers[4]['config']['activation']) == (3, 'softmax')
    manifest = mj['weightsManifest'][0]
    assert manifest['paths'] == [SHARD]
    assert [(w['name'], w['shape']) for w in manifest['weights']] == [
        ('conv1/kernel', [3, 3, 1, 2]),
        ('conv1/bias', [2]),
        ('logits/kernel', [2, 3]),
        ('logits/bias', [3]),
    ]
    assert all(w['quantization'] == {'dtype': 'float16', 'original_dtype': 'float32'} for w in manifest['weights'])
    assert (tmp_path / SHARD).stat().st_size == (18 + 2 + 6 + 3) * 2


def test_weights_read_back_bit_identical(tmp_path):
    torch.manual_seed(0)
    net = Net(arch=[(4, True), (8, False)], classes=5).eval()
    for float16 in (True, False):
        out = tmp_path / str(float16)
        folded = fold_model(net, temperature=1.3, float16=float16)
        export_tfjs(folded, str(out), float16=float16, model_name='t')
        back = load_tfjs(str(out))
        assert [o['type'] for o in back.ops] == [o['type'] for o in folded.ops]
        for a, b in zip(folded.ops, back.ops):
            for key in ('kernel', 'bias'):
                if key in a:
                    assert a[key].dtype == b[key].dtype == np.float32
                    assert a[key].tobytes() == b[key].tobytes()
        x = torch.rand(3, 1, 28, 28)
        assert torch.equal(folded.predict(x), back.predict(x))


def test_folded_network_computes_what_the_model_does():
    torch.manual_seed(1)
    net = Net(arch=[(4, True), (8, False)], classes=5).eval()
    for m in net.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            m.running_mean.uniform_(-0.2, 0.2)
            m.running_var.uniform_(0.5, 1.5)
    x = torch.rand(4, 1, 28, 28)
    with torch.no_grad():
        want = torch.softmax(net(x) / 1.5, dim=1)
    got = fold_model(net, temperature=1.5, float16=False).predict(x)
    assert torch.allclose(want, got, atol=1e-6)


def test_line_reader_uses_the_shared_exporter_with_a_free_width(tmp_path):
    torch.manual_seed(0)
    ops = line_export.fold(LineNet(), temperature=1.0)
    line_export.export(ops, str(tmp_path))
    mj = json.loads((tmp_path / 'model.json').read_text())
    assert mj['generatedBy'] == GENERATED_BY
    layers = mj['modelTopology']['config']['layers']
    assert layers[0]['config']['batch_input_shape'] == [None, 32, None, 1]
    assert layers[-1]['config']['name'] == 'columns' and layers[-1]['config']['activation'] == 'softmax'
    assert [lay['config']['pool_size'] for lay in layers if lay['class_name'] == 'MaxPooling2D'] == [
        [2, 2],
        [2, 2],
        [2, 1],
        [2, 1],
        [2, 1],
    ]
    back = load_tfjs(str(tmp_path))
    assert all(a['kernel'].tobytes() == b['kernel'].tobytes() for a, b in zip(ops, back.ops) if 'kernel' in a)
