"""Export and import of a 100,000-flow synthetic ledger as an Excel workbook.

Target (issue 7): export + import in < 60 s, peak RSS < 2 GB.
Run: python bench/bench_excel.py
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from harness import OUT_DIR, ensure_synthetic, header, isolated


def round_trip(path: str, book: str, back: str) -> dict:
    from privacy_inventory.ledger.excel import export_workbook, write_csv_ledger
    from privacy_inventory.ledger.load import read_raw

    shutil.rmtree(back, ignore_errors=True)
    Path(back).mkdir(parents=True)
    raw = read_raw(path)
    start = time.perf_counter()
    export_workbook(raw.tables, raw.organisation, Path(book))
    exported = time.perf_counter() - start
    start = time.perf_counter()
    imported = read_raw(book)
    errors = int((imported.all_problems()["severity"] == "error").sum())
    write_csv_ledger(imported.tables, imported.organisation, Path(back))
    return {"export_s": exported, "import_s": time.perf_counter() - start, "errors": errors,
            "size_mb": Path(book).stat().st_size / 1e6}  # fmt: skip


def main() -> None:
    header("Excel round trip")
    path = str(ensure_synthetic(2_000, 400, 100_000))
    m = isolated(
        "export + import",
        round_trip,
        path,
        str(OUT_DIR / "ledger_100k.xlsx"),
        str(OUT_DIR / "ledger_100k_back"),
    )
    r = m.result
    print(f"{'export 100k flows to .xlsx':<44} {r['export_s']:8.2f} s   ({r['size_mb']:.1f} MB)")
    print(f"{'import + validate + write CSV':<44} {r['import_s']:8.2f} s   ({r['errors']} errors)")
    print(f"{'export + import':<44} {r['export_s'] + r['import_s']:8.2f} s   (target < 60 s)")
    print(f"{'peak RSS':<44} {m.peak_rss_mb:8.0f} MB  (target < 2048 MB)")


if __name__ == "__main__":
    main()
