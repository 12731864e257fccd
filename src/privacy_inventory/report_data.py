"""What the quarterly review shows, computed once: the ledger, its scores and findings for a period.

The review command computes a ReviewContext, writes it as the period's snapshot, and the notebooks read
that snapshot; an analyst opening a notebook in JupyterLab gets the same context computed on the spot.
Headline figures come from one function, so the notebooks, index.html and summary.json agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .actions import actions_status
from .explain import explain
from .inventory import Inventory
from .load import load_inventory, resolve_ledger_dir
from .period import Period, parse_period
from .risk import RiskResult, score
from .risk_model import RiskModel, load_model, model_path
from .rules import run_rules

TOP_N = 15  # rows a report page shows; the CSVs hold every row


@dataclass
class ReviewContext:
    inv: Inventory
    model: RiskModel
    risk: RiskResult
    findings: pd.DataFrame
    period: Period
    lang: str
    ledger_dir: Path
    # Results several notebook cells ask for (headline, the comparison with the previous period) are
    # computed once per context: reading and diffing a million-flow snapshot is not done twice.
    cache: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def as_of(self) -> dt.date:
        return self.period.end


def compute(inv: Inventory, model: RiskModel, period: Period, lang: str, ledger_dir: Path) -> ReviewContext:
    interval = model.likelihood.get("inspection_overdue", {}).get("interval_months", 12)
    risk = score(inv, model, period.end)
    findings = run_rules(inv, period.end, inspection_interval_months=interval)
    return ReviewContext(inv, model, risk, findings, period, lang, ledger_dir)


def build_context(
    inventory_dir: str | Path | None = None,
    period: str = "2026Q4",
    lang: str = "ja",
    snapshot_dir: str | Path | None = None,
) -> ReviewContext:
    """The context of a review: from a period's snapshot when given, else computed from the ledger."""
    p = parse_period(period)
    if snapshot_dir:
        from .snapshot import read_snapshot

        snap = read_snapshot(Path(snapshot_dir))
        model = load_model(Path(snapshot_dir) / "snapshot" / "risk_model.yaml")
        r = snap.results
        risk = RiskResult(
            items=r["scores_items"],
            flows=r["scores_flows"],
            partners=r["scores_partners"],
            model=model,
            as_of=p.end,
        )
        # the snapshot holds a copy of the published policy, so ledger_dir points into it
        return ReviewContext(
            snap.inventory, model, risk, r["findings"], p, lang, Path(snapshot_dir) / "snapshot"
        )
    path = resolve_ledger_dir(inventory_dir)
    inv = load_inventory(path)
    return compute(inv, load_model(model_path(path)), p, lang, path)


def result_tables(ctx: ReviewContext) -> dict[str, pd.DataFrame]:
    """Every scored row with its reasons, and every finding: what scores.csv / findings.csv hold."""
    flows = explain(ctx.risk, ctx.inv, "flows", factors=False)
    items = explain(ctx.risk, ctx.inv, "items", factors=False)
    partners = explain(ctx.risk, ctx.inv, "partners", factors=False)
    return {
        "scores_flows": flows,
        "scores_items": items,
        "scores_partners": partners,
        "findings": ctx.findings,
    }


def headline(ctx: ReviewContext) -> dict[str, Any]:
    """The period's headline figures (one source for the notebooks, index.html and summary.json)."""
    if "headline" not in ctx.cache:
        ctx.cache["headline"] = _headline(ctx)
    return ctx.cache["headline"]


