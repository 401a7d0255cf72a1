"""Contact blocks: 联系人 names, phones, faxes and e-mail addresses.

Contacts are read only where the text labels them (联系人 / 电话 / 联系方式 /
手机 / 传真 / 邮箱, or a call verb: 请拨打0795-…进行报名): numbers elsewhere — ``8890平台``, ``12345热线``,
``(8010室)``, doc numbers, dates — are never phones.  Labels close together
form one block; a block becomes one :class:`Contact` with its names joined
by 、, or one contact per person where the text pairs each name with its
own number (``张三 138…，李四 139…``).  A name must start with a common
surname, which keeps 报名 / 名额有限 / 政务公开办 out of the names.

Web copies carry site footers (主办单位 / 联系方式 beside ICP备 / 版权 /
网站标识码) and 来源 / 浏览次数 / 发布时间 lines; labels on those lines, and
on short lines next to a footer marker, are ignored.  Collection pages and
OCR'd telegrams repeat blocks, so a contact already covered is skipped.

Numbers are kept as printed (``0739-7923727``, ``(0411)82345678``,
``400-812-3456``, ``…转8012``; a six-digit local number only after an area
code); an annotation such as ``(办)`` is dropped, ``(传真)`` makes the number
a fax as well as a phone (it is listed among the phones in the text), a
person (``139…（张老师）``) names the number's own contact, and a ``传真：``
label makes faxes only.  Contact tables (a header naming 联系人 and 电话) are
read row by row by :mod:`contact_tables`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.extract.contact_patterns import (
    ANNOT,
    EMAIL,
    EMAIL_LABEL,
    FAX_LABEL,
    LABEL_TAIL,
    NAME_LABEL,
    PHONE,
    PHONE_LABEL,
    SEP,
    is_person,
)
from pipeline.extract.contact_tables import table_contacts
from pipeline.extract.source import Source
from pipeline.model import Contact, Found, Record

FOOTER = re.compile(r"ICP|备案号|版权|Copyright|copyright|网站标识码|公网安备|技术支持|网站地图|All ?[Rr]ights")
PAGE_META = re.compile(r"来源[:：]|浏览(?:次数)?[:：]|浏览量|访问量|发布时间|发布日期|点击(?:数|量|率)?[:：]|阅读(?:数|量)?[:：]")
_FOOTERISH = re.compile(r"主办|承办|协办|维护|地址|邮编|网站|站点|版权|Copyright")
_NEAR_FOOTER = re.compile(r"联系|电话|邮箱|传真")
_GAP = 40


@dataclass
class _Hit:
    kind: str  # name / phone / fax / email
    start: int  # label start
    end: int  # end of the label and its colon (value start)


@dataclass
class _Block:
    hits: list[_Hit] = field(default_factory=list)
    end: int = 0


@dataclass
class _Person:
    names: list[Found[str]] = field(default_factory=list)
    phones: list[Found[str]] = field(default_factory=list)


def fill(src: Source, rec: Record) -> None:
    """Append the document's contact blocks (and contact-table rows) to ``rec.contacts``."""
    found, table_lines = table_contacts(src)
    noise = _noise_spans(src) + table_lines
    for block in _blocks(src, noise):
        found.extend(_parse(src, block))
    for c in _merge_lone_emails(found):
        if not _covered(c, rec.contacts):
            rec.contacts.append(c)


def _merge_lone_emails(found: list[Contact]) -> list[Contact]:
    """An address printed apart (报送邮箱：…) joins the nearest contact that has none."""
    out = [c for c in found if c.name or c.phones or c.faxes]
    for c in found:
        if c in out or c.email is None:
            continue
        near = [o for o in out if o.email is None and abs(_pos(o) - c.email.start) <= 300]
        if near:
            min(near, key=lambda o: abs(_pos(o) - c.email.start)).email = c.email  # type: ignore[union-attr]
        else:
            out.append(c)
    return sorted(out, key=_pos)


def _pos(c: Contact) -> int:
    spans = [f.start for f in ([c.name] if c.name else []) + c.phones + c.faxes + ([c.email] if c.email else [])]
    return min(spans) if spans else 0


