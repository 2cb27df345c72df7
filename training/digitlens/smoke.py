"""The end of a --smoke run: load the export with @tensorflow/tfjs in Node and compare it with
PyTorch on the parity fixture (training/smoke-check.mjs)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from .data import ROOT


def smoke_check(out_dir: str, fixture: str, tmp_dir: str, classes: int, name: str) -> int:
    """Runs the tfjs check and removes the temp dir when it passes. Returns the exit code."""
    node = shutil.which('node')
    if node is None:
        print('error: node not found on PATH (needed to check the export with tfjs)', file=sys.stderr)
        return 3
    check = os.path.join(ROOT, 'training', 'smoke-check.mjs')
    r = subprocess.run([node, check, out_dir, fixture, str(classes)], cwd=ROOT)
    if r.returncode != 0:
        print(f'error: tfjs smoke check failed (exit {r.returncode}); files kept in {tmp_dir}', file=sys.stderr)
        return 4
    shutil.rmtree(tmp_dir, ignore_errors=True)
    print(f'{name} OK', flush=True)
    return 0
