#!/usr/bin/env python3
"""Kept so `python3 training/train.py` still works: the code is the digitlens package
(`cd training && python3 -m digitlens.train`, or `npm run train`)."""

import sys

from digitlens.train import main

if __name__ == '__main__':
    sys.exit(main())
