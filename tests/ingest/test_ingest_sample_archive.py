"""The sample archive in data/raw: every file reads, and the converted files say what their seeds say."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

from pipeline.ingest import SUPPORTED_SUFFIXES, reader_for
from pipeline.model import Page

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "data" / "raw"
SEEDS = ROOT.parent / "shared" / "dev" / "seeds"
CONVERTED = {
    "pdf/003_dc3fc68f31723263.pdf": "003_dc3fc68f31723263.txt",
    "html/002_a9cb70ae14b79793.html": "002_a9cb70ae14b79793.txt",
    "docx/000_467d550c347d98ed.docx": "000_467d550c347d98ed.txt",
}
PAGE_NUMBER = re.compile(r"—\s*\d+\s*—")


GENERATED_DIRS = ("txt", "pdf", "html", "docx")  # what scripts/make_sample_archive.py writes


def raw_files(root: Path, dirs: tuple[str, ...] = GENERATED_DIRS) -> list[Path]:
    return sorted(p for d in dirs for p in (root / d).rglob("*") if p.is_file())


def read(path: Path) -> list[Page]:
    return reader_for(path).read(path, path.read_bytes())


def compact(text: str) -> str:
    return "".join(text.split())


def test_archive_has_the_seed_texts_and_one_file_per_converted_format() -> None:
    names = {p.relative_to(RAW).as_posix() for p in raw_files(RAW)}
    assert set(CONVERTED) <= names
    assert len([n for n in names if n.startswith("txt/")]) == 5


@pytest.mark.parametrize("path", raw_files(RAW, GENERATED_DIRS + ("web",)), ids=lambda p: p.relative_to(RAW).as_posix())
def test_every_archive_file_reads_with_text(path: Path) -> None:
    assert path.suffix.lower() in SUPPORTED_SUFFIXES
    pages = read(path)
    assert pages and not any(p.needs_ocr for p in pages)
    assert sum(len(ln.text.strip()) for p in pages for ln in p.lines) > 200


def test_pdf_keeps_the_seed_text_and_its_table() -> None:
    pages = read(RAW / "pdf" / "003_dc3fc68f31723263.pdf")
    seed = [ln.strip() for ln in (RAW / "txt" / "003_dc3fc68f31723263.txt").read_text("utf-8").split("\n")]
    lines = [ln.text for p in pages for ln in p.lines if not PAGE_NUMBER.fullmatch(ln.text)]
    flow = compact("".join(ln for ln in lines if "\t" not in ln))
    assert all(compact(ln) in flow for ln in seed if ln and "\t" not in ln)

    def body_rows(rows: list[list[str]]) -> list[list[str]]:
        """Rows without the header, which both files repeat after their own page breaks."""
        cells = [[compact(c) for c in r] for r in rows]
        return [r for r in cells if r != cells[0]]

    seed_rows = [r.split("\t") for r in seed if "\t" in r]
    rows = [r for p in pages for t in p.tables for r in t]
    assert rows[0] == seed_rows[0]
    assert body_rows(rows) == body_rows(seed_rows)
    assert all(ln.bbox for p in pages for ln in p.lines)


def test_html_is_the_article_without_site_chrome() -> None:
    [page] = read(RAW / "html" / "002_a9cb70ae14b79793.html")
    text = "\n".join(ln.text for ln in page.lines)
    assert page.lines[0].text == "关于印发2022年望花区“5·15政务公开日”活动方案的通知"
    assert "10.推进政务公开" in text
    for noise in [
        "加入收藏",
        "浏览",
        "当前位置",
        "分享到",
        "打印",
        "主办单位",
        "ICP",
        "信息公开指南",
        "Copyright",
    ]:
        assert noise not in text


def test_docx_has_the_registration_form_as_a_table() -> None:
    [page] = read(RAW / "docx" / "000_467d550c347d98ed.docx")
    assert len(page.tables) == 1 and page.tables[0][0][0] == "走访单位情况"
    assert any(ln.text.startswith("走访单位情况\t") for ln in page.lines)


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_sample_archive", ROOT / "scripts" / "make_sample_archive.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not SEEDS.is_dir(), reason="development seeds not present")
def test_script_rebuilds_an_archive_that_reads_the_same(tmp_path: Path) -> None:
    assert _script().main(["--seeds", str(SEEDS), "--out", str(tmp_path)]) == 0
    for rel in [p.relative_to(RAW) for p in raw_files(RAW)]:
        fresh, committed = read(tmp_path / rel), read(RAW / rel)
        assert [[ln.text for ln in p.lines] for p in fresh] == [
            [ln.text for ln in p.lines] for p in committed
        ]
