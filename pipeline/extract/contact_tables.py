"""Contacts printed as a table: a header naming 联系人/姓名 and 电话/手机, then one row each.

Notices that name a contact per unit or per task print them as a table —
``单位  联系人  联系电话  邮箱`` — which web copies and the PDF reader turn
into tab-separated lines.  Each row becomes one :class:`Contact` with the
names, numbers and address of its own cells; the table's lines are
returned too, so the label reader does not read the header as labels.
"""

from __future__ import annotations

import re

from pipeline.extract.contact_patterns import EMAIL, PHONE, is_person
from pipeline.extract.lines import cell_spans
from pipeline.extract.source import Source
from pipeline.model import Contact, Found

_ROLES: list[tuple[str, re.Pattern[str]]] = [
    ("name", re.compile(r"^(?:联系人|姓名|联系人姓名|负责人|经办人|联络员|联系人员)$")),
    ("fax", re.compile(r"传真")),
    ("email", re.compile(r"邮箱|邮件|[Ee]-?mail|信箱")),
    ("phone", re.compile(r"电话|手机|联系方式|号码|座机|Tel|TEL")),
]

Span = tuple[int, int]


def table_contacts(src: Source) -> tuple[list[Contact], list[Span]]:
    """Contacts from every contact table, and the spans of the lines the tables cover."""
    lines = src.lines()
    contacts: list[Contact] = []
    spans: list[Span] = []
    i = 0
    while i < len(lines):
        roles = _header(src, *lines[i])
        if roles is None:
            i += 1
            continue
        spans.append(lines[i])
        i += 1
        while i < len(lines) and "\t" in src.text[lines[i][0]:lines[i][1]]:
            c = _row(src, cell_spans(src, *lines[i]), roles)
            if c is not None:
                contacts.append(c)
            spans.append(lines[i])
            i += 1
    return contacts, spans


def _header(src: Source, s: int, e: int) -> dict[int, str] | None:
    """Column index → role for a contact-table header (a name and a phone column), else None."""
    if "\t" not in src.text[s:e]:
        return None
    roles: dict[int, str] = {}
    for idx, (a, b) in enumerate(cell_spans(src, s, e)):
        t = re.sub(r"\s", "", src.norm[a:b])
        if not t or len(t) > 8:
            continue
        for role, rx in _ROLES:
            if role not in roles.values() and rx.search(t):
                roles[idx] = role
                break
    values = set(roles.values())
    return roles if "name" in values and "phone" in values else None


def _row(src: Source, cells: list[Span], roles: dict[int, str]) -> Contact | None:
    names: list[Found[str]] = []
    phones: list[Found[str]] = []
    faxes: list[Found[str]] = []
    email: Found[str] | None = None
    for idx, role in roles.items():
        if idx >= len(cells):
            continue
        a, b = cells[idx]
        if role == "name":
            for tok in re.finditer(r"[^\s、，,;；/]+", src.norm[a:b]):
                if is_person(tok.group()):
                    f = src.found(a + tok.start(), a + tok.end(), "contact-table")
                    if f:
                        names.append(f)
        elif role in ("phone", "fax"):
            found = [src.found(m.start(), m.end(), "contact-table") for m in PHONE.finditer(src.norm, a, b)]
            (phones if role == "phone" else faxes).extend(f for f in found if f)
        elif email is None:
            m = EMAIL.search(src.norm, a, b)
            email = src.found(m.start(), m.end(), "contact-table") if m else None
    if not names and not phones:
        return None
    name = Found("、".join(n.value for n in names), names[0].start, names[-1].end, "contact-table") if names else None
    return Contact(name, phones, faxes, email)
