"""MNIST IDX reading (clear errors for missing, gzipped and truncated files) and the model card's
optimiser block, read from the live objects."""

import gzip

import numpy as np
import pytest
import torch

from digitlens.card import optimizer_card
from digitlens.data import DataError, read_idx, validation_split
from digitlens.loop import SgdOneCycle
from digitlens.model import Net, arch_text


def idx_bytes(a: np.ndarray, magic: int) -> bytes:
    return magic.to_bytes(4, 'big') + b''.join(d.to_bytes(4, 'big') for d in a.shape) + a.tobytes()


def test_read_idx_round_trip_and_errors(tmp_path):
    a = np.arange(2 * 3 * 4, dtype=np.uint8).reshape(2, 3, 4)
    good = tmp_path / 'images'
    good.write_bytes(idx_bytes(a, 0x803))
    assert np.array_equal(read_idx(str(good), 0x803), a)
    with pytest.raises(DataError, match='missing'):
        read_idx(str(tmp_path / 'absent'), 0x803)
    gz = tmp_path / 'images.gz'
    gz.write_bytes(gzip.compress(idx_bytes(a, 0x803)))
    with pytest.raises(DataError, match='gzipped'):
        read_idx(str(gz), 0x803)
    short = tmp_path / 'short'
    short.write_bytes(idx_bytes(a, 0x803)[:-1])
    with pytest.raises(DataError, match='data bytes'):
        read_idx(str(short), 0x803)


def test_validation_split_is_fixed_by_the_seed():
    val, train = validation_split(100, seed=5, val_size=10)
    assert len(val) == 10 and len(train) == 90
    assert sorted(np.concatenate([val, train]).tolist()) == list(range(100))
    assert np.array_equal(val, validation_split(100, seed=5, val_size=10)[0])


def test_card_reads_the_optimiser_and_model_it_is_given():
    net = Net(arch=[(4, True)], dropout=0.3, classes=2)
    settings = SgdOneCycle(peak_lr=0.07, weight_decay=1e-3, momentum=0.8, pct_start=0.3)
    opt, sched = settings.build(net, epochs=2, steps_per_epoch=5)
    assert optimizer_card(opt, sched, settings) == {
        'optimizer': {'type': 'SGD', 'momentum': 0.8, 'nesterov': True, 'schedule': 'OneCycleLR', 'pctStart': 0.3},
        'peakLr': 0.07,
        'weightDecay': 1e-3,
    }
    assert opt.param_groups[1]['weight_decay'] == 0.0  # biases and BatchNorm are not decayed
    assert arch_text(net) == 'input 28x28x1 -> conv3x3(4)-BN-ReLU -> maxpool2 -> global-avg-pool -> dense(2) -> softmax'
    assert isinstance(sched, torch.optim.lr_scheduler.OneCycleLR)
