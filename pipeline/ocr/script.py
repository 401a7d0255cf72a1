"""One script per scanned document: undo the OCR model's drift to Simplified on Traditional pages.

Why: the PP-OCR Chinese models know both scripts but lean to Simplified, so a
Traditional page comes back with a few characters read in their Simplified
form (統計 → 统計, 辦 → 办).  Values are kept as printed, so those characters
would end up in the record.

The fix is deliberately narrow and uses only the document's own evidence:

* the page must be predominantly Traditional (many Traditional-only
  characters, few Simplified-only ones) — a Simplified page is never touched;
* a Simplified character is replaced only by a Traditional counterpart that
  the same document prints elsewhere, and only when exactly one such
  counterpart occurs (发 is left alone where both 發 and 髮 appear), and only when
  the page prints that form at least twice as often (OCR drift is the exception;
  a page mixing 于 and 於 on purpose is left as printed);
* characters that mechanical converters leave Simplified on purpose (于, 并,
  后 …) therefore stay as they are unless the page itself shows the other
  form.

Replacements are one character for one character, so line boxes and spans
are unaffected.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from pipeline.model import Line, Page

MIN_TRADITIONAL = 20
"""Traditional-only characters a document needs before it counts as a Traditional page."""
DOMINANCE = 4
"""…and how many times more of them than Simplified-only characters it must print."""
MAJORITY = 2
"""How many times more often the Traditional form must occur than the Simplified one it replaces."""


@lru_cache(maxsize=2)
def _converter(config: str):  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC(config)


@lru_cache(maxsize=8192)
def _simplified(ch: str) -> str:
    return str(_converter("t2s").convert(ch))


@lru_cache(maxsize=8192)
def _traditional(ch: str) -> str:
    return str(_converter("s2t").convert(ch))


def script_fixes(text: str) -> dict[str, str]:
    """Simplified character → the Traditional form this document prints elsewhere (empty for a
    Simplified or mixed document)."""
    counts = Counter(ch for ch in text if "\u4e00" <= ch <= "\u9fff")
    trad = {ch for ch in counts if _simplified(ch) != ch}
    simp = {ch for ch in counts if _traditional(ch) != ch and ch not in trad}
    n_trad = sum(counts[ch] for ch in trad)
    n_simp = sum(counts[ch] for ch in simp)
    if n_trad < MIN_TRADITIONAL or n_trad < DOMINANCE * n_simp:
        return {}
    forms: dict[str, set[str]] = {}
    for t in trad:
        forms.setdefault(_simplified(t), set()).add(t)
    fixes = {}
    for s in simp:
        cands = forms.get(s, set())
        if len(cands) == 1:
            t = next(iter(cands))
            if counts[t] >= MAJORITY * counts[s]:
                fixes[s] = t
    return fixes


def harmonise_script(pages: list[Page]) -> int:
    """Rewrite the OCR'd lines of ``pages`` with :func:`script_fixes`; returns characters changed."""
    text = "\n".join(ln.text for p in pages for ln in p.lines)
    fixes = script_fixes(text)
    if not fixes:
        return 0
    table = str.maketrans(fixes)
    changed = 0
    for p in pages:
        new_lines = []
        for ln in p.lines:
            fixed = ln.text.translate(table)
            changed += sum(a != b for a, b in zip(ln.text, fixed, strict=True))
            new_lines.append(Line(fixed, ln.bbox, ln.confidence) if fixed != ln.text else ln)
        p.lines = new_lines
        for grid in p.tables:
            for row in grid:
                for k, cell in enumerate(row):
                    row[k] = cell.translate(table)
                    changed += sum(a != b for a, b in zip(cell, row[k], strict=True))
    return changed
