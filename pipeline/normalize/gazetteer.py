"""The administrative-division table: every province, city and county with its names.

The divisions come from ``cpca/resources/adcodes.csv`` of the PyPI package
``cpca`` (12-digit codes: province = first 2 digits, city = 4, county = 6).
The CSV is read directly from the installed package's folder, found with
``importlib.util.find_spec`` — importing ``cpca`` itself would load pandas
frames and an Aho-Corasick automaton we do not need.

Notices name places in short forms (辽宁, 喀左县, 本溪县), so besides each
full name the gazetteer generates short names by stripping 省/市/县/区/旗,
自治州/自治县/自治旗 and the nation names in them, and adds the practised
abbreviations listed in ``data/place_aliases.tsv`` (喀左 → 喀喇沁左翼蒙古族自治县)
that no rule can produce.  Names are split by how safely they can be
matched: ``names`` (full names, suffixed short names, province short names)
may be looked for anywhere in a text; ``stems`` (bare 朝阳, 本溪) only at
the start of an organ name, where a place is expected.
"""

from __future__ import annotations

import csv
import importlib.util
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

PROVINCE, CITY, COUNTY = "province", "city", "county"

#: rows of the table that are groupings, not places
PLACEHOLDERS = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})

#: full names that are also ordinary words (城区, 郊区 …): in free text they only count
#: right after their city's name (阳泉市城区)
COMMON_WORD_NAMES = frozenset({
    "城区", "郊区", "矿区", "东区", "西区", "新城区", "老城区", "城中区", "城关区", "市中区",
    "城东区", "城西区", "城北区", "新区", "白云区", "长安区", "新华区", "和平区", "向阳区",
})

