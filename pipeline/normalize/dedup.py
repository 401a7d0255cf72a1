"""One canonical record per notice: copies archived as scan, PDF, web page and text are grouped.

Byte-identical files are already merged upstream (``also_at``); this finds
copies whose bytes differ.  Two documents are copies when

* they carry the same 发文字号 from the same (canonical) issuer, or
* their texts are near-identical: Jaccard similarity of the sets of
  character 5-grams of the folded text (script, width, punctuation and
  whitespace removed) of at least :data:`JACCARD` (:data:`OCR_JACCARD`
  when a copy's text came from OCR),

unless a stated identifier contradicts it (different 发文字号, year,
edition or issuer — two years' notices of one office often reuse most of a
text, and a county forwarding its city's notice repeats it word for word).
The check is made between whole groups, so a copy without identifiers (a
scan whose signature was not read) never bridges two different notices.

Comparing every pair is quadratic, so candidate pairs come from
locality-sensitive hashing: a MinHash signature of each document's 5-gram
set, cut into bands; documents sharing any band are compared exactly.
With 32 bands of 4 rows a pair at Jaccard 0.8 is a candidate with
probability > 0.99 (0.6: 0.98) while unrelated notices almost never are,
keeping the work linear in the number of documents.

The canonical copy of a group is the best one: a successful conversion
over a partial or failed one, a text layer over OCR, more fields found,
formats with page geometry (PDF, Word) over a web page over plain text,
then more text, then the smaller doc_id so that reruns pick the same copy.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from pipeline.normalize.text import fold

JACCARD = 0.8
#: an OCR'd copy loses a 5-gram to every misread character (2% CER ≈ 0.82, 4% ≈ 0.68), so a
#: pair in which either side was OCR'd is held to this lower bar (still vetoed by identifiers)
OCR_JACCARD = 0.6
#: below this text overlap a shared 发文字号 is taken for a mis-read reference, not a copy
KEY_MIN_JACCARD = 0.2
SHINGLE = 5
BANDS, ROWS = 32, 4
MIN_SHINGLES = 20
_FORMAT_RANK = {"pdf": 4, "docx": 3, "html": 2, "txt": 1}
_STATUS_RANK = {"success": 2, "partial": 1, "failure": 0}
_FIELDS = ("kind", "event", "edition", "year", "title", "issuer", "doc_number", "issue_date", "signer",
           "urgency", "classification", "recipients", "theme", "period_start", "period_end")
_RNG = np.random.default_rng(20070515)
_A = (_RNG.integers(1, 1 << 62, size=BANDS * ROWS, dtype=np.uint64) << np.uint64(1)) | np.uint64(1)
_B = _RNG.integers(0, 1 << 62, size=BANDS * ROWS, dtype=np.uint64)
_POWERS = np.array([pow(1_000_003, SHINGLE - 1 - i, 1 << 64) for i in range(SHINGLE)], dtype=np.uint64)


_NOT_WORD = re.compile(r"[\W_]+")  # Han characters, letters and digits are all \w


def normalised_text(text: str | None) -> str:
    """Only letters, digits and Han characters of the folded text: layout and chrome punctuation vanish."""
    return _NOT_WORD.sub("", fold(text))


def shingles(text: str) -> np.ndarray:
    """Sorted unique 64-bit hashes of the character 5-grams (stable across processes)."""
    if len(text) < SHINGLE:
        return np.zeros(0, dtype=np.uint64)
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = len(codes) - SHINGLE + 1
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(SHINGLE):
            h = h + codes[i:i + n] * _POWERS[i]
    return np.unique(h)


def minhash(sh: np.ndarray) -> np.ndarray:
    """BANDS × ROWS minimum hash values under fixed multiply-shift hash functions."""
    out = np.full(len(_A), np.iinfo(np.uint64).max, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for start in range(0, len(sh), 1024):  # blocks of shingles: memory stays bounded (1 MiB)
            block = sh[start:start + 1024, None]
            np.minimum(out, ((block * _A + _B) >> np.uint64(32)).min(axis=0), out=out)
    return out


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    if len(a) == 0 or len(b) == 0:
        return 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


class _Groups:
    """Union-find over documents that also keeps each group's known identifiers.

    Joining is refused when the two groups' identifiers conflict, so a copy
    without identifiers (an OCR scan whose signature was not read) can join one
    notice but never bridge two different notices into one group.
    """

    def __init__(self, idents: Sequence[tuple[Any, ...]]) -> None:
        self.parent = list(range(len(idents)))
        self.ident = list(idents)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def compatible(self, i: int, j: int) -> bool:
        return not _conflict(self.ident[self.find(i)], self.ident[self.find(j)])

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri == rj or _conflict(self.ident[ri], self.ident[rj]):
            return
        root, child = min(ri, rj), max(ri, rj)
        self.parent[child] = root
        self.ident[root] = tuple(a if a is not None else b for a, b in zip(self.ident[root], self.ident[child]))


class _Shingles:
    """Shingle sets computed on demand and kept for the few most recent documents.

    Only MinHash signatures (1 KiB each) are held for the whole dataset; a
    document's 5-gram set (8 bytes per distinct 5-gram) is rebuilt when one of
    its rare candidate pairs is verified, so memory does not grow with text volume.
    """

    def __init__(self, rows: Sequence[dict[str, Any]]) -> None:
        self.rows = rows
        self.get = lru_cache(maxsize=4096)(self._compute)

    def _compute(self, i: int) -> np.ndarray:
        return shingles(normalised_text(self.rows[i].get("text")))

    def jaccard(self, i: int, j: int) -> float:
        return jaccard(self.get(i), self.get(j))


_IDENTITY = ("doc_number", "year", "edition", "issuer_canonical")


def _identity(row: dict[str, Any]) -> tuple[Any, ...]:
    """The row's stated identifiers (None when missing; NaN counts as missing)."""
    return tuple(None if v is None or v != v else (fold(v) if isinstance(v, str) else v)
                 for v in (row.get(k) for k in _IDENTITY))


