"""Known answers for the line reader's training code: CTC alphabet, the line fit the engine
mirrors (src/engine/lineReader/lineImage.ts), stroke rendering and the tfjs export's folding."""

import numpy as np
import torch

from linereader import alphabet, compose, export, model, strokes


def test_encode_and_greedy_decode():
    assert alphabet.encode('12/5') == [2, 3, 12, 6]
    text, spans = alphabet.decode_greedy([0, 2, 2, 0, 2, 0, 0, 12, 16])
    assert text == '11/?'
    assert spans == [(1, 2), (4, 4), (7, 7), (8, 8)]


def test_fit_line_matches_the_engine_geometry():
    ink = np.zeros((100, 200), dtype=np.float32)
    ink[10:66, 20:80] = 1.0  # a 56 x 60 block
    out = compose.fit_line(ink)
    assert out.shape[0] == alphabet.LINE_HEIGHT
    assert out.shape[1] % alphabet.WIDTH_STEP == 0
    assert out.shape[1] == 30 + 2 * alphabet.PAD_X + 2  # 60 px at scale 0.5, padded, rounded up
    assert out[2, alphabet.PAD_X] == 1.0 and out[1, alphabet.PAD_X] == 0.0
    assert out[2 + alphabet.INK_HEIGHT - 1, alphabet.PAD_X] == 1.0
    assert compose.fit_line(np.zeros((5, 5), dtype=np.float32)) is None


def test_render_scales_strokes_to_the_height_and_drops_glitches():
    stroke = np.array([[0, y] for y in range(101)] + [[5000, 100]], dtype=float)
    ink = strokes.render([stroke], height=40, pen=4)
    rows = np.where(ink.max(axis=1) > 0.5)[0]
    cols = np.where(ink.max(axis=0) > 0.5)[0]
    assert 40 <= rows[-1] - rows[0] + 1 <= 46
    assert cols[-1] - cols[0] < 10  # the far-off glitch point is not drawn


def test_validation_writers_are_a_stable_quarter():
    writers = [f'w{i}' for i in range(2000)]
    share = np.mean([strokes.is_validation_writer(w) for w in writers])
    assert 0.2 < share < 0.3
    assert strokes.is_validation_writer('w7') == strokes.is_validation_writer('w7')


def test_folded_export_equals_the_trained_network():
    torch.manual_seed(0)
    net = model.LineNet().eval()
    for m in net.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            m.running_mean.uniform_(-0.1, 0.1)
            m.running_var.uniform_(0.5, 1.5)
    x = torch.rand(2, 1, 32, 64)
    ops = export.fold(net, temperature=1.5)
    want = torch.softmax(net(x) / 1.5, dim=1)[:, :, 0, :].permute(0, 2, 1)
    got = export.run_folded(ops, x)
    assert got.shape == (2, 16, alphabet.CLASSES)
    assert torch.allclose(want, got, atol=2e-3)  # float16 weights
