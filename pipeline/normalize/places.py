"""Where a document comes from: province, city and county from its organ and place names.

The region is read from the first place named by, in order, the issuer,
the 发文机关标志, the title, the signature block and the body.  A name can
point to several divisions (朝阳区 is in Beijing and in Changchun, bare 朝阳
also names 朝阳市 in Liaoning); the candidates are then ranked by how well
the document's other place names agree with them (a 北京市 or 辽宁省
elsewhere in the text), and when nothing decides between provinces the
region is left null with a warning rather than guessed.  Candidates in one
province or city that cannot be told apart resolve to what they share
(本溪 → 辽宁省本溪市, county unknown).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pipeline.normalize.gazetteer import COMMON_WORD_NAMES, COUNTY, PROVINCE, Gazetteer
from pipeline.normalize.text import fold

#: what may follow a bare stem when it is a street or village rather than a place (和平街道)
_NOT_A_PLACE_AFTER = ("街道", "乡", "镇", "村", "社区", "路", "街", "大街", "大道", "广场", "小区", "公园", "里")
#: prefixes of organ names that precede the place (中共朝阳市委)
_ORGAN_PREFIXES = ("中国共产党", "中共")
_SIGNATURE_DATE = re.compile(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日")
#: municipalities: their districts have no city row in the table (市辖区); the city is the municipality
MUNICIPALITIES = frozenset({"北京市", "天津市", "上海市", "重庆市"})
BODY_CHARS = 5000
#: a signature is at most this many short lines (an organ name may wrap) above its date
SIGNATURE_LINES, SIGNATURE_LINE_CHARS = 3, 30
_SENTENCE_END = tuple("。；;：:，,…！!？?.")


@dataclass(frozen=True)
class Mention:
    """A place name found at ``start:end`` of a scanned string."""

    start: int
    end: int
    surface: str
    codes: tuple[str, ...]


@dataclass
class Region:
    province: str | None = None
    city: str | None = None
    county: str | None = None
    code: str | None = None
    warnings: list[str] = field(default_factory=list)


def _accept(text: str, start: int, length: int, common: bool, prev_end: int) -> bool:
    """Two-character and common-word names (和县, 城区) only where a place is expected:
    at the start of the string or right after another place name."""
    chained = start == prev_end and prev_end > 0
    if common:
        return chained
    return length > 2 or start == 0 or chained


def find_mentions(text: str, gaz: Gazetteer, *, bare: bool = False, anchored: bool = False,
                  loose: bool = False) -> list[Mention]:
    """Place names in ``text``, longest match first, left to right.

    ``bare`` also accepts bare stems (朝阳, 喀左) — only sensible at the start of an
    organ name; ``anchored`` stops at the first character that does not continue a
    chain of place names from position 0 (鞍山市铁东区…); ``loose`` accepts
    two-character names inside running text (for tie-breaking context only).
    """
    out: list[Mention] = []
    n = len(text)
    i = 0
    prev_end = -1
    while i < n:
        hit: Mention | None = None
        for length in gaz.lengths.get(text[i], ()):
            if length > n - i or length < 2:
                continue
            s = text[i:i + length]
            codes = gaz.names.get(s, ())
            is_stem = False
            if bare and s in gaz.stems:
                codes = tuple(sorted(set(codes) | set(gaz.stems[s])))
                is_stem = s not in gaz.names
            if not codes:
                continue
            if is_stem and text.startswith(_NOT_A_PLACE_AFTER, i + length):
                continue
            if not (loose and length == 2) and \
                    not _accept(text, i, length, s in COMMON_WORD_NAMES and not anchored, prev_end):
                continue
            hit = Mention(i, i + length, s, codes)
            break
        if hit is None:
            if anchored:
                break
            i += 1
            continue
        out.append(hit)
        prev_end = hit.end
        i = hit.end
    return out


def organ_mentions(name: str, gaz: Gazetteer) -> list[Mention]:
    """The chain of places an organ name starts with (鞍山市 + 铁东区 in 鞍山市铁东区人民政府办公室)."""
    s = fold(name)
    for p in _ORGAN_PREFIXES:
        if s.startswith(p):
            s = s[len(p):]
            break
    return find_mentions(s, gaz, bare=True, anchored=True)


def signature_block(text: str) -> str:
    """The short line(s) just above the last date of the text's end: the signing organ."""
    lines = [fold(ln) for ln in text[-600:].splitlines()]
    lines = [ln for ln in lines if ln]
    for i in range(len(lines) - 1, -1, -1):
        m = _SIGNATURE_DATE.search(lines[i])
        if m is None:
            continue
        block = [lines[i][:m.start()]] if m.start() else []
        for ln in reversed(lines[max(0, i - SIGNATURE_LINES):i]):
            if len(ln) > SIGNATURE_LINE_CHARS or ln.endswith(_SENTENCE_END):
                break
            block.insert(0, ln)
        return "".join(block)
    return ""


