"""The fine-tuning net reads an export back exactly and writes the same ops out again."""

import numpy as np
import torch

from linereader import export as line_export
from linereader.finetune import TunableNet
from linereader.model import LineNet


def exported_ops() -> list[dict]:
    torch.manual_seed(3)
    net = LineNet().eval()
    for m in net.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            with torch.no_grad():
                m.running_mean.uniform_(-0.2, 0.2)
                m.running_var.uniform_(0.5, 2.0)
    return line_export.fold(net, temperature=1.5)


def test_tunable_net_computes_what_the_export_computes():
    ops = exported_ops()
    x = torch.rand(2, 1, 32, 48)
    want = line_export.run_folded(ops, x)
    logits = TunableNet(ops).eval()(x)[:, :, 0, :].permute(0, 2, 1)
    got = torch.softmax(logits, dim=2)
    assert got.shape == want.shape == (2, 12, want.shape[2])
    assert torch.allclose(got, want, atol=1e-5)


def test_ops_round_trip_and_fold_the_new_temperature():
    ops = exported_ops()
    back = TunableNet(ops).ops(temperature=1.0)
    assert [o['type'] for o in back] == [o['type'] for o in ops]
    for a, b in zip(ops, back):
        for k in ('kernel', 'bias'):
            if k in a:
                assert np.array_equal(a[k], b[k]), (a['name'], k)
    hot = TunableNet(ops).ops(temperature=2.0)
    assert np.allclose(hot[-1]['kernel'], ops[-1]['kernel'] / 2, atol=1e-3)
    assert hot[-1]['activation'] == 'softmax' and back[0]['activation'] == 'relu'


def test_rejects_a_net_without_a_softmax_head():
    ops = exported_ops()
    ops[-1] = {**ops[-1], 'activation': 'relu'}
    try:
        TunableNet(ops)
    except ValueError as e:
        assert 'softmax head' in str(e)
    else:
        raise AssertionError('a net without a softmax head was accepted')
