"""Text folding shared by the normalisers: one script, one width, no layout whitespace.

Cross-document comparisons (the same organ spelt 盤錦市 and 盘锦市, a copy
with full-width digits, a PDF with wrapped lines) must see one form, so
every normaliser reads text through :func:`fold` rather than as printed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

_WS = re.compile(r"\s+")
_PLACEHOLDER_YEAR = re.compile(r"20[xX×ｘＸ]{2}|二[〇○Ｏ0]\s*[xX×ｘＸ]{2}")


@lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → Simplified with OpenCC ``t2s`` (ASCII passes through untouched)."""
    if not text or text.isascii():
        return text
    out: str = _t2s().convert(text)
    return out


def fold(text: object, *, keep_space: bool = False) -> str:
    """NFKC (full-width → half-width), Simplified script, whitespace removed (or kept as one space).

    Anything but a non-empty string (None, a pandas NaN) folds to "".
    """
    if not isinstance(text, str) or not text:
        return ""
    s = to_simplified(unicodedata.normalize("NFKC", text))
    return _WS.sub(" " if keep_space else "", s).strip()


def has_placeholder_year(text: object) -> bool:
    """True when the text masks its year as ``20xx`` (template and sample-essay sites)."""
    return isinstance(text, str) and _PLACEHOLDER_YEAR.search(text) is not None


def is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"
