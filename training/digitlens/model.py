"""The conv-BN-ReLU CNN shared by the digit model and the pair check."""

from __future__ import annotations

import torch
import torch.nn as nn

# (out_channels, pool_after) for 3x3 conv-BN-ReLU blocks; input 28x28x1
ARCH = [(32, True), (64, False), (64, True), (128, False), (192, False)]


class Net(nn.Module):
    """3x3 conv-BN-ReLU blocks (`arch`), global average pooling (no flatten permutation to get
    wrong in the export), dropout, one dense layer."""

    def __init__(self, arch=ARCH, dropout: float = 0.2, classes: int = 10):
        super().__init__()
        self.arch = arch
        layers: list[nn.Module] = []
        cin = 1
        for cout, pool in arch:
            layers += [nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True)]
            if pool:
                layers.append(nn.MaxPool2d(2))
            cin = cout
        self.features = nn.Sequential(*layers)
        self.dropout = nn.Dropout(dropout)
        self.fc = nn.Linear(cin, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.features(x)
        h = h.mean(dim=(2, 3))  # global average pooling
        return self.fc(self.dropout(h))


def arch_text(model: Net) -> str:
    """The architecture in words, read from the model object (for logs and the model card)."""
    parts = []
    for cout, pool in model.arch:
        parts.append(f'conv3x3({cout})-BN-ReLU')
        if pool:
            parts.append('maxpool2')
    return (
        'input 28x28x1 -> ' + ' -> '.join(parts) + f' -> global-avg-pool -> dense({model.fc.out_features}) -> softmax'
    )
