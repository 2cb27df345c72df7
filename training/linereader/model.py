"""The line reader network: fully convolutional, so one network reads lines of any width.
Input [N,1,32,W] (ink 1 on 0), output [N,CLASSES,1,W/4] log-probabilities per column."""

from __future__ import annotations

import torch
import torch.nn as nn

from .alphabet import CLASSES

# (out_channels, kernel (h, w), pool after (h, w) or None); height 32 -> 1, width / 4.
ARCH = [
    (16, (3, 3), (2, 2)),
    (32, (3, 3), (2, 2)),
    (64, (3, 3), None),
    (64, (3, 3), (2, 1)),
    (96, (3, 3), (2, 1)),
    (128, (3, 3), (2, 1)),
    (128, (1, 5), None),
]


class LineNet(nn.Module):
    def __init__(self, arch=ARCH, classes: int = CLASSES, dropout: float = 0.15):
        super().__init__()
        self.arch = arch
        layers: list[nn.Module] = []
        cin = 1
        for cout, k, pool in arch:
            pad = (k[0] // 2, k[1] // 2)
            layers += [nn.Conv2d(cin, cout, k, padding=pad, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True)]
            if pool:
                layers.append(nn.MaxPool2d(pool))
            cin = cout
        self.features = nn.Sequential(*layers)
        self.dropout = nn.Dropout2d(dropout)
        self.head = nn.Conv2d(cin, classes, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Logits [N, C, 1, W/4]."""
        return self.head(self.dropout(self.features(x)))


def arch_text(arch=ARCH, classes: int = CLASSES) -> str:
    parts = []
    for cout, k, pool in arch:
        parts.append(f'conv{k[0]}x{k[1]}({cout})-BN-ReLU')
        if pool:
            parts.append(f'maxpool{pool[0]}x{pool[1]}')
    return 'input 32xWx1 -> ' + ' -> '.join(parts) + f' -> conv1x1({classes}) -> softmax per column (CTC)'
