"""What changed between two periods (or two ledgers): rows added, removed and changed field by field,
risk levels that moved and why, findings opened and resolved. Vectorised: one outer merge per table."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import UsageError
from .inventory import Inventory
from .period import PERIOD_PATTERN, parse_period
from .schema import TABLES_BY_NAME

COMPARED_TABLES = ("items", "purposes", "partners", "flows", "controls", "departments", "actions")
CHANGE_COLUMNS = ["table", "key", "change", "column", "old", "new"]
FINDING_KEY = ["rule_id", "subject_table", "subject_id"]
_SCORE = ["level", "score", "residual_level", "residual_score"]
# Reasons are read later, only for the rows whose risk moved: for a million flows they are most of the memory.
DIFF_COLUMNS = {"scores_flows": ["flow_id", *_SCORE], "scores_items": ["item_id", *_SCORE]}


@dataclass
class Side:
    label: str
    inv: Inventory
    flows: pd.DataFrame  # scored flows (flow_id, level, score, residual_level, residual_score, …)
    items: pd.DataFrame
    findings: pd.DataFrame
    snapshot: Path | None = None  # where the stored reasons are, for a period
    risk: object = None  # the RiskResult, for a ledger directory (reasons are rendered on demand)

    def reasons(self, table: str, key: str, ids: pd.Series) -> pd.DataFrame:
        """reason_ja / reason_en of the given rows only."""
        if "reason_ja" in getattr(self, table):
            src = getattr(self, table)
            return src.loc[src[key].isin(ids), [key, "reason_ja", "reason_en"]]
        if self.snapshot is not None:
            import pyarrow.parquet as pq

            name = "scores_flows" if table == "flows" else "scores_items"
            t = pq.read_table(self.snapshot / f"{name}.parquet", columns=[key, "reason_ja", "reason_en"],
                              filters=[(key, "in", list(ids.unique()))])  # fmt: skip
            return t.to_pandas()
        if self.risk is not None:
            from .explain import explain

            rows = getattr(self.risk, table)
            return explain(self.risk, self.inv, table, rows[rows[key].isin(ids)], factors=False)[
                [key, "reason_ja", "reason_en"]
            ]
        return pd.DataFrame(columns=[key, "reason_ja", "reason_en"])


def period_side(folder: Path, label: str) -> Side:
    """A stored period as one side of a diff (reasons are read later, for moved rows only)."""
    from .snapshot import read_snapshot

    snap = read_snapshot(folder, DIFF_COLUMNS)
    r = snap.results
    return Side(
        label,
        snap.inventory,
        r["scores_flows"],
        r["scores_items"],
        r["findings"],
        snapshot=folder / "snapshot",
    )


def load_side(spec: str | Path, out: Path = Path("reports"), as_of: dt.date | None = None) -> Side:
    """A period (its snapshot under out/) or a ledger directory (scored as of `as_of`)."""
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
    from .load import load_inventory
    from .risk import score
    from .risk_model import load_model, model_path
    from .rules import run_rules

    inv = load_inventory(path)
    model = load_model(model_path(path))
    when = as_of or dt.date.today()
    risk = score(inv, model, when)
    interval = model.likelihood.get("inspection_overdue", {}).get("interval_months", 12)
    return Side(
        text,
        inv,
        risk.flows,
        risk.items,
        run_rules(inv, when, inspection_interval_months=interval),
        risk=risk,
    )


TEXT = "string[pyarrow]"  # Arrow-backed: a million rows of text without a Python object per cell


def _as_text(s: pd.Series) -> pd.Series:
    """Comparable text: dates as YYYY-MM-DD, booleans lower-case, missing as NA."""
    if pd.api.types.is_datetime64_any_dtype(s):
        return s.dt.strftime("%Y-%m-%d").astype(TEXT)
    if pd.api.types.is_bool_dtype(s) or str(s.dtype) == "boolean":
        return s.astype(TEXT).str.lower()
    return s.astype(TEXT)


def table_changes(a: pd.DataFrame, b: pd.DataFrame, table: str) -> pd.DataFrame:
    """Rows added, removed, and changed (one row per changed field, with old → new)."""
    spec = TABLES_BY_NAME[table]
    key = spec.key[0]
    cols = [c for c in spec.column_names if c != key and c in a.columns and c in b.columns]
    left = a[[key, *cols]].assign(**{c: _as_text(a[c]) for c in cols})
    right = b[[key, *cols]].assign(**{c: _as_text(b[c]) for c in cols})
    merged = left.merge(right, on=key, how="outer", suffixes=("_old", "_new"), indicator=True)
    frames = []
    for side, change in (("right_only", "added"), ("left_only", "removed")):
        rows = merged.loc[merged["_merge"] == side, key]
        if len(rows):
            frames.append(
                pd.DataFrame(
                    {
                        "table": table,
                        "key": rows.to_numpy(),
                        "change": change,
                        "column": None,
                        "old": None,
                        "new": None,
                    }
                )
            )
    both = merged[merged["_merge"] == "both"]
    for c in cols:
        old, new = both[c + "_old"], both[c + "_new"]
        differ = (old.fillna("\0") != new.fillna("\0")).to_numpy()
        if differ.any():
            frames.append(pd.DataFrame({"table": table, "key": both[key].to_numpy()[differ], "change": "changed", "column": c,
                                        "old": old.to_numpy()[differ], "new": new.to_numpy()[differ]}))  # fmt: skip
    if not frames:
        return pd.DataFrame(columns=CHANGE_COLUMNS)
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values(["key", "change", "column"], kind="stable", na_position="first").reset_index(
        drop=True
    )


def risk_moves(a: pd.DataFrame, b: pd.DataFrame, key: str = "flow_id") -> pd.DataFrame:
    """Rows present in both whose inherent or residual level moved, with the direction and the reasons."""
    keep = [key, "level", "score", "residual_level", "residual_score"]
    m = a[keep].merge(b[keep], on=key, suffixes=("_old", "_new"))
    order = {lvl: i for i, lvl in enumerate(("low", "medium", "high", "critical"))}
    rows = []
    for prefix in ("", "residual_"):
        old = m[prefix + "level_old"].astype(str).map(order)
        new = m[prefix + "level_new"].astype(str).map(order)
        moved = m[old != new]
        if moved.empty:
            continue
        d = pd.DataFrame({key: moved[key].to_numpy(), "measure": "residual" if prefix else "inherent",
                          "direction": np.where(new[old != new] > old[old != new], "up", "down"),
                          "old_level": moved[prefix + "level_old"].astype(str).to_numpy(),
                          "new_level": moved[prefix + "level_new"].astype(str).to_numpy(),
                          "old_score": moved[prefix + "score_old"].to_numpy(), "new_score": moved[prefix + "score_new"].to_numpy()})  # fmt: skip
        rows.append(d)
    return (
        pd.concat(rows, ignore_index=True)
        if rows
        else pd.DataFrame(columns=[key, "measure", "direction", "old_level", "new_level"])
    )


def finding_changes(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    """Findings opened (in TO, not in FROM) and resolved (in FROM, not in TO), by rule and subject."""
    cols = [*FINDING_KEY, "severity", "article", "message_ja", "message_en"]
    left = a[cols].astype({"severity": str})
    right = b[cols].astype({"severity": str})
    m = left.merge(right, on=FINDING_KEY, how="outer", suffixes=("_from", "_to"), indicator=True)
    out = m[m["_merge"] != "both"].copy()
    out["change"] = np.where(out["_merge"] == "right_only", "opened", "resolved")
    for c in ("severity", "article", "message_ja", "message_en"):
        out[c] = out[c + "_to"].fillna(out[c + "_from"])
    return out[["change", *FINDING_KEY, "severity", "article", "message_ja", "message_en"]].reset_index(
        drop=True
    )


@dataclass
class LedgerDiff:
    source: str
    target: str
    changes: pd.DataFrame
    flow_moves: pd.DataFrame
    item_moves: pd.DataFrame
    findings: pd.DataFrame

    @property
    def empty(self) -> bool:
        return self.changes.empty and self.flow_moves.empty and self.item_moves.empty and self.findings.empty

    def counts(self) -> dict:
        c = self.changes
        per = c.drop_duplicates(["table", "key", "change"]).groupby(["table", "change"]).size()
        return {
            "changes": {f"{t}.{ch}": int(n) for (t, ch), n in per.items()},
            "risk_up": int((self.flow_moves["direction"] == "up").sum()) if len(self.flow_moves) else 0,
            "risk_down": int((self.flow_moves["direction"] == "down").sum()) if len(self.flow_moves) else 0,
            "findings_opened": int((self.findings["change"] == "opened").sum()),
            "findings_resolved": int((self.findings["change"] == "resolved").sum()),
        }


def _with_reasons(moves: pd.DataFrame, a: Side, b: Side, table: str, key: str) -> pd.DataFrame:
    """The old and the new reason beside each moved row (why the level moved)."""
    if moves.empty:
        return moves
    ids = moves[key]
    old = a.reasons(table, key, ids).rename(
        columns={"reason_ja": "old_reason_ja", "reason_en": "old_reason_en"}
    )
    new = b.reasons(table, key, ids).rename(
        columns={"reason_ja": "new_reason_ja", "reason_en": "new_reason_en"}
    )
    return moves.merge(old.drop_duplicates(key), on=key, how="left").merge(
        new.drop_duplicates(key), on=key, how="left"
    )


def diff_sides(a: Side, b: Side) -> LedgerDiff:
    changes = [table_changes(a.inv.table(t), b.inv.table(t), t) for t in COMPARED_TABLES]
    changes = [c for c in changes if not c.empty]
    return LedgerDiff(
        a.label,
        b.label,
        pd.concat(changes, ignore_index=True) if changes else pd.DataFrame(columns=CHANGE_COLUMNS),
        _with_reasons(risk_moves(a.flows, b.flows, "flow_id"), a, b, "flows", "flow_id"),
        _with_reasons(risk_moves(a.items, b.items, "item_id"), a, b, "items", "item_id"),
        finding_changes(a.findings, b.findings),
    )


def diff(
    source: str | Path, target: str | Path, out: Path = Path("reports"), as_of: dt.date | None = None
) -> LedgerDiff:
    """Compare FROM and TO: each a period in `out` or a ledger directory."""
    when_b = as_of or (parse_period(str(target)).end if PERIOD_PATTERN.fullmatch(str(target)) else None)
    when_a = as_of or (parse_period(str(source)).end if PERIOD_PATTERN.fullmatch(str(source)) else when_b)
    return diff_sides(load_side(source, out, when_a), load_side(target, out, when_b))
