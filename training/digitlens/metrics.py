"""Scores and calibration: logits in batches, expected calibration error, the softmax
temperature, and the test report (accuracy per class, confusion matrix)."""

from __future__ import annotations

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


@torch.no_grad()
def predict_logits(model: nn.Module, x: torch.Tensor, bs: int = 1000) -> torch.Tensor:
    model.eval()
    return torch.cat([model(x[i : i + bs]) for i in range(0, x.shape[0], bs)])


def ece_score(probs: np.ndarray, labels: np.ndarray, n_bins: int = 15) -> float:
    conf = probs.max(axis=1)
    pred = probs.argmax(axis=1)
    correct = (pred == labels).astype(np.float64)
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    ece = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        m = (conf > lo) & (conf <= hi)
        if m.any():
            ece += m.mean() * abs(correct[m].mean() - conf[m].mean())
    return float(ece)


def fit_temperature(logits: torch.Tensor, labels: torch.Tensor) -> float:
    """Minimise validation NLL over T (grid search in log space, then a fine local grid)."""

    def nll(t: float) -> float:
        return F.cross_entropy(logits / t, labels).item()

    grid = np.exp(np.linspace(np.log(0.2), np.log(5.0), 400))
    best = min(grid, key=nll)
    fine = np.linspace(best * 0.98, best * 1.02, 201)
    return float(min(fine, key=nll))


def classification_report(probs: np.ndarray, labels: np.ndarray) -> dict:
    pred = probs.argmax(axis=1)
    conf = np.zeros((10, 10), dtype=np.int64)
    np.add.at(conf, (labels, pred), 1)
    per_class = [float(conf[i, i] / conf[i].sum()) for i in range(10)]
    return {
        'accuracy': float((pred == labels).mean()),
        'perClassAccuracy': per_class,
        'confusionMatrix': conf.tolist(),
        'ece15': ece_score(probs, labels),
        'nll': float(-np.log(np.clip(probs[np.arange(len(labels)), labels], 1e-12, 1)).mean()),
    }
