"""The digit training loop on a tiny net and data set: a run stopped after epoch 1 and resumed
from its checkpoint ends with exactly the weights of an uninterrupted run."""

from argparse import Namespace

import torch

from digitlens.loop import DigitData, DigitTraining, SgdOneCycle, set_seed
from digitlens.model import Net

ARCH = [(4, True), (8, False)]


def args(**kw) -> Namespace:
    base = dict(epochs=2, batch_size=8, lr=0.05, weight_decay=5e-4, ema=0.9, seed=3, val_size=16)
    base.update(train_limit=0, threads=1, canvas_fraction=0.5, canvas_pens=2, stop_after=0)
    base.update(kw)
    return Namespace(**base)


def tiny_data() -> DigitData:
    g = torch.Generator()
    g.manual_seed(0)
    x = torch.rand(48, 1, 28, 28, generator=g)
    y = torch.randint(10, (48,), generator=g)
    return DigitData(x[:32], y[:32], torch.stack([x[:32].flip(-1), x[:32].flip(-2)]), x[32:], y[32:], x[32:])


def start(a: Namespace):
    g = set_seed(a.seed)
    model = Net(ARCH)
    run = DigitTraining(a, model, Net(ARCH), SgdOneCycle(a.lr, a.weight_decay), tiny_data())
    return run, g


def test_resume_gives_the_uninterrupted_result(tmp_path):
    torch.set_num_threads(1)
    whole, g = start(args())
    assert whole.run(g, None)
    ckpt = str(tmp_path / 'checkpoint.pt')
    first, g = start(args(stop_after=1))
    assert not first.run(g, ckpt)  # stopped early
    second, g = start(args(stop_after=1))
    second.args.stop_after = 0
    second.resume(ckpt, g)
    assert second.resumed_from == 1
    assert second.run(g, ckpt)
    assert [r['train_loss'] for r in second.history] == [r['train_loss'] for r in whole.history]
    for k, v in whole.model.state_dict().items():
        assert torch.equal(v, second.model.state_dict()[k]), k
    assert whole.select() == second.select()
