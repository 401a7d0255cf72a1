"""Show, per document, where the pipeline's output differs from gold records.

    .venv/bin/python scripts/compare_gold.py GOLD_DIR [OUT_DIR]

The scorer (``../shared/tools/score.py``) gives field F1; this lists the
concrete mismatches behind it (scalar fields, and list items missing or
extra), one document copy at a time, so a developer sees what to fix.
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pandas as pd

SCALARS = ["kind", "event", "edition", "year", "title", "issuer", "doc_number", "issue_date", "signer",
           "urgency", "classification", "recipients", "theme", "period_start", "period_end"]


def norm(v: Any) -> str | None:
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return None
    if hasattr(v, "isoformat"):
        v = v.isoformat()[:10]
    s = unicodedata.normalize("NFKC", str(v))
    s = re.sub(r"\s+", "", s).rstrip("。.;；,，")
    for a, b in zip("“”‘’「」（）[]【】", "\"\"''\"\"()〔〕〔〕"):
        s = s.replace(a, b)
    s = s.replace("(", "〔").replace(")", "〕") if re.search(r"\d{4}\)", s) else s
    return s.split(".")[0] if re.fullmatch(r"\d+\.0", s) else (s or None)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("out_dir", type=Path, nargs="?", default=Path("data/parsed"))
    a = ap.parse_args()
    docs = pd.read_parquet(a.out_dir / "documents")
    child = {t: pd.read_parquet(a.out_dir / t) for t in ("activities", "deadlines", "contacts", "stats")}
    for gpath in sorted(a.gold_dir.glob("*.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        copies = docs[docs["source_path"].map(lambda p: Path(p).stem) == gpath.stem]
        if copies.empty:
            print(f"## {gpath.stem}: MISSING")
            continue
        for _, row in copies.iterrows():
            problems = []
            for f in SCALARS:
                g, p = norm(gold.get(f)), norm(row.get(f))
                if g != p:
                    problems.append(f"  {f}: gold={g!r} got={p!r}")
            did = row["doc_id"]

            def items(table: str, col: str, did: str = did) -> list[str]:
                df = child[table]
                return [x for x in (norm(v) for v in df[df["doc_id"] == did][col]) if x]

            pairs = {
                "deadlines": ([norm(d["date"]) for d in gold.get("deadlines", [])], items("deadlines", "date")),
                "activities": ([norm(x["title"]) for x in gold.get("activities", [])], items("activities", "title")),
                "stats": ([f"{float(s['value']):g}" for s in gold.get("stats", [])],
                          [f"{float(v):g}" for v in child["stats"][child["stats"]["doc_id"] == did]["value"]]),
                "attachments": ([norm(x) for x in gold.get("attachments", [])],
                                [norm(x) for x in (row.get("attachments") if row.get("attachments") is not None else [])]),
                "slogans": ([norm(x) for x in gold.get("slogans", [])],
                            [norm(x) for x in (row.get("slogans") if row.get("slogans") is not None else [])]),
            }
            for name, (g_items, p_items) in pairs.items():
                missing = [x for x in g_items if x not in p_items]
                extra = [x for x in p_items if x not in g_items]
                if missing or extra:
                    problems.append(f"  {name}: missing={missing[:6]} extra={extra[:6]}")
            status = "ok" if not problems else f"{len(problems)} differences"
            print(f"## {row['source_path']}: {status}")
            print("\n".join(problems))


if __name__ == "__main__":
    main()