def _headline(ctx: ReviewContext) -> dict[str, Any]:
    inv, risk, f = ctx.inv, ctx.risk, ctx.findings
    sev = f["severity"].astype(str).value_counts()
    acts = actions_status(inv, ctx.as_of)
    top = risk.ranked("flows", 1)
    top_flow = None
    if len(top):
        row = explain(risk, inv, "flows", top, factors=False).iloc[0]
        top_flow = {
            "flow_id": row["flow_id"],
            "item": row["item_name"],
            "partner": row["partner_name"],
            "level": str(row["level"]),
            "score": int(row["score"]),
        }
    return {
        "period": str(ctx.period),
        "as_of": ctx.as_of.isoformat(),
        "organisation": inv.org("name"),
        "items": len(inv.items),
        "special_care_items": int(inv.items["special_care"].fillna(False).sum()),
        "my_number_items": int(inv.items["my_number"].fillna(False).sum()),
        "purposes": len(inv.purposes),
        "partners": len(inv.partners),
        "flows": len(inv.flows),
        "flow_levels": risk.level_counts(),
        "flow_levels_residual": risk.level_counts(residual=True),
        "high_risk_flows": len(risk.high()),
        "high_risk_flows_residual": len(risk.high(residual=True)),
        "top_flow": top_flow,
        "findings": {s: int(sev.get(s, 0)) for s in ("high", "medium", "low", "info")},
        "actions": {s: int((acts["state"] == s).sum()) for s in ("overdue", "open", "done", "cancelled")},
    }


def stored_summaries(reports_dir: Path | None, upto: Period) -> pd.DataFrame:
    """summary.json of every finished period up to `upto` (inclusive), oldest first."""
    import json

    from .period import PERIOD_PATTERN

    rows = []
    if reports_dir is not None and Path(reports_dir).is_dir():
        for folder in sorted(Path(reports_dir).iterdir()):
            if (
                PERIOD_PATTERN.fullmatch(folder.name)
                and (folder / "manifest.json").is_file()
                and parse_period(folder.name) <= upto
            ):
                rows.append(json.loads((folder / "summary.json").read_text(encoding="utf-8")))
    return pd.DataFrame(rows)


def trend_table(ctx: ReviewContext, reports_dir: Path | None) -> pd.DataFrame:
    """One row per period (stored ones and this one): the figures the trend chart draws."""
    summaries = stored_summaries(reports_dir, ctx.period.previous())
    current = pd.DataFrame([headline(ctx)])
    df = pd.concat([summaries, current], ignore_index=True) if len(summaries) else current
    df = df.drop_duplicates("period", keep="last").sort_values("period").reset_index(drop=True)
    df["open_findings"] = df["findings"].map(lambda f: f.get("high", 0) + f.get("medium", 0))
    df["overdue_actions"] = df["actions"].map(lambda a: a.get("overdue", 0))
    return df[
        [
            "period",
            "items",
            "partners",
            "flows",
            "high_risk_flows_residual",
            "open_findings",
            "overdue_actions",
        ]
    ]


def previous_side(ctx: ReviewContext, previous_period: str | None, reports_dir: Path | None):
    """(label, Side) of the period before this one, or None when none is stored."""
    from .diff import period_side

    if reports_dir is None or not Path(reports_dir).is_dir():
        return None
    if previous_period is None:
        from .period import previous_period as find_previous

        found = find_previous(Path(reports_dir), ctx.period)
        previous_period = str(found) if found else None
    if previous_period is None or not (Path(reports_dir) / previous_period / "snapshot").is_dir():
        return None
    return period_side(Path(reports_dir) / previous_period, previous_period)


def current_side(ctx: ReviewContext):
    from .diff import Side

    return Side(str(ctx.period), ctx.inv, ctx.risk.flows, ctx.risk.items, ctx.findings, risk=ctx.risk)


def since_previous(ctx: ReviewContext, previous_period: str | None, reports_dir: Path | None):
    """(previous Side, LedgerDiff) against the previous stored period, or None; computed once per context."""
    key = ("since", previous_period, str(reports_dir))
    if key not in ctx.cache:
        from .diff import diff_sides

        prev = previous_side(ctx, previous_period, reports_dir)
        ctx.cache[key] = None if prev is None else (prev, diff_sides(prev, current_side(ctx)))
    return ctx.cache[key]
