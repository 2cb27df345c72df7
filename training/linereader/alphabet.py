"""The line reader's output classes. Index 0 is the CTC blank; the engine reads the same table
from the model card (src/engine/classifier/lineModel.ts), so the order here is the contract."""

BLANK = 0
DIGITS = '0123456789'
SEPARATORS = './-:,'
# Ink that is not a digit or a separator (a letter, a symbol, a scribble): read, then left out.
OTHER = '?'
SYMBOLS = DIGITS + SEPARATORS + OTHER  # class k+1 is SYMBOLS[k]
CLASSES = len(SYMBOLS) + 1

LINE_HEIGHT = 32
INK_HEIGHT = 28  # a line's ink box is scaled to this height, 2 px above and below
PAD_X = 4
WIDTH_STEP = 4  # the network pools width by 4: one output column per 4 input columns


def encode(text: str) -> list[int]:
    """'12/5' -> class indices; raises on a character outside the alphabet."""
    return [SYMBOLS.index(c) + 1 for c in text]


def decode_greedy(best: list[int]) -> tuple[str, list[tuple[int, int]]]:
    """Best-path CTC decoding of per-column argmax classes: collapse repeats, drop blanks.
    Returns the text and, per character, the first and last column that emitted it."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    prev = BLANK
    for t, k in enumerate(best):
        if k != BLANK and k != prev:
            out.append(SYMBOLS[k - 1])
            spans.append((t, t))
        elif k != BLANK and k == prev:
            spans[-1] = (spans[-1][0], t)
        prev = k
    return ''.join(out), spans
