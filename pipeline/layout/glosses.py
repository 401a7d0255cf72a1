"""Pinyin glosses: removed for matching, put back into values printed with them.

Some web aggregators follow rare characters with their tone-marked pinyin
(``政務(wù)公開``).  A gloss inside a word breaks every pattern that should
match the word, so the layout stage removes glosses from the document text
and remembers where each one sat.  Users (and the gold standard) want values
as printed, so after extraction every value that is a verbatim slice of the
text gets its glosses back.  Normalised values (dates, canonical event
names) are not slices and stay as they are.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import fields, is_dataclass, replace
from typing import Any

from pipeline.model import Found, Record

_TONED = r"[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*"
# OCR drops tone marks ("統計(ji)開放日"): a bare syllable counts between two Han characters only
_SYLLABLE = r"(?:[bpmfdtnlgkhjqxywr]|[zcs]h?)?[iuü]?(?:[aeo]|[aeo]?[iuo]|[iuü])(?:ng?|r)?"
PINYIN_GLOSS = re.compile(
    rf"(?<=[\u3400-\u9fff])[(（](?:{_TONED}|(?=[a-zü]{{2}}){_SYLLABLE}(?=[)）][\u3400-\u9fff]))[)）]")

#: (offset in the gloss-free text right after the glossed character, the gloss as printed)
Gloss = tuple[int, str]


def strip_glosses(text: str) -> tuple[str, list[Gloss]]:
    """``text`` without pinyin glosses, and where each one was (offsets in the result)."""
    out: list[str] = []
    glosses: list[Gloss] = []
    last = removed = 0
    for m in PINYIN_GLOSS.finditer(text):
        out.append(text[last:m.start()])
        glosses.append((m.start() - removed, m.group()))
        removed += m.end() - m.start()
        last = m.end()
    out.append(text[last:])
    return "".join(out), glosses


def _reglossed(value: str, start: int, end: int, text: str, offsets: list[int],
               glosses: list[Gloss]) -> str:
    if text[start:end] != value:
        return value  # normalised, not a verbatim slice
    lo, hi = bisect_right(offsets, start), bisect_left(offsets, end + 1)
    if lo >= hi:
        return value
    parts, pos = [], start
    for offset, gloss in glosses[lo:hi]:
        parts += [text[pos:offset], gloss]
        pos = offset
    parts.append(text[pos:end])
    return "".join(parts)


def _walk(obj: Any, text: str, offsets: list[int], glosses: list[Gloss]) -> Any:
    if isinstance(obj, Found):
        if isinstance(obj.value, str):
            value = _reglossed(obj.value, obj.start, obj.end, text, offsets, glosses)
            return obj if value == obj.value else replace(obj, value=value)
        return obj
    if isinstance(obj, list):
        return [_walk(x, text, offsets, glosses) for x in obj]
    if is_dataclass(obj) and not isinstance(obj, type):
        changes = {}
        for f in fields(obj):
            old = getattr(obj, f.name)
            new = _walk(old, text, offsets, glosses)
            if new is not old:
                changes[f.name] = new
        return replace(obj, **changes) if changes else obj
    return obj


def regloss(record: Record, text: str, glosses: list[Gloss]) -> Record:
    """``record`` with glosses restored inside every verbatim string value."""
    if not glosses:
        return record
    offsets = [o for o, _ in glosses]
    out: Record = _walk(record, text, offsets, glosses)
    return out
