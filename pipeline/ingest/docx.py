"""Word ``.docx`` notices: paragraphs and tables in the order they are printed.

python-docx's ``Document.paragraphs`` and ``Document.tables`` are two
separate lists, which would move a 登记表 away from the text that
introduces it; the body XML is therefore walked child by child.  Within a
paragraph, line breaks (``<w:br/>``) start new Lines because they are printed
lines; a tab becomes a space because '\\t' is reserved for table rows.
Tables give one Line per row with cells joined by '\\t'; a merged cell's
text appears once (the slots it covers are ''), so a vertically merged
"走访单位情况" is not repeated on three rows.  Text boxes (used for red
headers) are read once, skipping the legacy VML fallback copy Word stores
next to them.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline.ingest.base import ReaderError
from pipeline.ingest.encoding import join_wrapped
from pipeline.model import Line, Page

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _q(tag: str) -> str:
    return f"{{{_W}}}{tag}"


P, TBL, TR, TC, SDT, SDT_CONTENT, CUSTOM_XML = (
    _q("p"), _q("tbl"), _q("tr"), _q("tc"), _q("sdt"), _q("sdtContent"), _q("customXml"),
)  # fmt: skip
T, TAB, PTAB, BR, CR, NB_HYPHEN = _q("t"), _q("tab"), _q("ptab"), _q("br"), _q("cr"), _q("noBreakHyphen")
TXBX, FALLBACK = _q("txbxContent"), f"{{{_MC}}}Fallback"
VAL = _q("val")

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


# ---------------------------------------------------------------- paragraphs


def _runs_text(el: Any, out: list[str], boxes: list[Any]) -> None:
    """Append the paragraph's printed characters; collect text boxes instead of inlining them."""
    for child in el:
        tag = child.tag
        if tag == FALLBACK:
            continue
        if tag == TXBX:
            boxes.append(child)
        elif tag == T:
            out.append(child.text or "")
        elif tag in (TAB, PTAB):
            out.append(" ")
        elif tag in (BR, CR):
            out.append("\n")
        elif tag == NB_HYPHEN:
            out.append("-")
        else:
            _runs_text(child, out, boxes)


def paragraph_lines(p: Any) -> list[str]:
    """Printed lines of one paragraph: text-box lines first, then its own line(s)."""
    parts: list[str] = []
    boxes: list[Any] = []
    _runs_text(p, parts, boxes)
    lines: list[str] = []
    for box in boxes:
        for inner in _blocks(box):
            if inner.tag == P:
                lines.extend(paragraph_lines(inner))
    lines.extend(s.strip(" \u3000\xa0") for s in "".join(parts).split("\n"))
    return [s for s in lines if s]


# ---------------------------------------------------------------- tables


def _prop(tc: Any, name: str) -> Any:
    pr = tc.find(_q("tcPr"))
    return None if pr is None else pr.find(_q(name))


def _cells(tr: Any) -> Iterator[Any]:
    """Cells of a row, looking through content controls wrapping them."""
    for child in tr:
        if child.tag == TC:
            yield child
        elif child.tag in (SDT, CUSTOM_XML):
            content = child.find(SDT_CONTENT) if child.tag == SDT else child
            if content is not None:
                yield from _cells(content)


def _cell_text(tc: Any) -> str:
    lines: list[str] = []
    for p in tc.iter(P):
        if any(anc.tag in (FALLBACK, TXBX) for anc in p.iterancestors()):
            continue  # fallback copies are duplicates; text boxes come with their anchor paragraph
        lines.extend(paragraph_lines(p))
    return join_wrapped(lines)


def table_grid(tbl: Any) -> list[list[str]]:
    """Rows of cell strings with merged cells de-duplicated ('' in the slots they cover)."""
    grid: list[list[str]] = []
    for tr in tbl.findall(TR):
        row: list[str] = []
        pr = tr.find(_q("trPr"))
        before = pr.find(_q("gridBefore")) if pr is not None else None
        if before is not None:
            row.extend([""] * int(before.get(VAL, "0") or 0))
        for tc in _cells(tr):
            span_el = _prop(tc, "gridSpan")
            span = int(span_el.get(VAL, "1") or 1) if span_el is not None else 1
            vmerge = _prop(tc, "vMerge")
            continued = vmerge is not None and vmerge.get(VAL, "continue") != "restart"
            row.append("" if continued else _cell_text(tc))
            row.extend([""] * (max(1, span) - 1))
        if any(row):
            grid.append(row)
    return grid


# ---------------------------------------------------------------- body


def _blocks(container: Any) -> Iterator[Any]:
    """Paragraphs and tables of a body (or text box) in order, unwrapping content controls."""
    for child in container:
        if child.tag in (P, TBL):
            yield child
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _blocks(content)
        elif child.tag == CUSTOM_XML:
            yield from _blocks(child)


def body_to_page(body: Any) -> Page:
    page = Page(number=1)
    for block in _blocks(body):
        if block.tag == P:
            page.lines.extend(Line(s) for s in paragraph_lines(block))
            continue
        grid = table_grid(block)
        if grid:
            page.tables.append(grid)
            page.lines.extend(Line("\t".join(row)) for row in grid)
    return page


def _open_body(data: bytes) -> Any:
    if data[:8] == _OLE_MAGIC:
        raise ReaderError("legacy Word .doc (OLE) file named .docx; not supported")
    if not data.startswith(_ZIP_MAGIC):
        raise ReaderError("not a .docx (not a zip archive)")
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # BadZipFile, KeyError, PackageNotFoundError, ValueError …
        raise ReaderError(f"not a readable .docx: {type(exc).__name__}: {exc}") from exc
    return document.element.body


class DocxReader:
    """Reader for ``.docx``: one Page of paragraph lines and '\\t' table rows."""

    name = "docx"
    suffixes: tuple[str, ...] = (".docx",)

    def read(self, path: Path, data: bytes) -> list[Page]:
        page = body_to_page(_open_body(data))
        if not page.lines:
            raise ReaderError("empty .docx (no text)")
        return [page]