# ---------------------------------------------------------------- noise


def _noise_spans(src: Source) -> list[tuple[int, int]]:
    """Spans of lines that are site furniture: footers and page metadata."""
    lines = src.lines()
    out = []
    strong = [i for i, (s, e) in enumerate(lines) if FOOTER.search(src.norm[s:e])]
    footerish = {i for i, (s, e) in enumerate(lines) if _FOOTERISH.search(src.norm[s:e])}
    for i, (s, e) in enumerate(lines):
        t = src.norm[s:e]
        if i in strong or PAGE_META.search(t):
            out.append((s, e))
            continue
        near = [j for j in strong if abs(i - j) <= 3]
        if not near or len(t.strip()) > 60:
            continue
        if i in footerish:
            out.append((s, e))  # 主办：… / 地址：… 邮编：… beside the ICP line
        elif _NEAR_FOOTER.search(t) and not NAME_LABEL.search(t) and (i - 1 in footerish or i + 1 in footerish):
            out.append((s, e))  # 联系电话：… inside that footer; a 联系人 block above it is kept
    return out


def _in(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos <= b for a, b in spans)


# ---------------------------------------------------------------- blocks


def _hits(src: Source, noise: list[tuple[int, int]]) -> list[_Hit]:
    norm = src.norm
    hits: list[_Hit] = []
    for kind, rx in (("name", NAME_LABEL), ("phone", PHONE_LABEL), ("fax", FAX_LABEL), ("email", EMAIL_LABEL)):
        for m in rx.finditer(norm):
            if _in(m.start(), noise):
                continue
            if any(h.start <= m.start() < h.end for h in hits):
                continue  # 联系人及电话 is one label; 电话 inside it is not another
            if kind == "fax" and (norm[max(0, m.start() - 1)] == "/" or "(" in norm[max(0, m.start() - 3):m.start()]):
                continue  # 2630101（传真）/（兼传真）: an annotation of the number before it
            tail = LABEL_TAIL.match(norm, m.end())
            end = _value_start(norm, tail.end() if tail else m.end())
            if kind == "phone" and "传" in norm[m.end():end]:
                kind_ = "phone+fax"
            else:
                kind_ = kind
            hits.append(_Hit(kind_, m.start(), end))
    for m in EMAIL.finditer(norm):  # an address without a label still belongs to its block
        if not _in(m.start(), noise) and not any(h.kind == "email" and 0 <= m.start() - h.end <= 3 for h in hits):
            hits.append(_Hit("bare-email", m.start(), m.start()))
    hits.sort(key=lambda h: h.start)
    return hits


def _value_start(norm: str, pos: int) -> int:
    """Where a label's value starts: OCR often puts it on the next line (电话：\n\n0739-…)."""
    eol = norm.find("\n", pos)
    if eol < 0 or norm[pos:eol].strip():
        return pos
    m = re.compile(r"\s*").match(norm, eol)
    nxt = m.end() if m else eol
    if norm.count("\n", eol, nxt) > 3 or nxt >= len(norm):
        return pos
    for rx in (NAME_LABEL, PHONE_LABEL, FAX_LABEL, EMAIL_LABEL):
        if rx.match(norm, nxt):
            return pos  # the next line is another label: this one is empty
    return nxt


def _blocks(src: Source, noise: list[tuple[int, int]]) -> list[_Block]:
    """Label hits grouped into blocks: close together, a new 联系人 starts a new block."""
    blocks: list[_Block] = []
    cur: _Block | None = None
    for h in _hits(src, noise):
        value_end = _value_end(src, h)
        if h.kind == "phone" and not PHONE.search(src.norm, h.end, min(value_end, h.end + 16)):
            continue  # 办公电话、工作分工 — the word, not a number
        if h.kind == "name" and not _has_name(src, h, value_end):
            continue
        new = cur is None or h.start - cur.end > _GAP or (
            h.kind == "name" and any(x.kind == "name" for x in cur.hits))
        if new:
            cur = _Block()
            blocks.append(cur)
        assert cur is not None
        cur.hits.append(h)
        cur.end = max(cur.end, value_end)
    return blocks


