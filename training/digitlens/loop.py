"""Seeding, the optimiser both CNNs use, and the digit model's epoch loop (EMA weights,
selection on plain and canvas-style validation, a checkpoint after every epoch for --resume)."""

from __future__ import annotations

import math
import os
import random
import time
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from .augment import augment
from .metrics import predict_logits
from .model import Net


def set_seed(seed: int) -> torch.Generator:
    """Seeds Python, numpy and torch; returns the generator that drives shuffling and augmentation."""
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    g = torch.Generator()
    g.manual_seed(seed)
    return g


def configure_torch(threads: int) -> None:
    torch.set_num_threads(threads)
    torch.use_deterministic_algorithms(True, warn_only=True)


@dataclass(frozen=True)
class SgdOneCycle:
    """SGD with Nesterov momentum, weight decay on conv/dense weights only, and a one-cycle
    learning rate: how the digit model and the pair check are optimised."""

    peak_lr: float
    weight_decay: float
    momentum: float = 0.9
    nesterov: bool = True
    pct_start: float = 0.25  # share of the steps spent warming up

    def build(self, model: nn.Module, epochs: int, steps_per_epoch: int):
        """(optimizer, scheduler) for the model; the scheduler steps once per batch."""
        decay = [p for p in model.parameters() if p.ndim > 1]
        no_decay = [p for p in model.parameters() if p.ndim <= 1]  # biases and BatchNorm
        opt = torch.optim.SGD(
            [{'params': decay, 'weight_decay': self.weight_decay}, {'params': no_decay, 'weight_decay': 0.0}],
            lr=self.peak_lr,
            momentum=self.momentum,
            nesterov=self.nesterov,
        )
        sched = torch.optim.lr_scheduler.OneCycleLR(
            opt, max_lr=self.peak_lr, epochs=epochs, steps_per_epoch=steps_per_epoch, pct_start=self.pct_start
        )
        return opt, sched


# the arguments a checkpoint must have been made with to be resumed
RESUME_KEYS = (
    'epochs',
    'batch_size',
    'lr',
    'weight_decay',
    'ema',
    'seed',
    'val_size',
    'train_limit',
    'threads',
    'canvas_fraction',
    'canvas_pens',
)


@dataclass
class DigitData:
    x_tr: torch.Tensor
    y_tr: torch.Tensor
    x_tr_canvas: torch.Tensor  # [pens, n, 1, 28, 28]
    x_val: torch.Tensor
    y_val: torch.Tensor
    x_val_canvas: torch.Tensor


