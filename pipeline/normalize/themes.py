"""What documents are about: per-document keywords and a per-year ``themes`` table.

Keywords are jieba TF-IDF terms (``jieba.analyse.TFIDF`` with jieba's own
IDF table) over the document text folded to Simplified script, plus every
term of the policy dictionary ``data/policy_terms.tsv`` the text mentions.
The dictionary's forms are added to a private ``jieba.Tokenizer`` as
words, so 优化营商环境 or 12345政务服务便民热线 survive segmentation, and every
synonym is reported as its canonical term (12345热线), so years that
phrase a policy differently still line up.  The tokenizer and the IDF
table are copies: the extraction stage's global jieba dictionary is never
changed, whatever runs in the same process.

Event vocabulary, process verbs and the genre's everyday words
(``data/stopwords.txt``), place and organ names, numbers, and words that
are not nouns in jieba's dictionary (verbs, person names the HMM guessed)
would dominate every notice and say nothing about its themes, so they are
not keywords.

The ``themes`` table sums, per year, the keyword weights of the canonical
copies (see :mod:`pipeline.normalize.dedup`) and counts the documents
having the keyword; a notice archived three times counts once, and
documents without a year are left out.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from pipeline.normalize.text import fold

#: general (non-dictionary) keywords kept per document, besides all dictionary terms it mentions
TOP_GENERAL = 10
#: jieba dictionary tags of words that can name a theme: nouns, verbal nouns, idioms, abbreviations
THEME_TAGS = frozenset({"n", "nz", "vn", "nt", "nw", "l", "an", "i", "j"})
#: endings of organ names (教育局, 管委会): who acts, not what about
_ORGAN_ENDINGS = ("局", "委", "委员会", "管委会", "办公室", "领导小组", "政府", "办事处", "股室", "处室", "中心")
_QUOTES = re.compile(r"[“”\"'‘’「」『』《》〈〉〔〕【】]")
#: characters jieba keeps inside one token; forms with others are replaced before segmenting
_JIEBA_WORD = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")
_NUMERAL = re.compile(r"^[第]?[0-9一二三四五六七八九十百千万零〇两]+[届个次年月日号项条期批名人份类种家]?$")
_HAS_DIGIT = re.compile(r"[0-9]")
_HAS_HAN = re.compile(r"[\u4e00-\u9fff]")
#: 发文字号 (own or cited): their agency codes (政办发, 辽政办明电) are not themes
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{2,6}[〔\[(（【]\d{4}[〕\])）】]\d+号")


def _data(name: str) -> str:
    return resources.files("pipeline.normalize").joinpath(f"data/{name}").read_text("utf-8")


@dataclass(frozen=True)
class Vocabulary:
    """The policy dictionary: every form → its canonical term."""

    canonical: dict[str, str]

    @property
    def phrases(self) -> list[tuple[str, str]]:
        """Forms jieba cannot hold as one token (they contain 、 or spaces), longest first."""
        odd = [(f, c) for f, c in self.canonical.items() if not _JIEBA_WORD.fullmatch(f)]
        return sorted(odd, key=lambda fc: -len(fc[0]))


def parse_vocabulary(text: str) -> Vocabulary:
    """``canonical<TAB>syn|syn`` lines (``#`` comments) → a :class:`Vocabulary`."""
    forms: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, _, rest = line.partition("\t")
        canonical = fold(canonical)
        forms[canonical] = canonical
        for syn in rest.split("|"):
            syn = _QUOTES.sub("", fold(syn))
            if syn:
                forms.setdefault(syn, canonical)
    return Vocabulary(forms)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    return parse_vocabulary(_data("policy_terms.tsv"))


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(w.strip() for w in _data("stopwords.txt").splitlines()
                     if w.strip() and not w.startswith("#"))


class KeywordExtractor:
    """jieba TF-IDF over a private tokenizer that knows the policy dictionary."""

    def __init__(self, vocab: Vocabulary, stop: Iterable[str], places: Iterable[str] = ()) -> None:
        import jieba
        import jieba.analyse
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        self.vocab = vocab
        self.phrases = vocab.phrases
        self.tokenizer = jieba.Tokenizer()
        self.tokenizer.initialize()
        for form in vocab.canonical:
            if _JIEBA_WORD.fullmatch(form):
                self.tokenizer.add_word(form, tag="nz")
        self.tfidf = jieba.analyse.TFIDF()
        self.tfidf.tokenizer = self.tokenizer
        self.tfidf.idf_freq = dict(self.tfidf.idf_freq)  # the loader's dict is shared process-wide
        self.tfidf.stop_words = set(self.tfidf.stop_words) | set(stop)
        self.places = frozenset(places)
        # tags from jieba's dictionary file only (no HMM tagging: fast); words jieba's HMM
        # invented (person names, fragments such as 信局) have none and are not keywords
        self.tags: dict[str, str] = jieba.posseg.POSTokenizer(self.tokenizer).word_tag_tab

    def prepare(self, text: str | None) -> str:
        """Folded text without quotes and 发文字号, multi-token dictionary forms replaced by their term."""
        s = _DOC_NUMBER.sub("", fold(text))
        s = _QUOTES.sub("", s)
        for form, canonical in self.phrases:
            if form in s:
                s = s.replace(form, canonical)
        return s

    def _general(self, word: str) -> bool:
        return (self.tags.get(word) in THEME_TAGS and bool(_HAS_HAN.search(word))
                and not _HAS_DIGIT.search(word) and not _NUMERAL.match(word)
                and word not in self.places and not word.endswith(_ORGAN_ENDINGS))

    def keywords(self, text: str | None, top_general: int = TOP_GENERAL) -> list[tuple[str, float]]:
        """(keyword, weight) of one document, heaviest first: dictionary terms plus the top general terms."""
        s = self.prepare(text)
        if not s:
            return []
        weights: dict[str, float] = defaultdict(float)
        general = 0
        for word, weight in self.tfidf.extract_tags(s, topK=None, withWeight=True):
            term = self.vocab.canonical.get(word)
            if term is not None:
                weights[term] += weight
            elif general < top_general and self._general(word):
                weights[word] += weight
                general += 1
        return sorted(((k, round(v, 6)) for k, v in weights.items()), key=lambda kv: (-kv[1], kv[0]))


@lru_cache(maxsize=1)
def extractor() -> KeywordExtractor:
    """The process's keyword extractor (jieba's dictionary load is the slow part)."""
    from pipeline.normalize.gazetteer import load

    return KeywordExtractor(vocabulary(), stopwords(), load().all_names())


def assign_keywords(rows: Sequence[dict[str, Any]]) -> dict[str, list[tuple[str, float]]]:
    """Set ``keywords`` on every row (copies get their canonical copy's); returns weights by doc_id."""
    ex = extractor()
    weights: dict[str, list[tuple[str, float]]] = {}
    for row in rows:
        if row.get("duplicate_of") is None:
            weights[str(row.get("doc_id"))] = ex.keywords(row.get("text"))
    for row in rows:
        source = row.get("duplicate_of") or row.get("doc_id")
        row["keywords"] = [k for k, _ in weights.get(str(source), [])]
    return weights


def themes_rows(rows: Sequence[dict[str, Any]],
                weights: dict[str, list[tuple[str, float]]]) -> list[dict[str, Any]]:
    """(year, keyword, summed weight, documents) over canonical copies with a known year."""
    total: dict[tuple[int, str], float] = defaultdict(float)
    count: dict[tuple[int, str], int] = defaultdict(int)
    for row in rows:
        year = row.get("year")
        if row.get("duplicate_of") is not None or year is None:
            continue
        for kw, w in weights.get(str(row.get("doc_id")), []):
            total[(int(year), kw)] += w
            count[(int(year), kw)] += 1
    keys = sorted(total, key=lambda yk: (yk[0], -total[yk], yk[1]))
    return [{"year": y, "keyword": k, "weight": round(total[(y, k)], 6), "documents": count[(y, k)]}
            for (y, k) in keys]
