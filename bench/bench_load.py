"""Generate, then load + validate a 10,000-item / 2,000-partner / 1,000,000-flow synthetic ledger.

Targets (issue 2): generate < 30 s; load + validate < 10 s with peak RSS < 2 GB.
Run: python bench/bench_load.py
"""

from __future__ import annotations

import shutil
from pathlib import Path

from harness import OUT_DIR, header, isolated

ITEMS, PARTNERS, FLOWS = 10_000, 2_000, 1_000_000


def generate(path: str) -> dict:
    from privacy_inventory.ledger.synth import SynthSpec, synthesize

    return synthesize(Path(path), SynthSpec(items=ITEMS, partners=PARTNERS, flows=FLOWS, seed=0))


def load(path: str) -> int:
    from privacy_inventory import load_inventory

    inv = load_inventory(path)
    return sum(inv.counts().values())


def main() -> None:
    header("load + validate")
    path = OUT_DIR / "bench_load_ledger"
    shutil.rmtree(path, ignore_errors=True)
    gen = isolated("generate 10k items / 2k partners / 1M flows", generate, str(path))
    print(gen.line("(target < 30 s)"))
    res = isolated("load + validate (all tables, typed)", load, str(path))
    rows = res.result
    print(res.line("(target < 10 s, < 2048 MB)"))
    print(f"{'rows':<44} {rows:8d}        {rows / res.seconds:,.0f} rows/s")


if __name__ == "__main__":
    main()
