"""Model cards built from the live objects of a run: the architecture from the model, the
optimiser settings from the optimiser and scheduler, the rest from the parsed arguments, so a
card cannot disagree with what was trained."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys

import numpy as np
import torch
import torch.nn as nn

from .export import FoldedNet
from .loop import SgdOneCycle


def optimizer_card(opt: torch.optim.Optimizer, sched, settings: SgdOneCycle) -> dict:
    """What the optimiser and its schedule were, read from the objects that ran."""
    decayed = opt.param_groups[0]
    return {
        'optimizer': {
            'type': type(opt).__name__,
            'momentum': opt.defaults['momentum'],
            'nesterov': opt.defaults['nesterov'],
            'schedule': type(sched).__name__,
            'pctStart': settings.pct_start,
        },
        'peakLr': decayed['max_lr'],
        'weightDecay': decayed['weight_decay'],
    }


def parameter_counts(model: nn.Module, folded: FoldedNet) -> dict:
    return {
        'parameterCount': int(folded.param_count()),
        'trainableParameterCountBeforeFolding': int(sum(p.numel() for p in model.parameters())),
    }


def files_card(out_dir: str, files: list[str]) -> dict:
    sizes = {f: os.path.getsize(os.path.join(out_dir, f)) for f in files}
    return {'files': sizes, 'fileBytes': int(sum(sizes.values()))}


def environment() -> dict:
    return {
        'torch': torch.__version__,
        'numpy': np.__version__,
        'python': sys.version.split()[0],
        'threads': torch.get_num_threads(),
    }


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def write_json(path: str, obj: dict, indent: int | None = 2) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        json.dump(obj, f, indent=indent)
        f.write('\n')