class DigitTraining:
    """The state of one digit-model run: model, EMA copy, optimiser, the best epoch so far."""

    def __init__(self, args, model: Net, ema_model: Net | None, settings: SgdOneCycle, data: DigitData):
        self.args, self.model, self.ema_model, self.data = args, model, ema_model, data
        self.settings = settings
        steps_per_epoch = math.ceil(data.x_tr.shape[0] / args.batch_size)
        self.opt, self.sched = settings.build(model, args.epochs, steps_per_epoch)
        if ema_model is not None:
            ema_model.load_state_dict(model.state_dict())
        self.best = None  # ((mean val acc, -val nll), epoch, which, state)
        self.history: list[dict] = []
        self.start_epoch = 1
        self.resumed_from = None
        self.config = {k: getattr(args, k) for k in RESUME_KEYS}

    def state(self, g: torch.Generator, epoch: int) -> dict:
        return {
            'config': self.config,
            'model': self.model.state_dict(),
            'ema': self.ema_model.state_dict() if self.ema_model is not None else None,
            'opt': self.opt.state_dict(),
            'sched': self.sched.state_dict(),
            'gen': g.get_state(),
            'torch_rng': torch.get_rng_state(),
            'best': self.best,
            'history': self.history,
            'epoch': epoch,
        }

    def save(self, path: str, g: torch.Generator, epoch: int) -> None:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        torch.save(self.state(g, epoch), path + '.tmp')
        os.replace(path + '.tmp', path)

    def resume(self, path: str, g: torch.Generator) -> None:
        """Continues from a checkpoint made with the same configuration (bit-identical result)."""
        ck = torch.load(path)
        if ck['config'] != self.config:
            print(f'ignoring {path}: it was made with another configuration', flush=True)
            return
        self.model.load_state_dict(ck['model'])
        if self.ema_model is not None:
            self.ema_model.load_state_dict(ck['ema'])
        self.opt.load_state_dict(ck['opt'])
        self.sched.load_state_dict(ck['sched'])
        g.set_state(ck['gen'])
        torch.set_rng_state(ck['torch_rng'])
        self.best, self.history, self.start_epoch = ck['best'], ck['history'], ck['epoch'] + 1
        self.resumed_from = ck['epoch']
        print(f'resumed from {path} after epoch {ck["epoch"]}', flush=True)

    def train_epoch(self, epoch: int, g: torch.Generator) -> dict:
        args, d, model = self.args, self.data, self.model
        model.train()
        order = torch.randperm(d.x_tr.shape[0], generator=g)
        tot_loss, tot_n, tot_correct = 0.0, 0, 0
        # last epoch(s): lighter augmentation so the final weights also fit clean MNIST geometry
        strength = 1.0 if epoch <= max(1, args.epochs - 2) else 0.5
        for i in range(0, d.x_tr.shape[0], args.batch_size):
            bi = order[i : i + args.batch_size]
            with torch.no_grad():
                redraw = torch.rand(len(bi), generator=g) < args.canvas_fraction * strength
                # one pen draws nothing from g, so a one-pen run keeps the random stream it had
                # before --canvas-pens existed
                pen = torch.randint(args.canvas_pens, (len(bi),), generator=g) if args.canvas_pens > 1 else 0
                xb = torch.where(redraw.view(-1, 1, 1, 1), d.x_tr_canvas[pen, bi], d.x_tr[bi])
                xb = augment(xb, g, strength, refit=redraw)
            yb = d.y_tr[bi]
            logits = model(xb)
            loss = F.cross_entropy(logits, yb)
            self.opt.zero_grad(set_to_none=True)
            loss.backward()
            self.opt.step()
            self.sched.step()
            if self.ema_model is not None:
                self._update_ema()
            tot_loss += loss.item() * len(bi)
            tot_n += len(bi)
            tot_correct += (logits.argmax(1) == yb).sum().item()
        return {'epoch': epoch, 'train_loss': tot_loss / tot_n, 'train_acc': tot_correct / tot_n}

    @torch.no_grad()
    def _update_ema(self) -> None:
        step = self.sched.last_epoch
        decay = min(self.args.ema, (1 + step) / (10 + step))  # short memory while few steps are done
        for pe, pm in zip(self.ema_model.state_dict().values(), self.model.state_dict().values()):
            if pe.dtype.is_floating_point:
                pe.mul_(decay).add_(pm, alpha=1 - decay)
            else:
                pe.copy_(pm)

    def score(self, row: dict) -> None:
        """Validation scores of the raw and EMA weights into row; keeps the best so far."""
        d = self.data
        cands = [('raw', self.model)] + ([('ema', self.ema_model)] if self.ema_model is not None else [])
        for which, m in cands:
            lv = predict_logits(m, d.x_val)
            acc = (lv.argmax(1) == d.y_val).float().mean().item()
            nll = F.cross_entropy(lv, d.y_val).item()
            row[f'val_acc_{which}'] = acc
            row[f'val_nll_{which}'] = nll
            canvas_acc = (predict_logits(m, d.x_val_canvas).argmax(1) == d.y_val).float().mean().item()
            row[f'val_canvas_acc_{which}'] = canvas_acc
            # select on plain and canvas-style validation alike: both are what the app reads
            key = ((acc + canvas_acc) / 2, -nll)
            if self.best is None or key >= self.best[0]:
                self.best = (key, row['epoch'], which, {k: v.clone() for k, v in m.state_dict().items()})

    def log(self, row: dict) -> None:
        ema_txt = (
            f" ema {row['val_acc_ema'] * 100:.2f}% (canvas {row['val_canvas_acc_ema'] * 100:.2f}%)"
            if self.ema_model is not None
            else ''
        )
        print(
            f"epoch {row['epoch']:2d}/{self.args.epochs}  loss {row['train_loss']:.4f}  "
            f"train acc {row['train_acc'] * 100:.2f}%  val acc {row['val_acc_raw'] * 100:.2f}% "
            f"(canvas {row['val_canvas_acc_raw'] * 100:.2f}%){ema_txt}  lr {self.sched.get_last_lr()[0]:.4f}  "
            f"{row['time_s']:.1f}s",
            flush=True,
        )

    def run(self, g: torch.Generator, checkpoint: str | None) -> bool:
        """All epochs (from a resumed one on); False when --stop-after ended the run early."""
        for epoch in range(self.start_epoch, self.args.epochs + 1):
            t0 = time.time()
            row = self.train_epoch(epoch, g)
            self.score(row)
            row['time_s'] = time.time() - t0
            self.history.append(row)
            self.log(row)
            if checkpoint:
                self.save(checkpoint, g, epoch)
            if self.args.stop_after and epoch >= self.args.stop_after:
                print(f'stopping after epoch {epoch} (--stop-after); continue with --resume', flush=True)
                return False
        return True

    def select(self) -> dict:
        """Loads the best weights into the model; returns what the card says about them."""
        _, epoch, which, state = self.best
        row = next(r for r in self.history if r['epoch'] == epoch)
        self.model.load_state_dict(state)
        self.model.eval()
        return {
            'epoch': epoch,
            'weights': which,
            'valAccuracy': row[f'val_acc_{which}'],
            'valCanvasAccuracy': row[f'val_canvas_acc_{which}'],
        }
