"""Diff of two 1,000,000-flow period snapshots with 1% of the flows changed.

Target (issue 6): < 30 s, peak RSS < 4 GB. Both snapshots are written by the project's own code (the
same snapshot a review writes), from the synthetic ledger and a copy with 10,000 flows altered.
Run: python bench/bench_diff.py
"""

from __future__ import annotations

import datetime as dt
import shutil
import time
from pathlib import Path

from harness import OUT_DIR, ensure_synthetic, header, isolated

AS_OF = dt.date(2026, 12, 31)


def make_snapshots(path: str, out: str) -> int:
    import numpy as np

    from privacy_inventory import load_inventory
    from privacy_inventory.assess.model import load_model
    from privacy_inventory.report.context import compute
    from privacy_inventory.report.period import parse_period
    from privacy_inventory.report.review import write_data_only

    shutil.rmtree(out, ignore_errors=True)
    inv = load_inventory(path)
    model = load_model()
    write_data_only(compute(inv, parse_period("2026Q3"), "ja", model), Path(out), "bench")
    rng = np.random.default_rng(1)
    picked = rng.choice(len(inv.flows), size=len(inv.flows) // 100, replace=False)
    channels = np.array(["paper", "email", "sftp", "system"])
    inv.flows.loc[picked, "channel"] = channels[rng.integers(0, 4, len(picked))]
    write_data_only(compute(inv, parse_period("2026Q4"), "ja", model), Path(out), "bench")
    return len(picked)


def run_diff(out: str) -> dict:
    from privacy_inventory.report.history import diff

    start = time.perf_counter()
    d = diff("2026Q3", "2026Q4", Path(out))
    return {"seconds": time.perf_counter() - start, "counts": d.counts(), "changes": len(d.changes)}


def main() -> None:
    header("diff of two periods")
    path = str(ensure_synthetic(10_000, 2_000, 1_000_000))
    out = str(OUT_DIR / "diff_periods")
    made = isolated("write two snapshots", make_snapshots, path, out)
    print(
        f"{'write two 1M-flow period snapshots':<44} {made.seconds:8.2f} s   ({made.result:,} flows altered)"
    )
    m = isolated("diff", run_diff, out)
    r = m.result
    print(f"{'diff 2026Q3 → 2026Q4 (load both + compare)':<44} {r['seconds']:8.2f} s   (target < 30 s)")
    print(f"{'peak RSS':<44} {m.peak_rss_mb:8.0f} MB  (target < 4096 MB)")
    print(
        f"{'changed fields found':<44} {r['changes']:8,d}   risk up {r['counts']['risk_up']:,}, down {r['counts']['risk_down']:,}"
    )


if __name__ == "__main__":
    main()
