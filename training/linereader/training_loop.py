"""CTC training loop, evaluation and calibration for LineNet."""

from __future__ import annotations

import math
import time

import numpy as np
import torch
import torch.nn.functional as F

from .alphabet import encode, decode_greedy
from .data import Pool


def batches(pool: Pool, size: int, rng: np.random.Generator | None):
    """Index batches of similar widths (the pool is sorted by width); shuffled order if rng."""
    starts = list(range(0, len(pool), size))
    if rng is not None:
        rng.shuffle(starts)
    for s in starts:
        yield list(range(s, min(s + size, len(pool))))


def tensor_batch(pool: Pool, idx: list[int]) -> tuple[torch.Tensor, torch.Tensor]:
    w = max(pool.lines[i].shape[1] for i in idx)
    w += (-w) % 32  # few distinct shapes: oneDNN builds its kernels once per input shape
    x = torch.zeros(len(idx), 1, pool.lines[idx[0]].shape[0], w)
    for k, i in enumerate(idx):
        a = pool.lines[i]
        x[k, 0, :, : a.shape[1]] = torch.from_numpy(a.astype(np.float32) / 255.0)
    widths = torch.tensor([pool.lines[i].shape[1] // 4 for i in idx], dtype=torch.long)
    return x, widths


def augment(x: torch.Tensor, g: torch.Generator) -> torch.Tensor:
    """Cheap per-batch variation on top of the composer's: stroke weight (max/min pooling)."""
    r = float(torch.rand(1, generator=g))
    if r < 0.15:
        x = F.max_pool2d(x, 3, 1, 1)
    elif r < 0.25:
        x = -F.max_pool2d(-x, (1, 2), 1, 0)
        x = F.pad(x, (0, 1))
    return x


def ctc_loss(logits: torch.Tensor, widths: torch.Tensor, texts: list[str], temperature: float = 1.0):
    lp = F.log_softmax(logits[:, :, 0, :] / temperature, dim=1).permute(2, 0, 1)  # T, N, C
    targets = [torch.tensor(encode(t), dtype=torch.long) for t in texts]
    lengths = torch.tensor([len(t) for t in targets], dtype=torch.long)
    return F.ctc_loss(lp, torch.cat(targets), widths, lengths, blank=0, reduction='mean', zero_infinity=True)


def train(model, pool: Pool, epochs: int, lr: float, batch_size: int, seed: int, log=print, val=None):
    g = torch.Generator()
    g.manual_seed(seed)
    rng = np.random.default_rng(seed)
    steps = epochs * math.ceil(len(pool) / batch_size)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=steps, pct_start=0.15)
    history = []
    best = None
    for epoch in range(epochs):
        model.train()
        t0 = time.time()
        total, n = 0.0, 0
        for step, idx in enumerate(batches(pool, batch_size, rng)):
            if step % 200 == 0:
                log({'epoch': epoch + 1, 'step': step, 'seconds': round(time.time() - t0, 1)})
            x, widths = tensor_batch(pool, idx)
            x = augment(x, g)
            loss = ctc_loss(model(x), widths, [pool.texts[i] for i in idx])
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            sched.step()
            total += float(loss) * len(idx)
            n += len(idx)
        entry = {'epoch': epoch + 1, 'loss': total / max(n, 1), 'seconds': round(time.time() - t0, 1)}
        if val is not None:
            entry.update({k: v for k, v in evaluate(model, val).items() if k != 'failures'})
            if best is None or entry['exact'] >= best[0]:
                best = (entry['exact'], {k: v.detach().clone() for k, v in model.state_dict().items()})
        history.append(entry)
        log(entry)
    if best is not None:
        model.load_state_dict(best[1])
    return history


@torch.no_grad()
def predict(model, pool: Pool, batch_size: int = 64, temperature: float = 1.0) -> list[np.ndarray]:
    """Per line, column probabilities [T, C]."""
    model.eval()
    out: list[np.ndarray] = [None] * len(pool)  # type: ignore[list-item]
    for idx in batches(pool, batch_size, None):
        x, widths = tensor_batch(pool, idx)
        p = F.softmax(model(x)[:, :, 0, :] / temperature, dim=1).permute(0, 2, 1).numpy()
        for k, i in enumerate(idx):
            out[i] = p[k, : int(widths[k])]
    return out


def evaluate(model, pool: Pool, temperature: float = 1.0) -> dict:
    return score(predict(model, pool, temperature=temperature), pool.texts)


def score(probs: list[np.ndarray], texts: list[str]) -> dict:
    """Best-path readings of per-line column probabilities against the texts: exact share,
    character error rate and the first 20 failures as (expected, read)."""
    exact, chars, edits = 0, 0, 0
    failures = []
    for p, text in zip(probs, texts):
        got, _ = decode_greedy(p.argmax(axis=1).tolist())
        exact += got == text
        chars += len(text)
        edits += edit_distance(got, text)
        if got != text and len(failures) < 20:
            failures.append((text, got))
    n = max(len(texts), 1)
    return {'exact': exact / n, 'cer': edits / max(chars, 1), 'n': len(texts), 'failures': failures}


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


@torch.no_grad()
def fit_temperature(model, pool: Pool) -> float:
    """The temperature that minimises the validation CTC loss (grid search: one scalar)."""
    model.eval()
    best = (float('inf'), 1.0)
    cache = []
    for idx in batches(pool, 64, None):
        x, widths = tensor_batch(pool, idx)
        cache.append((model(x), widths, [pool.texts[i] for i in idx]))
    for t in np.arange(0.6, 2.61, 0.1):
        loss = sum(float(ctc_loss(lg, w, tx, float(t))) * len(tx) for lg, w, tx in cache)
        if loss < best[0]:
            best = (loss, float(t))
    return round(best[1], 2)
