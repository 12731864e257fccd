"""Stored periods as history: a period's snapshot as one side of a diff, and every period's headline
figures for the trend."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from ..assess.diff import REASONS, LedgerDiff, Side, diff_sides, ledger_side
from ..errors import UsageError
from .period import PERIOD_PATTERN, Period, parse_period, stored_periods
from .snapshot import SNAPSHOT_DIR, read_snapshot

_SCORE = ["level", "score", "residual_level", "residual_score"]
# Reasons are read later, only for the rows whose risk moved: for a million flows they are most of the memory.
DIFF_COLUMNS = {"scores_flows": ["flow_id", *_SCORE], "scores_items": ["item_id", *_SCORE]}


def period_side(folder: Path, label: str) -> Side:
    """A stored period as one side of a diff (reasons are read later, for moved rows only)."""
    snap = read_snapshot(folder, DIFF_COLUMNS)
    r = snap.results
    snapshot = folder / SNAPSHOT_DIR

    def read_reasons(table: str, key: str, ids: pd.Series) -> pd.DataFrame:
        name = "scores_flows" if table == "flows" else "scores_items"
        t = pq.read_table(snapshot / f"{name}.parquet", columns=[key, *REASONS],
                          filters=[(key, "in", list(ids.unique()))])  # fmt: skip
        return t.to_pandas()

    return Side(label, snap.inventory, r["scores_flows"], r["scores_items"], r["findings"],
                read_reasons=read_reasons)  # fmt: skip


def load_side(spec: str | Path, out: Path = Path("reports"), as_of: dt.date | None = None) -> Side:
    """A period (its snapshot under out/) or a ledger directory (assessed as of `as_of`)."""
    text = str(spec)
    if PERIOD_PATTERN.fullmatch(text):
        folder = out / text
        if not folder.is_dir():
            raise UsageError(
                f"period {text}: no report in {out} (run `privacy-inventory review --period {text}` first)"
            )
        return period_side(folder, text)
    path = Path(text)
    if not path.is_dir():
        raise UsageError(f"{text}: neither a period (YYYYQn) nor a ledger directory")
    return ledger_side(path, as_of, text)


def diff(
    source: str | Path, target: str | Path, out: Path = Path("reports"), as_of: dt.date | None = None
) -> LedgerDiff:
    """Compare FROM and TO: each a period in `out` or a ledger directory."""
    when_b = as_of or (parse_period(str(target)).end if PERIOD_PATTERN.fullmatch(str(target)) else None)
    when_a = as_of or (parse_period(str(source)).end if PERIOD_PATTERN.fullmatch(str(source)) else when_b)
    return diff_sides(load_side(source, out, when_a), load_side(target, out, when_b))


def stored_summaries(reports_dir: Path | None, upto: Period) -> pd.DataFrame:
    """summary.json of every finished period up to `upto` (inclusive), oldest first."""
    rows = []
    if reports_dir is not None:
        for period in stored_periods(Path(reports_dir)):
            if period <= upto:
                folder = Path(reports_dir) / str(period)
                rows.append(json.loads((folder / "summary.json").read_text(encoding="utf-8")))
    return pd.DataFrame(rows)
