"""Risk scoring on a 10,000-item / 2,000-partner / 1,000,000-flow synthetic ledger.

Targets (issue 3): inherent + residual + what-if + structured factors in < 2 s, peak RSS < 1.5 GB, and at
least 50× faster than the row-by-row reference (tests/risk_oracle.py) measured on the same sample in
this run. Text reasons are rendered lazily (top N) or in bulk (exports); both are timed.
Run: python bench/bench_risk.py
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

from harness import ensure_synthetic, header, isolated, timed

ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2026, 12, 31)
SAMPLE = 100_000


def _loaded(path: str):
    from privacy_inventory import load_inventory
    from privacy_inventory.assess.model import load_model

    return load_inventory(path), load_model()


def load_and_score(path: str) -> dict:
    from privacy_inventory.assess.risk import score

    inv, model = _loaded(path)
    start = time.perf_counter()
    result = score(inv, model, AS_OF)
    return {"score_s": time.perf_counter() - start, "critical": result.level_counts()["critical"]}


def explain_all(path: str) -> dict:
    from privacy_inventory.assess.explain import explain
    from privacy_inventory.assess.risk import score

    inv, model = _loaded(path)
    result = score(inv, model, AS_OF)
    start = time.perf_counter()
    top = explain(result, inv, "flows", result.ranked("flows", 20))
    lazy = time.perf_counter() - start
    start = time.perf_counter()
    every = explain(result, inv, "flows", factors=False)
    return {"lazy_s": lazy, "bulk_s": time.perf_counter() - start, "distinct": every["reason_ja"].nunique(),
            "top": top["reason_ja"].iloc[0]}  # fmt: skip


def main() -> None:
    header("risk scoring")
    path = str(ensure_synthetic(10_000, 2_000, 1_000_000))
    m = isolated("load + score 1M flows", load_and_score, path)
    print(f"{'score: inherent+residual+what-if+factors':<44} {m.result['score_s']:8.2f} s   (target < 2 s)")
    print(f"{'peak RSS, load + score (one process)':<44} {m.peak_rss_mb:8.0f} MB  (target < 1536 MB)")
    e = isolated("explain", explain_all, path)
    print(f"{'reasons + factors for the top 20 (lazy)':<44} {e.result['lazy_s']:8.2f} s")
    print(
        f"{'reasons ja+en for all 1M flows (bulk)':<44} {e.result['bulk_s']:8.2f} s   ({e.result['distinct']} distinct)"
    )
    print(f"{'peak RSS with bulk reasons':<44} {e.peak_rss_mb:8.0f} MB")

    from privacy_inventory.assess.risk import score

    sys.path.insert(0, str(ROOT))  # the row-by-row oracle lives with the tests
    from tests import risk_oracle

    inv, model = _loaded(path)
    inv.flows = inv.flows.head(SAMPLE)
    fast, _ = timed(score, inv, model, AS_OF, repeat=3)
    slow, _ = timed(risk_oracle.score_flows, inv, model.raw, AS_OF)
    print(f"{f'same {SAMPLE:,} flows: vectorised engine':<44} {fast:8.3f} s")
    print(f"{'same flows: row-by-row reference (oracle)':<44} {slow:8.3f} s")
    print(f"{'speed-up, measured in this run':<44} {slow / fast:8.1f} ×   (target ≥ 50×)")


if __name__ == "__main__":
    main()