def _first_chain(mentions: Sequence[Mention]) -> list[Mention]:
    chain: list[Mention] = []
    for m in mentions:
        if chain and m.start != chain[-1].end:
            break
        chain.append(m)
    return chain


def _prefix(code: str) -> str:
    """The significant digits of an adcode: 2 for a province, 4 for a city, 6 for a county."""
    if code[2:] == "0" * 10:
        return code[:2]
    if code[4:] == "0" * 8:
        return code[:4]
    return code[:6]


def _chain_candidates(chain: Sequence[Mention]) -> tuple[str, ...]:
    """Codes of the deepest name that lie inside every earlier name of the chain."""
    cands = set(chain[-1].codes)
    for m in chain[:-1]:
        prefixes = {_prefix(c) for c in m.codes}
        kept = {c for c in cands if any(c.startswith(p) for p in prefixes)}
        if kept:
            cands = kept
    return tuple(sorted(cands))


def _affinity(cand: str, other: str) -> int:
    if cand == other:
        return 3
    if cand[:4] == other[:4] and other[2:4] != "00":
        return 2
    if cand[:2] == other[:2]:
        return 1
    return 0


def _common_ancestor(codes: Sequence[str]) -> str | None:
    if len({c[:2] for c in codes}) != 1:
        return None
    first = codes[0]
    if len({c[:4] for c in codes}) == 1 and first[2:4] != "00":
        return first[:4] + "0" * 8
    return first[:2] + "0" * 10


def choose(cands: Sequence[str], context: Sequence[Mention], own: Sequence[Mention]) -> str | None:
    """The candidate the other place names agree with best; their shared ancestor on a tie."""
    if len(cands) == 1:
        return cands[0]
    own_ids = {id(m) for m in own}
    scores = {c: sum(max((_affinity(c, o) for o in m.codes), default=0)
                     for m in context if id(m) not in own_ids)
              for c in cands}
    top = max(scores.values())
    best = [c for c in cands if scores[c] == top]
    return best[0] if len(best) == 1 else _common_ancestor(best)


def _describe(code: str, gaz: Gazetteer) -> str:
    parts = [gaz.province_of(code), gaz.city_of(code), gaz.by_code.get(code)]
    names: list[str] = []
    for d in parts:
        if d is not None and d.name not in names:
            names.append(d.name)
    return "".join(names)


def region_of(code: str, gaz: Gazetteer) -> Region:
    div = gaz.by_code.get(code)
    prov = gaz.province_of(code)
    reg = Region(province=prov.name if prov else None, code=code)
    if div is None or div.level == PROVINCE:
        return reg
    city = gaz.city_of(code)
    if city is not None:
        reg.city = city.name
    elif reg.province in MUNICIPALITIES:
        reg.city = reg.province
    if div.level == COUNTY:
        reg.county = div.name
    return reg


def resolve(gaz: Gazetteer, *, issuer: str | None = None, issuer_mark: str | None = None,
            title: str | None = None, text: str | None = None, hints: Sequence[str] = ()) -> Region:
    """Province / city / county of a document (see module docstring for the order of sources).

    ``hints`` are adcodes known from elsewhere (the province whose event series the
    document belongs to); like bare stems in the body (助力鞍山…) they only break ties.
    """
    text = text if isinstance(text, str) else ""
    body = fold(text[:BODY_CHARS])
    sources: list[list[Mention]] = [
        organ_mentions(issuer or "", gaz),
        organ_mentions(issuer_mark or "", gaz),
        organ_mentions(title or "", gaz),
        find_mentions(fold(title), gaz),
        find_mentions(signature_block(text), gaz),
        find_mentions(body, gaz),
    ]
    context = [m for src in sources[3:5] for m in src]
    context += find_mentions(body, gaz, bare=True, loose=True)
    context += [Mention(-1, -1, "", (code,)) for code in hints]
    for mentions in sources:
        chain = _first_chain(mentions)
        if not chain:
            continue
        cands = _chain_candidates(chain)
        code = choose(cands, context, chain)
        if code is None:
            options = " / ".join(_describe(c, gaz) for c in cands)
            reg = Region()
            reg.warnings.append(f"region: {''.join(m.surface for m in chain)} is ambiguous "
                                f"({options}); left null")
            return reg
        return region_of(code, gaz)
    return Region()
