"""The text extractors read: the document as printed plus a same-length matching copy.

Extractors match on ``Source.norm`` — Traditional characters simplified
(OpenCC ``t2s``), full-width ASCII folded to half-width, the ideographic
space folded to a space — and slice values out of ``Source.text``, so a
value is always "as printed" while one set of patterns serves every
script and width.  Because both strings have the same length, a match
position in ``norm`` is a valid character span of the printed text, which
the provenance step maps back to page and box.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar

from pipeline.model import Found

T = TypeVar("T")

_WS = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _t2s():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s")


def _fold_char(ch: str) -> str:
    """Full-width ASCII → half-width; keep every other character (same length)."""
    o = ord(ch)
    if 0xFF01 <= o <= 0xFF5E:
        return chr(o - 0xFEE0)
    if ch == "\u3000" or ch == "\xa0":
        return " "
    if ch in "\u2018\u2019":  # keep curly quotes distinct from ASCII apostrophe
        return ch
    return ch


def simplify(text: str) -> str:
    """Traditional → Simplified keeping the length (falls back to per-character)."""
    if not text or text.isascii():
        return text
    conv = _t2s()
    out: str = conv.convert(text)
    if len(out) == len(text):
        return out
    chars = []
    for ch in text:
        c = conv.convert(ch)
        chars.append(c if len(c) == 1 else ch)
    return "".join(chars)


def normalise_for_matching(text: str) -> str:
    folded = "".join(_fold_char(c) for c in text)
    return simplify(folded)


@dataclass
class Source:
    """A document's text for extraction; build it with :func:`make_source`."""

    text: str
    norm: str
    line_starts: list[int] = field(default_factory=list)

    def lines(self) -> list[tuple[int, int]]:
        """(start, end) spans of every line of the text, newline excluded."""
        spans = []
        pos = 0
        for part in self.text.split("\n"):
            spans.append((pos, pos + len(part)))
            pos += len(part) + 1
        return spans

    def slice(self, start: int, end: int) -> str:
        return self.text[start:end]

    def found(self, start: int, end: int, method: str, *, strip: str = "",
              squash_space: bool = False, confidence: float = 1.0) -> Found[str] | None:
        """A :class:`Found` for ``text[start:end]``, trimmed of whitespace and ``strip``.

        The span is narrowed to the trimmed value so evidence points at what
        was kept.  Returns None when nothing remains.
        """
        chars = " \t\r\n\u3000" + strip
        while start < end and self.text[start] in chars:
            start += 1
        while end > start and self.text[end - 1] in chars:
            end -= 1
        if start >= end:
            return None
        value = self.text[start:end]
        if squash_space:
            value = _WS.sub("", value)
        return Found(value, start, end, method, confidence)


def make_source(text: str) -> Source:
    norm = normalise_for_matching(text)
    assert len(norm) == len(text)
    return Source(text=text, norm=norm)


def value_of(f: Found[T] | None) -> T | None:
    return None if f is None else f.value
