"""The line reader ensemble: its forward is the mean of its members, it survives the export
round trip, and tfjs (node, the engine's library) loads it and gives the same probabilities."""

import os
import shutil
import subprocess

import numpy as np
import pytest
import torch

from digitlens.export import FoldedNet
from linereader import alphabet, ensemble, export, model
from linereader.data import Pool
from linereader.strokes import ROOT


def _members(n=2):
    nets = []
    for seed in range(n):
        torch.manual_seed(seed)
        net = model.LineNet()
        net.eval()
        nets.append(FoldedNet(export.fold(net, 1.0)))
    return nets


def _pool():
    rng = np.random.default_rng(0)
    lines = [(rng.random((32, w)) > 0.7).astype(np.uint8) * 255 for w in (40, 64, 96)]
    return Pool(lines, ['1', '22', '333'])


def test_forward_is_the_mean_of_the_members():
    members = _members()
    ens = ensemble.Ensemble(members)
    x = torch.from_numpy(_pool().lines[1].astype(np.float32) / 255)[None, None]
    each = [export.run_folded(m.ops, x) for m in members]
    got = ens.forward(x)
    assert got.shape == each[0].shape == (1, 16, alphabet.CLASSES)
    assert torch.allclose(got, (each[0] + each[1]) / 2, atol=1e-6)
    assert torch.allclose(got.sum(dim=2), torch.ones(1, 16), atol=1e-5)


def test_export_round_trip_and_tfjs_parity(tmp_path):
    ens = ensemble.Ensemble(_members())
    out = tmp_path / 'line'
    assert ensemble.export_ensemble(ens, str(out)) == ['model.json', 'group1-shard1of1.bin']
    back = ensemble.load_ensemble(str(out))
    assert len(back.members) == 2 and back.param_count() == ens.param_count()
    x = torch.from_numpy(_pool().lines[2].astype(np.float32) / 255)[None, None]
    assert torch.allclose(back.forward(x), ens.forward(x), atol=1e-6)
    fixture = tmp_path / 'parity.json'
    export.write_parity(ens.forward, _pool(), str(fixture))
    node = shutil.which('node')
    if node is None or not os.path.isdir(os.path.join(ROOT, 'node_modules', '@tensorflow', 'tfjs')):
        pytest.skip('node and npm packages are needed for the tfjs check')
    check = os.path.join(ROOT, 'training', 'linereader', 'smoke-check.mjs')
    run = subprocess.run([node, check, str(out), str(fixture)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert 'smoke check OK' in run.stdout
