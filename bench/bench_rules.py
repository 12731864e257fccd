"""All compliance rules on the 1,000,000-flow synthetic ledger.

Target (issue 4): every rule in < 5 s, peak RSS < 2 GB (load included in the RSS, not in the time).
Run: python bench/bench_rules.py
"""

from __future__ import annotations

import datetime as dt
import time

from harness import ensure_synthetic, header, isolated


def load_and_check(path: str) -> dict:
    from privacy_inventory import load_inventory
    from privacy_inventory.assess.rules import run_rules

    inv = load_inventory(path)
    start = time.perf_counter()
    found = run_rules(inv, dt.date(2026, 12, 31))
    return {
        "seconds": time.perf_counter() - start,
        "findings": len(found),
        "rules": found["rule_id"].nunique(),
    }


def main() -> None:
    header("compliance rules")
    path = str(ensure_synthetic(10_000, 2_000, 1_000_000))
    m = isolated("load + all rules", load_and_check, path)
    r = m.result
    print(
        f"{'all rules on 1M flows':<44} {r['seconds']:8.2f} s   (target < 5 s)  {r['findings']:,} findings from {r['rules']} rules"
    )
    print(f"{'peak RSS, load + rules (one process)':<44} {m.peak_rss_mb:8.0f} MB  (target < 2048 MB)")


if __name__ == "__main__":
    main()