def _conflict(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    """Stated identifiers that say two documents are different notices: another 发文字号,
    year, edition or issuer (a county forwarding its city's notice word for word)."""
    return any(x is not None and y is not None and x != y for x, y in zip(a, b))


def _identity_codes(idents: Sequence[tuple[Any, ...]]) -> np.ndarray:
    """Identifiers as an (n, fields) integer array, -1 where not stated (for vectorised tests)."""
    codes = np.full((len(idents), len(_IDENTITY)), -1, dtype=np.int64)
    for f in range(len(_IDENTITY)):
        values: dict[Any, int] = {}
        for i, ident in enumerate(idents):
            if ident[f] is not None:
                codes[i, f] = values.setdefault(ident[f], len(values))
    return codes


def _stated_alike(codes: np.ndarray, i: int, others: np.ndarray) -> np.ndarray:
    """Mask of ``others`` whose stated identifiers do not contradict document ``i``'s.

    A cheap pre-filter before the pair loop: a cluster of template notices from
    many counties or years would otherwise be compared pair by pair in Python.
    Merging only adds identifiers, so a pair that conflicts here conflicts later too.
    """
    mine = codes[i]
    theirs = codes[others]
    return np.all((theirs == mine) | (theirs < 0) | (mine < 0), axis=1)


def _partitions(codes: np.ndarray, bucket: tuple[int, ...]) -> list[tuple[int, ...]]:
    """The bucket split by the identifier every member states (the most varied such one):
    members that state different values never join, so only pairs inside a part are tried.

    A bucket of one county's template notices over twenty years, or of many counties'
    copies of one template, would otherwise cost a numpy call per member per band.
    """
    rows = codes[list(bucket)]
    best: tuple[int, int] | None = None
    for f in range(rows.shape[1]):
        col = rows[:, f]
        if (col >= 0).all():
            k = len(np.unique(col))
            if k > 1 and (best is None or k > best[1]):
                best = (f, k)
    if best is None:
        return [bucket]
    parts: dict[int, list[int]] = defaultdict(list)
    for member, value in zip(bucket, rows[:, best[0]].tolist()):
        parts[value].append(member)
    return [tuple(p) for p in parts.values() if len(p) > 1]


def _buckets(n: int, sets: _Shingles) -> Iterable[tuple[int, ...]]:
    """Groups of documents sharing one band of their MinHash signature (LSH candidates).

    A cluster of near-identical texts fills the same bucket in every band; identical
    member lists are returned once so such a cluster is enumerated once, not 32 times.
    """
    buckets: dict[tuple[int, bytes], list[int]] = defaultdict(list)
    for i in range(n):
        sh = sets.get(i)
        if len(sh) < MIN_SHINGLES:
            continue
        sig = minhash(sh)
        for band in range(BANDS):
            buckets[(band, sig[band * ROWS:(band + 1) * ROWS].tobytes())].append(i)
    return sorted({tuple(members) for members in buckets.values() if len(members) > 1})


def _quality(row: dict[str, Any]) -> tuple[int, int, int, int, int]:
    found = sum(1 for f in _FIELDS if row.get(f) not in (None, "", []) and row.get(f) == row.get(f))
    return (_STATUS_RANK.get(str(row.get("status")), 0), int(not row.get("ocr_engine")), found,
            _FORMAT_RANK.get(str(row.get("source_format")), 0), len(row.get("text") or ""))


def group(rows: Sequence[dict[str, Any]]) -> list[list[int]]:
    """Indices of ``rows`` grouped into copies of one notice; each group's canonical copy first."""
    sets = _Shingles(rows)
    n = len(rows)
    uf = _Groups([_identity(r) for r in rows])
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        num, issuer = r.get("doc_number"), r.get("issuer_canonical")
        if num and issuer:
            by_key[(fold(str(num)), str(issuer))].append(i)
    for members in by_key.values():
        for j in members[1:]:
            i = members[0]
            if sets.jaccard(i, j) >= KEY_MIN_JACCARD or \
                    min(len(sets.get(i)), len(sets.get(j))) < MIN_SHINGLES:
                uf.union(i, j)
    seen: set[int] = set()  # a pair shares up to BANDS buckets: decide it once
    codes = _identity_codes(uf.ident)
    for part in (p for bucket in _buckets(n, sets) for p in _partitions(codes, bucket)):
        ids = np.asarray(part)
        for x, i in enumerate(part[:-1]):
            for j in ids[x + 1:][_stated_alike(codes, i, ids[x + 1:])].tolist():
                code = i * n + j
                if code in seen:
                    continue
                seen.add(code)
                if uf.find(i) == uf.find(j) or not uf.compatible(i, j):
                    continue
                ocr = bool(rows[i].get("ocr_engine") or rows[j].get("ocr_engine"))
                if sets.jaccard(i, j) >= (OCR_JACCARD if ocr else JACCARD):
                    uf.union(i, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[uf.find(i)].append(i)
    out = []
    for members in groups.values():
        members.sort(key=lambda k: (tuple(-q for q in _quality(rows[k])), str(rows[k].get("doc_id"))))
        out.append(members)
    return sorted(out, key=lambda m: m[0])


def mark_copies(rows: list[dict[str, Any]]) -> int:
    """Set ``duplicate_of`` and ``copies`` on every row; returns the number of duplicate rows."""
    duplicates = 0
    for members in group(rows):
        canonical = rows[members[0]]
        canonical["duplicate_of"] = None
        canonical["copies"] = sorted(str(rows[k]["doc_id"]) for k in members[1:])
        for k in members[1:]:
            rows[k]["duplicate_of"] = canonical["doc_id"]
            rows[k]["copies"] = []
            duplicates += 1
    return duplicates
