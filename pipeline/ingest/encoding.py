"""Bytes → text for the plain-text formats, and the character classes readers share.

Archived Chinese notices arrive in every encoding a government site has
ever used: UTF-8 (with or without BOM), UTF-16 from Windows Notepad, and
very often GBK/GB2312.  The order of attempts matters: a BOM is proof, a
strict UTF-8 decode almost never succeeds by accident, and GB18030 is a
superset of GBK and GB2312 so one decoder covers all three.  Only when all
of those fail do we ask charset-normalizer to guess.

Binary input (a PNG renamed ``.txt``, a truncated zip) must fail loudly
rather than decode into mojibake, because GB18030 accepts many byte
sequences; :func:`decode_text` therefore rejects NUL bytes and text that is
mostly control or replacement characters.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from pipeline.ingest.base import ReaderError

# Declared names that mean "some GB encoding": decode with the superset so a
# page labelled gb2312 but using GBK-only characters still reads.
_GB_ALIASES = frozenset({"gb2312", "gbk", "gb18030", "cp936", "x-gbk", "gb_2312-80", "euc-cn", "hz-gb-2312"})

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# C0/C1 controls other than the whitespace a text file legitimately holds.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")


def bom_encoding(data: bytes) -> str | None:
    """The codec a byte-order mark proves, or None."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def canonical_codec(name: str | None) -> str | None:
    """A Python codec name for a declared charset, widening any GB charset to GB18030."""
    if not name:
        return None
    label = name.strip().strip("\"'").lower()
    if label in _GB_ALIASES:
        return "gb18030"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def looks_binary(data: bytes) -> bool:
    """True for bytes no text encoding we accept would produce (NULs outside UTF-16/32)."""
    return b"\x00" in data and bom_encoding(data) in (None, "utf-8-sig")


def looks_like_text(text: str) -> bool:
    """Reject decodes that are mostly control / replacement characters."""
    if not text:
        return True
    bad = len(_CONTROL.findall(text))
    return bad <= max(2, len(text) // 50)


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data``; return ``(text, codec)`` or raise :class:`ReaderError`.

    ``declared`` is a charset the container claims (HTML ``<meta charset>``);
    it is tried after a BOM but before guessing, and ignored when the bytes
    contradict it (sites that say utf-8 but serve GBK are common).
    """
    if not data:
        raise ReaderError("empty file")
    if looks_binary(data):
        raise ReaderError("binary data (NUL bytes), not text")
    attempts: list[str] = []
    bom = bom_encoding(data)
    if bom:
        attempts.append(bom)
    codec = canonical_codec(declared)
    if codec:
        attempts.append(codec)
    attempts += ["utf-8", "gb18030"]
    for name in attempts:
        text = _try(data, name)
        if text is not None and looks_like_text(text):
            return text, name
    return _guess(data)


def _guess(data: bytes) -> tuple[str, str]:
    """Last resort: charset-normalizer's best match, if it looks like text."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReaderError("cannot determine the text encoding (binary data?)")
    text = str(best)
    if not looks_like_text(text):
        raise ReaderError(f"decoded as {best.encoding} but the result is not text")
    return text, best.encoding


# ---------------------------------------------------------------- characters


def is_cjk(ch: str) -> bool:
    """CJK ideographs (BMP + extension planes); the signal for 'Chinese text here'."""
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3134F


def is_wide(ch: str) -> bool:
    """Characters typeset on the full-width grid: ideographs and CJK/full-width punctuation."""
    if is_cjk(ch):
        return True
    o = ord(ch)
    return 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or 0x2018 <= o <= 0x201F or o in (0x2014, 0x2026)


_NOT_CJK = re.compile("[^\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0003134f]+")


def cjk_count(text: str) -> int:
    """How many characters :func:`is_cjk` accepts (one regex pass: this runs on every page)."""
    return len(_NOT_CJK.sub("", text))


def join_wrapped(parts: list[str]) -> str:
    """Join pieces of one logical text that were wrapped onto several lines.

    Chinese has no spaces between words, so a wrap between two full-width
    characters is joined with nothing; a wrap next to Latin text keeps a
    space so words do not fuse.
    """
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out and not (is_wide(out[-1]) or is_wide(part[0])):
            out += " "
        out += part
    return out


def is_private_use(ch: str) -> bool:
    return unicodedata.category(ch) == "Co"
