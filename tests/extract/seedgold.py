"""Shared by the extractor tests that compare against the dev seeds' gold records.

The dev set lives beside the repository (``../shared/dev``) on developer
machines and in CI; tests that need it skip when it is absent.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path

_REPO = Path(__file__).resolve().parents[2]
DEV = next((p for p in (_REPO.parent / "shared" / "dev", Path("/work/shared/dev")) if p.is_dir()),
           _REPO.parent / "shared" / "dev")
SEEDS = DEV / "seeds"
GOLD = DEV / "gold"


def norm(v: str) -> str:
    """The scorer's normalisation of free text: NFKC, no whitespace, no trailing punctuation."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", v)).rstrip("。.;；,，")


def fuzzy_matches(gold: list[str], pred: list[str], threshold: float = 0.75) -> int:
    """Greedy one-to-one matches at the scorer's fuzzy threshold."""
    left, hits = list(pred), 0
    for g in gold:
        scores = [difflib.SequenceMatcher(None, g, p).ratio() for p in left]
        if scores and max(scores) >= threshold:
            hits += 1
            left.pop(scores.index(max(scores)))
    return hits


def norm_scalar(x: object) -> str | None:
    """A scalar field as compared with gold: NFKC, no whitespace, one kind of quote, no final 。."""
    if x is None:
        return None
    s = unicodedata.normalize("NFKC", str(x))
    return "".join(s.split()).translate(str.maketrans({c: '"' for c in "“”「」‘’"})).rstrip("。.")
