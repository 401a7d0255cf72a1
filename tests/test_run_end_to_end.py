"""End to end: an archive folder in, seven parquet tables out, read back with DuckDB."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipeline.run import run
from pipeline.store.base import TABLES

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "data" / "raw"

NOTICE = """某某县人民政府办公室关于开展第十五届“5·15政务公开日”活动的通知

各乡镇人民政府，县政府各部门：

现将有关事项通知如下：

一、活动主题

深化政务公开，优化营商环境。

二、活动时间

2021年5月10日至15日。

三、有关要求

请各单位于5月12日前上报活动方案。

联系人：王某某

联系电话：7654321

某某县人民政府办公室

2021年5月6日
"""


@pytest.fixture(scope="module")
def small_archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("archive")
    (root / "2021").mkdir()
    (root / "2021" / "notice.txt").write_text(NOTICE, encoding="utf-8")
    (root / "2021" / "notice-gbk.txt").write_bytes(NOTICE.replace("十五届", "十五届 ").encode("gb18030"))
    (root / "copy").mkdir()
    shutil.copy(root / "2021" / "notice.txt", root / "copy" / "same.txt")
    (root / "empty.txt").write_bytes(b"")
    (root / "fake.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    (root / "README.md").write_text("not a document", encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    run(root, out)
    return root, out


def _duck(out: Path, table: str) -> pd.DataFrame:
    return duckdb.sql(
        f"select * from read_parquet('{out}/{table}/**/*.parquet', hive_partitioning=true)").df()


def test_all_seven_tables_are_written_and_read_back_by_duckdb(small_archive: tuple[Path, Path]) -> None:
    _, out = small_archive
    for table in TABLES:
        assert (out / table).is_dir(), table
        _duck(out, table)  # raises if unreadable
    docs = _duck(out, "documents")
    assert sorted(docs["source_path"]) == ["2021/notice-gbk.txt", "2021/notice.txt", "empty.txt", "fake.pdf"]


def test_identical_copies_share_one_record(small_archive: tuple[Path, Path]) -> None:
    _, out = small_archive
    docs = pd.read_parquet(out / "documents")
    row = docs[docs["source_path"] == "2021/notice.txt"].iloc[0]
    assert list(row["also_at"]) == ["copy/same.txt"]


def test_bad_files_fail_alone_with_a_failures_row(small_archive: tuple[Path, Path]) -> None:
    _, out = small_archive
    docs = pd.read_parquet(out / "documents").set_index("source_path")
    assert docs.loc["empty.txt", "status"] == "failure"
    assert docs.loc["fake.pdf", "status"] == "failure"
    assert docs.loc["2021/notice.txt", "status"] == "success"
    fails = _duck(out, "failures")
    assert set(fails["source_path"]) == {"empty.txt", "fake.pdf"}
    assert (fails["message"].str.len() > 0).all()


def test_fields_and_evidence_of_a_notice(small_archive: tuple[Path, Path]) -> None:
    _, out = small_archive
    docs = pd.read_parquet(out / "documents").set_index("source_path")
    for path in ("2021/notice.txt", "2021/notice-gbk.txt"):
        d = docs.loc[path]
        assert d["event"] == "5·15政务公开日"
        assert d["edition"] == 15
        assert d["year"] == 2021
        assert str(d["issue_date"])[:10] == "2021-05-06"
        assert d["issuer"] == "某某县人民政府办公室"
    did = docs.loc["2021/notice.txt", "doc_id"]
    ev = duckdb.sql(f"select field, value, char_start, char_end from read_parquet('{out}/evidence/**/*.parquet') "
                    f"where doc_id = '{did}'").df()
    text = docs.loc["2021/notice.txt", "text"]
    fields = set(ev["field"])
    assert {"title", "issuer", "issue_date", "theme", "period_start", "deadlines[0].date",
            "contacts[0].phones[0]"} <= fields
    for _, e in ev.iterrows():  # every span points at text that holds the value (dates excepted)
        if e["field"] in ("issue_date", "period_start", "period_end", "year", "edition", "event", "kind") \
                or e["field"].startswith("deadlines"):
            continue
        assert e["value"].replace(" ", "") in text[e["char_start"]:e["char_end"]].replace(" ", "")
    dl = pd.read_parquet(out / "deadlines")
    assert str(dl[dl["doc_id"] == did]["date"].iloc[0])[:10] == "2021-05-12"


def test_every_nonnull_scalar_field_has_evidence_on_the_sample_archive(tmp_path: Path) -> None:
    out = tmp_path / "parsed"
    summary = run(SAMPLE, out)
    assert summary.failed == 0 and summary.documents >= 8
    docs = pd.read_parquet(out / "documents")
    ev = pd.read_parquet(out / "evidence")
    have = set(zip(ev["doc_id"], ev["field"]))
    scalar = ["kind", "event", "edition", "year", "title", "issuer", "doc_number", "issue_date", "signer",
              "urgency", "classification", "recipients", "theme", "period_start", "period_end"]
    missing = [(r["source_path"], f) for _, r in docs.iterrows() for f in scalar
               if not pd.isna(r[f]) and (r["doc_id"], f) not in have]
    assert missing == []
    ev_pdf = ev.merge(docs[["doc_id", "source_format"]], on="doc_id")
    pdf_ev = ev_pdf[ev_pdf["source_format"] == "pdf"]
    assert len(pdf_ev) and pdf_ev["x0"].notna().all() and (pdf_ev["page"] >= 1).all()


def test_cli_prints_a_summary(tmp_path: Path, small_archive: tuple[Path, Path]) -> None:
    root, _ = small_archive
    proc = subprocess.run([sys.executable, "-m", "pipeline", "run", str(root), "--out", str(tmp_path / "o")],
                          capture_output=True, text=True, check=True, cwd=REPO)
    assert "documents: 4  ok: 2  partial: 0  failed: 2" in proc.stdout
    assert "failure  fake.pdf" in proc.stderr


def test_cli_reports_a_missing_input_folder(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "pipeline", "run", str(tmp_path / "nope")],
                          capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 2 and "input folder not found" in proc.stderr