def _value_end(src: Source, h: _Hit) -> int:
    """Where a label's value stops: end of line or a sentence stop."""
    norm = src.norm
    if h.kind == "bare-email":
        m = EMAIL.match(norm, h.start)
        return m.end() if m else h.start
    j = h.end
    while j < len(norm) and norm[j] not in "\n。":
        j += 1
    return j


def _has_name(src: Source, h: _Hit, end: int) -> bool:
    return bool(_names(src, h.end, end))


# ---------------------------------------------------------------- values


def _names(src: Source, start: int, end: int) -> list[Found[str]]:
    """Personal names at the start of a 联系人 value, up to the next label or number."""
    norm = src.norm
    stop = end
    for rx in (PHONE_LABEL, FAX_LABEL, EMAIL_LABEL, PHONE, EMAIL):
        m = rx.search(norm, start, end)
        if m:
            stop = min(stop, m.start())
    m = re.search(r"[。;；(\n]", norm[start:stop])
    if m:
        stop = start + m.start()
    out: list[Found[str]] = []
    pending: tuple[int, int] | None = None
    for tok in re.finditer(r"[^\s、，,;；/和及:：]+", norm[start:stop]):
        a, b = start + tok.start(), start + tok.end()
        if pending:  # "杨 清会": OCR split a name after its surname
            a, pending = pending[0], None
        word = re.sub(r"\s", "", norm[a:b])
        if len(word) == 1 and re.match(r"[\u4e00-\u9fff]", word):
            pending = (a, b)
            continue
        if is_person(word):
            f = src.found(a, b, "contact", squash_space=True)
            if f:
                out.append(f)
    return out


def _annotation_name(a: str) -> bool:
    """``(张老师)`` after a number names its person; ``(办)`` / ``(白天)`` / ``(同微信)`` do not."""
    return is_person(a) and not re.search(r"[天日时班号信机座线晚早周]", a)


def _phones(src: Source, pos: int, end: int,
            named: list[tuple[Found[str], Found[str]]] | None = None) -> tuple[list[Found[str]], list[Found[str]], int]:
    """Phones (and numbers annotated 传真) listed from ``pos``; returns where the list ends.

    A number annotated with a person (``139…（张老师）``) is also put in ``named``.
    """
    norm = src.norm
    phones: list[Found[str]] = []
    faxes: list[Found[str]] = []
    while pos < end:
        p = pos
        while p < end and norm[p] in " \t":
            p += 1
        m = PHONE.match(norm, p, end)
        if not m:
            break
        f = src.found(m.start(), m.end(), "contact")
        annot = ANNOT.match(norm, m.end(), end)
        pos = annot.end() if annot else m.end()
        if f:
            phones.append(f)
            if annot and "传真" in annot["a"]:
                faxes.append(f)
            if annot and named is not None and _annotation_name(annot["a"]):
                g = src.found(annot.start("a"), annot.end("a"), "contact", squash_space=True)
                if g:
                    named.append((f, g))
        sep = SEP.match(norm, pos, end)
        if sep is None or sep.end() == pos and not PHONE.match(norm, pos, end):
            break
        pos = sep.end()
    return phones, faxes, pos


