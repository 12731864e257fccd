"""The ledger's two outside shapes for the 1,000,000-flow synthetic ledger (10,000 items, 2,000 partners):
the 個人情報管理台帳 workbook (export-daicho) and the Fides data map (export-fides, and back).

Target (issue 17): each export under a minute, from the ledger on disk to the files written.
Run: python bench/bench_exports.py
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from harness import OUT_DIR, ensure_synthetic, header, isolated


def daicho(path: str, book: str) -> dict:
    from privacy_inventory import assess
    from privacy_inventory.report.daicho import write_daicho

    start = time.perf_counter()
    a = assess(path, as_of="2026-12-31")
    assessed = time.perf_counter() - start
    result = write_daicho(a, Path(book))
    return {"assess_s": assessed, "write_s": time.perf_counter() - start - assessed, "rows": result.rows,
            "size_mb": Path(book).stat().st_size / 1e6}  # fmt: skip


def fides(path: str, out: str) -> dict:
    from privacy_inventory import load_inventory
    from privacy_inventory.ledger.fides import export_fides

    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    inv = load_inventory(path)
    loaded = time.perf_counter() - start
    result = export_fides(inv, Path(out))
    size = sum(p.stat().st_size for p in Path(out).iterdir()) / 1e6
    return {"load_s": loaded, "write_s": time.perf_counter() - start - loaded, "systems": result.systems,
            "declarations": result.declarations, "size_mb": size}  # fmt: skip


def fides_back(out: str) -> dict:
    from privacy_inventory.ledger.fides import import_tables

    tables, _ = import_tables(Path(out))
    return {"flows": len(tables["flows"])}


def main() -> None:
    header("Exports of the 1M-flow ledger: 個人情報管理台帳 and Fides data map")
    path = str(ensure_synthetic(10_000, 2_000, 1_000_000))
    m = isolated("export-daicho", daicho, path, str(OUT_DIR / "daicho_1m.xlsx"))
    r = m.result
    print(f"{'  assess (load, validate, score, rules)':<44} {r['assess_s']:8.2f} s")
    print(f"{'  write the workbook':<44} {r['write_s']:8.2f} s   ({r['rows']:,} rows, {r['size_mb']:.1f} MB)")
    print(m.line("(target < 60 s)"))
    m = isolated("export-fides", fides, path, str(OUT_DIR / "fides_1m"))
    r = m.result
    print(f"{'  load + validate the ledger':<44} {r['load_s']:8.2f} s")
    print(f"{'  build and write the data map':<44} {r['write_s']:8.2f} s   ({r['systems']:,} systems, "
          f"{r['declarations']:,} declarations, {r['size_mb']:.0f} MB)")  # fmt: skip
    print(m.line("(target < 60 s)"))
    m = isolated("import-fides (read back, no validation)", fides_back, str(OUT_DIR / "fides_1m"))
    print(m.line(f"({m.result['flows']:,} flows)"))


if __name__ == "__main__":
    main()
