#!/usr/bin/env python3
"""Kept so `python3 training/pair.py` still works: the code is the digitlens package
(`cd training && python3 -m digitlens.pair`, or `npm run train:pair`)."""

import sys

from digitlens.pair import main

if __name__ == '__main__':
    sys.exit(main())