_NATIONS_FALLBACK = ("蒙古族", "满族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "朝鲜族")


@dataclass(frozen=True)
class Division:
    """One row of the division table."""

    code: str
    name: str
    level: str

    @property
    def province_code(self) -> str:
        return self.code[:2] + "0" * 10

    @property
    def city_code(self) -> str | None:
        return None if self.level == PROVINCE else self.code[:4] + "0" * 8


@dataclass
class Gazetteer:
    """Divisions by code and the names that point to them (see module docstring)."""

    by_code: dict[str, Division]
    names: dict[str, tuple[str, ...]]
    stems: dict[str, tuple[str, ...]]
    max_len: int = field(default=0)
    #: name lengths by first character, longest first: scanning tries only lengths that exist
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.max_len = max((len(n) for n in (*self.names, *self.stems)), default=0)
        by_first: dict[str, set[int]] = defaultdict(set)
        for n in (*self.names, *self.stems):
            by_first[n[0]].add(len(n))
        self.lengths = {ch: tuple(sorted(ls, reverse=True)) for ch, ls in by_first.items()}

    def province_of(self, code: str) -> Division | None:
        return self.by_code.get(code[:2] + "0" * 10)

    def city_of(self, code: str) -> Division | None:
        d = self.by_code.get(code)
        if d is None or d.level == PROVINCE:
            return None
        return self.by_code.get(code[:4] + "0" * 8)

    def all_names(self) -> frozenset[str]:
        """Every full name, alias and stem (keyword extraction drops these)."""
        return frozenset(self.names) | frozenset(self.stems)


def level_of_code(code: str) -> str:
    if code[2:] == "0" * 10:
        return PROVINCE
    if code[4:] == "0" * 8:
        return CITY
    return COUNTY


def adcodes_path() -> Path:
    """``adcodes.csv`` inside the installed ``cpca`` package (not imported)."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the package 'cpca' (administrative-division table) is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"
    if not path.is_file():
        raise FileNotFoundError(f"division table missing from the cpca package: {path}")
    return path


def _nations(folder: Path) -> tuple[str, ...]:
    p = folder / "56_nations.csv"
    if p.is_file():
        names = [ln.strip() for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]
    else:
        names = list(_NATIONS_FALLBACK)
    return tuple(sorted((n for n in names if n != "汉族"), key=len, reverse=True))


def _strip_nations(stem: str, nations: tuple[str, ...]) -> str:
    """广西壮族 → 广西, 镇沅彝族哈尼族拉祜族 → 镇沅, 新疆维吾尔 → 新疆; never below 2 characters."""
    changed = True
    while changed:
        changed = False
        for n in nations:
            for form in (n, n[:-1]):
                if len(form) >= 2 and stem.endswith(form) and len(stem) - len(form) >= 2:
                    stem = stem[: -len(form)]
                    changed = True
                    break
            if changed:
                break
    if stem.endswith("族") and len(stem) >= 3:  # 东乡族 (no nation left to strip) → 东乡
        stem = stem[:-1]
    return stem


def short_names(name: str, level: str, nations: tuple[str, ...]) -> tuple[set[str], set[str]]:
    """(suffixed short names, bare stems) generated for one division name."""
    suffixed: set[str] = set()
    bare: set[str] = set()
    if level == PROVINCE:
        for suf in ("特别行政区", "自治区", "省", "市"):
            if name.endswith(suf):
                bare.add(_strip_nations(name[: -len(suf)], nations))
                break
        return suffixed, {b for b in bare if len(b) >= 2}
    for suf, short_suffix in (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")):
        if name.endswith(suf):
            stem = _strip_nations(name[: -len(suf)], nations)
            if len(stem) >= 2:
                suffixed.add(stem + short_suffix)
                bare.add(stem)
            return suffixed, bare
    for suf in ("地区", "林区", "特区", "盟", "市", "县", "区", "旗"):
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            bare.add(name[: -len(suf)])
            break
    return suffixed, bare


def _read_aliases(lines: Iterable[str]) -> list[tuple[str, str, str]]:
    out = []
    for ln in lines:
        if not ln.strip() or ln.startswith("#"):
            continue
        parts = ln.rstrip("\n").split("\t")
        out.append((parts[0].strip(), parts[1].strip(), parts[2].strip() if len(parts) > 2 else ""))
    return out


def build(rows: Iterable[tuple[str, str]], aliases: Iterable[tuple[str, str, str]],
          nations: tuple[str, ...]) -> Gazetteer:
    """A gazetteer from (adcode, name) rows and (alias, full name, code prefix) aliases."""
    by_code: dict[str, Division] = {}
    names: dict[str, set[str]] = defaultdict(set)
    stems: dict[str, set[str]] = defaultdict(set)
    for code, name in rows:
        code, name = code.strip(), name.strip()
        if len(code) != 12 or not code.isdigit() or not name or name in PLACEHOLDERS:
            continue
        div = Division(code, name, level_of_code(code))
        by_code[code] = div
        names[name].add(code)
        suffixed, bare = short_names(name, div.level, nations)
        for s in suffixed:
            names[s].add(code)
        for b in bare:
            (names if div.level == PROVINCE else stems)[b].add(code)
    by_name: dict[str, list[str]] = defaultdict(list)
    for d in by_code.values():
        by_name[d.name].append(d.code)
    for alias, full, prefix in aliases:
        codes = [c for c in by_name.get(full, []) if c.startswith(prefix)]
        target = stems if not alias.endswith(("县", "旗", "市", "区", "州", "省")) else names
        for c in codes:
            target[alias].add(c)
    return Gazetteer(by_code, {k: tuple(sorted(v)) for k, v in names.items()},
                     {k: tuple(sorted(v)) for k, v in stems.items()})


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer of the installed division table and the shipped alias table (cached)."""
    path = adcodes_path()
    with open(path, encoding="utf-8", newline="") as f:
        rows = [(r["adcode"], r["name"]) for r in csv.DictReader(f)]
    alias_text = resources.files("pipeline.normalize").joinpath("data/place_aliases.tsv").read_text("utf-8")
    return build(rows, _read_aliases(alias_text.splitlines()), _nations(path.parent))