def _parse(src: Source, block: _Block) -> list[Contact]:
    norm = src.norm
    people: list[_Person] = []
    faxes: list[Found[str]] = []
    email: Found[str] | None = None
    ends = [h.start for h in block.hits[1:]] + [block.end]
    for h, nxt in zip(block.hits, ends):
        stop = max(h.end, min(nxt, _value_end(src, h)))
        if h.kind == "name":
            _read_people(src, h.end, stop, people)
        elif h.kind in ("phone", "phone+fax"):
            named: list[tuple[Found[str], Found[str]]] = []
            ph, fx, _ = _phones(src, _skip_open(norm, h.end), stop, named)
            if not people:
                people.append(_Person())
            owned = {id(p) for p, _ in named}
            people[-1].phones.extend(p for p in ph if id(p) not in owned)
            people.extend(_Person([n], [p]) for p, n in named)
            faxes.extend(ph if h.kind == "phone+fax" else fx)
            _read_people(src, _after_phones(src, h.end, stop), stop, people, continuing=True)
        elif h.kind == "fax":
            ph, _, _ = _phones(src, _skip_open(norm, h.end), stop)
            faxes.extend(ph)
        elif email is None:
            m = EMAIL.search(norm, h.end if h.kind == "email" else h.start, max(stop, h.end + 60))
            if m:
                email = src.found(m.start(), m.end(), "contact")
    people = [p for p in people if p.names or p.phones]
    if not people and not faxes and email is None:
        return []
    paired = len(people) > 1 and all(p.names and p.phones for p in people)
    if paired:
        out = [Contact(_join(p.names), p.phones) for p in people]
        out[0].faxes, out[0].email = faxes, email
        return out
    names = [n for p in people for n in p.names]
    phones = [f for p in people for f in p.phones]
    return [Contact(_join(names), _unique(phones), _unique(faxes), email)]


def _skip_open(norm: str, pos: int) -> int:
    """Where a label's number starts: after its colon, and after a bracket that
    opens the number itself (通过电话(0839-…)报名; ``(0411)8…`` keeps its bracket)."""
    while pos < len(norm) and norm[pos] in " \t:：":
        pos += 1
    if norm.startswith("(", pos) and not PHONE.match(norm, pos):
        pos += 1
    return pos


def _after_phones(src: Source, pos: int, stop: int) -> int:
    _, _, end = _phones(src, _skip_open(src.norm, pos), stop)
    return end


def _read_people(src: Source, start: int, stop: int, people: list[_Person], continuing: bool = False) -> None:
    """Names (each possibly followed by its own number) from a 联系人 value."""
    norm = src.norm
    pos = start
    while pos < stop:
        names = _names(src, pos, stop)
        if not names:
            if continuing:
                return
            ph, _, end = _phones(src, _skip_open(norm, pos), stop)
            if ph and people:
                people[-1].phones.extend(ph)
            return
        if continuing and names[0].start - pos > 3:
            return
        after = names[-1].end
        gap = re.compile(r"[ \t，,、:：]*\(?").match(norm, after)
        ph, _, end = _phones(src, gap.end() if gap else after, stop)
        label_at = re.compile(r"[\s，,、;；:：]*").match(norm, after)
        if continuing and not ph and not PHONE_LABEL.match(norm, label_at.end() if label_at else after):
            return  # words after a number are a name only when a number of their own follows
        person = _Person(names=names)
        people.append(person)
        person.phones.extend(ph)
        if not ph:
            return
        sep = SEP.match(norm, end, stop)
        pos = sep.end() if sep else end
        continuing = True


def _join(names: list[Found[str]]) -> Found[str] | None:
    uniq: list[Found[str]] = []
    for n in names:
        if n.value not in [u.value for u in uniq]:
            uniq.append(n)
    if not uniq:
        return None
    return Found("、".join(n.value for n in uniq), uniq[0].start, uniq[-1].end, "contact")


def _unique(items: list[Found[str]]) -> list[Found[str]]:
    out: list[Found[str]] = []
    for f in items:
        if _digits(f.value) not in [_digits(o.value) for o in out]:
            out.append(f)
    return out


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def _covered(c: Contact, existing: list[Contact]) -> bool:
    """True when an earlier contact already holds every name, number and address of ``c``."""
    names = set(c.name.value.split("、")) if c.name else set()
    nums = {_digits(p.value) for p in c.phones + c.faxes}
    for o in existing:
        o_names = set(o.name.value.split("、")) if o.name else set()
        o_nums = {_digits(p.value) for p in o.phones + o.faxes}
        same_mail = c.email is None or (o.email is not None and o.email.value.lower() == c.email.value.lower())
        if names <= o_names and nums <= o_nums and same_mail:
            return True
    return False
