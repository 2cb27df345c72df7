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


def test_thinning_keeps_strokes_whole_and_one_pixel_wide():
    from linereader.scipy_free import thin

    yy, xx = np.mgrid[0:40, 0:40]
    r = np.hypot(yy - 20, xx - 20)
    ring = (r >= 10) & (r <= 15)  # a bold "0", 6 px wide
    core = thin(ring)
    assert core.sum() > 2 * np.pi * 10  # still goes all the way round
    assert not (core & ~ring).any()
    # one pixel wide: no 2x2 block of skeleton pixels
    assert not (core[:-1, :-1] & core[1:, :-1] & core[:-1, 1:] & core[1:, 1:]).any()
    # connected: a flood fill from one skeleton pixel reaches all of them
    seen = np.zeros_like(core)
    stack = [tuple(np.argwhere(core)[0])]
    while stack:
        y, x = stack.pop()
        if seen[y, x]:
            continue
        seen[y, x] = True
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                q = (y + dy, x + dx)
                if 0 <= q[0] < 40 and 0 <= q[1] < 40 and core[q] and not seen[q]:
                    stack.append(q)
    assert seen.sum() == core.sum()


def test_font_words_are_redrawn_with_unbroken_pen_strokes():
    from linereader import glyphs

    rng = np.random.default_rng(0)
    ink = glyphs.font_text('Tel', 40.0, 5.0, rng)
    assert ink.shape[0] >= 30 and ink.max() == 1.0
    cols = np.where(ink.max(axis=0) > 0.5)[0]
    assert cols[-1] - cols[0] > 40  # three letters side by side


def test_every_shape_kind_draws_ink():
    from linereader import glyphs

    rng = np.random.default_rng(1)
    for kind in range(glyphs.SHAPES):
        strokes_ = glyphs._shape(kind, 40.0, 60.0, rng)
        pts = np.concatenate(strokes_)
        assert np.isfinite(pts).all() and pts.shape[1] == 2
        assert np.ptp(pts[:, 0]) + np.ptp(pts[:, 1]) > 10, kind
