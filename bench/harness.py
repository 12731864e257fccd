"""Benchmark helpers: run a step in a fresh process and report its wall time and peak RSS.

Benchmarks print measurements and ratios; they never assert (speed is measured, not tested).
"""

from __future__ import annotations

import multiprocessing as mp
import resource
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
OUT_DIR = BENCH_DIR / "out"


@dataclass
class Measurement:
    label: str
    seconds: float
    peak_rss_mb: float
    result: Any = None

    def line(self, target: str = "") -> str:
        return f"{self.label:<44} {self.seconds:8.2f} s   peak RSS {self.peak_rss_mb:8.0f} MB   {target}"


def _child(conn, func, args):
    start = time.perf_counter()
    result = func(*args)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    conn.send((seconds, peak_kb / 1024, result))
    conn.close()


def isolated(label: str, func: Callable, *args: Any) -> Measurement:
    """Run func(*args) in a new interpreter (peak RSS is that process's alone, imports included)."""
    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, func, args))
    proc.start()
    seconds, peak, result = parent.recv()
    proc.join()
    return Measurement(label, seconds, peak, result)


def timed(func: Callable, *args: Any, repeat: int = 1) -> tuple[float, Any]:
    """Best wall time of `repeat` runs in this process, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func(*args)
        best = min(best, time.perf_counter() - start)
    return best, result


def header(title: str) -> None:
    print(f"\n== {title} ==  (python {sys.version.split()[0]})")


def ensure_synthetic(items: int, partners: int, flows: int, seed: int = 0) -> Path:
    """A synthetic ledger made by the project's own generator, cached under bench/out/."""
    import hashlib

    from privacy_inventory.ledger.schema import TABLES
    from privacy_inventory.ledger.synth import SynthSpec, synthesize

    # the schema's columns are part of the name: a ledger cached under an older schema is never reused
    layout = "|".join(f"{t.name}:{','.join(t.column_names)}" for t in TABLES)
    version = hashlib.sha256(layout.encode()).hexdigest()[:8]
    path = OUT_DIR / f"synth_{items}_{partners}_{flows}_{seed}_{version}"
    if not (path / "flows.csv").exists():
        synthesize(path, SynthSpec(items=items, partners=partners, flows=flows, seed=seed))
    return path
