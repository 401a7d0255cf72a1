"""Character error rate: how OCR output is compared with ground truth.

Why a fixed normalisation: full-width and half-width forms of digits,
Latin letters and punctuation (２０２３ / 2023, ：/ :) are the same text to
every extractor downstream, and whitespace in Chinese print is layout, not
content; counting them as errors would rank engines by typography.
Reading order still counts: the lines are compared as one concatenated
string, so a table read column-wise or a seal read into the middle of a
date shows up as errors.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def levenshtein(a: str, b: str) -> int:
    """Edit distance (insert, delete, substitute), O(len(a) x len(b)) time, O(len(b)) memory."""
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def cer(hypothesis: Iterable[str] | str, reference: Iterable[str] | str) -> float:
    """Edit distance / reference length after :func:`normalise` (lines concatenated in order)."""
    hyp = normalise(hypothesis if isinstance(hypothesis, str) else "".join(hypothesis))
    ref = normalise(reference if isinstance(reference, str) else "".join(reference))
    if not ref:
        return 0.0 if not hyp else 1.0
    return levenshtein(hyp, ref) / len(ref)
