"""The review app in headless Chromium: list, evidence boxes on a scanned page, corrections end to end.

One flow, because each step needs the previous one: the pipeline runs on a
small archive (a scanned page, a text notice), the server starts on a free
loopback port, the browser opens the scan, checks a field's box is drawn
exactly where the evidence says, corrects values (edit, add and remove child
rows), and a forced re-run writes the corrections into the parquet tables.
Skipped with the reason when Chromium, its driver or Selenium is missing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from review_browser import chromium, missing, running_server, wait_for
from review_fixtures import archive

from pipeline.executors import ExecutorOptions
from pipeline.run import run

REASON = missing()
pytestmark = pytest.mark.skipif(REASON is not None, reason=f"browser tests need Chromium: {REASON}")


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, Any, Any]]:
    root = tmp_path_factory.mktemp("review-browser")
    try:
        src = archive(root)
    except RuntimeError as exc:  # render_scans.FontMissing when the sample scan is absent
        pytest.skip(f"no scanned sample and no CJK font to render one: {exc}")
    out = root / "out"
    run(src, out, executor=ExecutorOptions(kind="serial"))
    with running_server(out, user="reviewer") as server, chromium() as driver:
        yield src, out, server, driver


def _sql(out: Path, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    con = duckdb.connect()
    for t in ("documents", "deadlines", "evidence", "corrections"):
        con.execute(f"create view {t} as select * from read_parquet('{out / t}/**/*.parquet')")
    return con.execute(sql, params or []).fetchall()


def _doc(out: Path, name: str) -> str:
    return str(_sql(out, "select doc_id from documents where source_path = ?", [name])[0][0])


def _saves(driver: Any) -> int:
    return int(driver.execute_script("return Number(document.body.dataset.saved || 0)"))


def _field(driver: Any, key: str) -> Any:
    return driver.find_element("css selector", f'.field[data-key="{key}"]')


def _set_value(driver: Any, key: str, value: str) -> None:
    """Type a new value into a record field and save it with its Save button."""
    before = _saves(driver)
    box = _field(driver, key).find_element("css selector", "input, textarea")
    box.clear()
    box.send_keys(value)
    _field(driver, key).find_element("css selector", "button.save").click()
    wait_for(driver, f"Number(document.body.dataset.saved || 0) > {before}")


def test_list_filters_show_counts(review: tuple[Path, Path, Any, Any]) -> None:
    _, _, server, driver = review
    driver.get(server.url)
    wait_for(driver, "document.body.dataset.ready")
    assert len(driver.find_elements("css selector", "#docs tbody tr")) == 2
    options = driver.execute_script(
        "return [...document.querySelector('select[name=kind]').options].map(o => o.textContent)")
    assert options[0] == "all (2)" and sorted(options[1:]) == ["notice (1)", "plan (1)"]
    driver.execute_script("const s = document.querySelector('select[name=kind]'); s.value = 'plan';"
                          "s.dispatchEvent(new Event('change', {bubbles: true}))")
    rows = driver.find_elements("css selector", "#docs tbody tr")
    assert len(rows) == 1 and "kind=plan" in driver.current_url
    assert "1 of 2" in driver.find_element("id", "count").text


def test_evidence_box_is_drawn_where_the_evidence_says(review: tuple[Path, Path, Any, Any]) -> None:
    _, out, server, driver = review
    doc = _doc(out, "scan.pdf")
    x0, y0, x1, y1 = _sql(out, "select x0, y0, x1, y1 from evidence where doc_id = ? and field = 'doc_number'",
                          [doc])[0]
    driver.get(server.url + f"doc/{doc}")
    wait_for(driver, "document.body.dataset.ready && document.querySelector('.page.loaded')")
    _field(driver, "documents::doc_number").find_element("css selector", "label").click()
    geo = wait_for(driver, """(() => {
        const b = document.querySelector('.box.sel[data-ev="doc_number"]');
        const img = document.querySelector('img.page-img[data-page="1"]');
        if (!b || !img.complete) return null;
        const r = b.getBoundingClientRect(), i = img.getBoundingClientRect(),
              v = document.getElementById('viewer').getBoundingClientRect();
        return {left: r.left - i.left, top: r.top - i.top, width: r.width, height: r.height,
                iw: i.width, ih: i.height, nw: img.naturalWidth, nh: img.naturalHeight,
                visible: r.top >= v.top && r.bottom <= v.bottom};
    })()""")
    # the page image is the OCR-normalised 200-dpi image, so boxes are its pixels
    assert abs(geo["nw"] - 595.44 * 200 / 72) <= 2 and abs(geo["nh"] - 842.04 * 200 / 72) <= 2
    sx, sy = geo["iw"] / geo["nw"], geo["ih"] / geo["nh"]
    expected = {"left": x0 * sx, "top": y0 * sy, "width": (x1 - x0) * sx, "height": (y1 - y0) * sy}
    for k, v in expected.items():
        assert geo[k] == pytest.approx(v, abs=1.5), (k, geo, expected)
    assert geo["visible"], "the selected box is scrolled into view"
    assert "sel" in _field(driver, "documents::doc_number").get_attribute("class")
    # the other boxes stay drawn, dimmed
    assert len(driver.find_elements("css selector", ".box:not(.sel)")) >= 3


def test_corrections_reach_the_parquet_tables(review: tuple[Path, Path, Any, Any]) -> None:
    src, out, server, driver = review
    scan, notice = _doc(out, "scan.pdf"), _doc(out, "notice.txt")

    driver.get(server.url + f"doc/{scan}")
    wait_for(driver, "document.body.dataset.ready")
    _set_value(driver, "documents::title", "洞口县2023年政务公开主题日活动实施方案（校对）")
    assert "verified" in _field(driver, "documents::title").text
    before = _saves(driver)
    driver.find_element("css selector", '.children[data-table="deadlines"] button.add').click()
    form = driver.find_element("css selector", '.row.adding[data-table="deadlines"]')
    form.find_element("name", "date").send_keys("2023-04-20")
    form.find_element("name", "task").send_keys("报送活动方案")
    form.find_element("css selector", "button.save-row").click()
    wait_for(driver, f"Number(document.body.dataset.saved || 0) > {before}")
    assert driver.find_elements("css selector", '.row[data-table="deadlines"][data-seq="1"]')
    assert not driver.find_element("id", "notice").get_attribute("hidden")  # "not yet in the tables"

    driver.get(server.url + f"doc/{notice}")  # a text source: spans highlighted in the text
    wait_for(driver, "document.body.dataset.ready")
    _field(driver, "deadlines:1:date").find_element("css selector", "label").click()
    assert driver.find_element("css selector", "mark.ev.sel").text == "5月13日"
    _set_value(driver, "deadlines:1:date", "2018-05-14")
    remove = driver.find_element("css selector", '.row[data-table="deadlines"][data-seq="2"] button.remove')
    before = _saves(driver)
    remove.click()
    remove.click()  # the second click confirms
    wait_for(driver, f"Number(document.body.dataset.saved || 0) > {before}")
    assert not driver.find_elements("css selector", '.row[data-table="deadlines"][data-seq="2"]')

    run(src, out, executor=ExecutorOptions(kind="serial"), force=True)

    assert _sql(out, "select title, verified_fields from documents where doc_id = ?", [scan]) == \
        [("洞口县2023年政务公开主题日活动实施方案（校对）", ["title"])]
    assert _sql(out, "select seq, date, task, verified from deadlines where doc_id = ?", [scan]) == \
        [(1, dt.date(2023, 4, 20), "报送活动方案", True)]
    assert _sql(out, "select seq, date, verified from deadlines where doc_id = ? order by seq", [notice]) == \
        [(1, dt.date(2018, 5, 14), True)]
    ev = _sql(out, "select value, method from evidence where doc_id = ? and field = 'title'", [scan])
    assert ev[0][0] == "洞口县2023年政务公开主题日活动实施方案（校对）" and ev[0][1].startswith("review:")
    rows = _sql(out, 'select doc_id, "table", field, row_key, new, who from corrections order by "at"')
    assert [(r[1], r[2], r[3]) for r in rows] == [("documents", "title", None), ("deadlines", "*", "1"),
                                                  ("deadlines", "date", "1"), ("deadlines", "*", "2")]
    assert {r[5] for r in rows} == {"reviewer"} and rows[3][4] is None

    driver.get(server.url + f"doc/{scan}")  # the tables now hold everything: nothing pending
    wait_for(driver, "document.body.dataset.ready")
    assert driver.find_element("id", "notice").get_attribute("hidden")
    assert "pending" not in driver.find_element("css selector", ".history").text
