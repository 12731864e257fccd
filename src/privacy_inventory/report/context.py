"""What the quarterly review shows, computed once: a ledger assessed as of its period's last day.

The review command assesses the ledger, writes the results as the period's snapshot, and the notebooks
read that snapshot; an analyst opening a notebook in JupyterLab gets the same context computed on the
spot. Headline figures come from one function, so the notebooks, index.html and summary.json agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..assess.actions import ActionState, actions_status
from ..assess.diff import LedgerDiff, Side, diff_sides
from ..assess.explain import explain
from ..assess.incident_review import incidents_in_period, period_figures
from ..assess.model import RiskModel, load_model
from ..assess.pipeline import Assessment, assess
from ..assess.risk import RiskResult
from ..assess.rules import SEVERITIES
from ..ledger.inventory import Inventory
from .history import period_side, stored_summaries
from .period import Period, parse_period
from .period import previous_period as find_previous
from .snapshot import SNAPSHOT_DIR, read_snapshot

TOP_N = 15  # rows a report page shows; the CSVs hold every row
# The CSVs are for people (Excel): every row up to these many, else the worst / most severe ones. Every
# row of every table is in the period's snapshot (Parquet) whatever the size.
CSV_FLOWS = 20_000
CSV_FINDINGS = 50_000


@dataclass
class ReviewContext:
    """An assessment seen as one period's review, in one language."""

    assessment: Assessment
    period: Period
    lang: str
    # Results several notebook cells ask for (headline, the comparison with the previous period) are
    # computed once per context: reading and diffing a million-flow snapshot is not done twice.
    cache: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def inv(self) -> Inventory:
        return self.assessment.inventory

    @property
    def model(self) -> RiskModel:
        return self.assessment.model

    @property
    def risk(self) -> RiskResult:
        return self.assessment.risk

    @property
    def findings(self) -> pd.DataFrame:
        return self.assessment.findings

    @property
    def ledger_dir(self) -> Path | None:
        return self.assessment.ledger_dir

    @property
    def as_of(self) -> dt.date:
        return self.period.end


def compute(
    ledger: Path | Inventory | None, period: Period, lang: str, model: RiskModel | None = None
) -> ReviewContext:
    """Assess a ledger (a directory, or an Inventory already loaded) as of the period's last day."""
    return ReviewContext(assess(ledger, model=model, as_of=period.end), period, lang)


def build_context(
    inventory_dir: str | Path | None = None,
    period: str = "2026Q4",
    lang: str = "ja",
    snapshot_dir: str | Path | None = None,
) -> ReviewContext:
    """The context of a review: from a period's snapshot when given, else computed from the ledger."""
    p = parse_period(period)
    if not snapshot_dir:
        return compute(Path(inventory_dir) if inventory_dir else None, p, lang)
    snap = read_snapshot(Path(snapshot_dir))
    folder = Path(snapshot_dir) / SNAPSHOT_DIR  # holds the model and the published policy of that run
    model = load_model(folder / "risk_model.yaml")
    r = snap.results
    risk = RiskResult(items=r["scores_items"], flows=r["scores_flows"], partners=r["scores_partners"],
                      model=model, as_of=p.end)  # fmt: skip
    return ReviewContext(Assessment(snap.inventory, model, risk, r["findings"], p.end, folder), p, lang)


def result_tables(ctx: ReviewContext) -> dict[str, pd.DataFrame]:
    """What a period stores: every scored flow with its factors (reasons are rendered from them when asked:
    for a million flows the text would be most of the report), items and partners with their reasons,
    every finding, and the flows for scores.csv — every flow up to CSV_FLOWS, else the worst CSV_FLOWS,
    with their reasons."""
    flows = ctx.risk.flows
    shown = flows if len(flows) <= CSV_FLOWS else ctx.risk.ranked("flows", CSV_FLOWS)
    return {
        "scores_flows": flows,
        "scores_flows_csv": explain(ctx.risk, ctx.inv, "flows", shown, factors=False),
        "scores_items": explain(ctx.risk, ctx.inv, "items", factors=False),
        "scores_partners": explain(ctx.risk, ctx.inv, "partners", factors=False),
        "findings": ctx.findings,
        "findings_csv": ctx.findings.head(CSV_FINDINGS),  # most severe first
    }


def headline(ctx: ReviewContext) -> dict[str, Any]:
    """The period's headline figures (one source for the notebooks, index.html and summary.json)."""
    if "headline" not in ctx.cache:
        ctx.cache["headline"] = _headline(ctx)
    return ctx.cache["headline"]


def period_incidents(ctx: ReviewContext) -> pd.DataFrame:
    """The incidents the review follows up: discovered in the period or still open at its start, judged
    as of the assessment date (see assess.incident_review)."""
    if "incidents" not in ctx.cache:
        ctx.cache["incidents"] = incidents_in_period(ctx.assessment, ctx.period.start, ctx.as_of)
    return ctx.cache["incidents"]


def incident_figures(ctx: ReviewContext) -> dict[str, int]:
    """Incidents discovered in the period, how many needed a report (APPI or My Number), report or
    notice steps overdue, and incidents still open at the assessment date."""
    f = period_figures(period_incidents(ctx))
    return {"discovered": f["incidents"], "reportable": f["reportable"], "overdue_steps": f["overdue"],
            "open": f["open_at_end"]}  # fmt: skip


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
        "findings": {s: int(sev.get(s, 0)) for s in reversed(SEVERITIES)},
        "actions": {s.value: int((acts["state"] == s).sum()) for s in ActionState},
        "incidents": incident_figures(ctx),
    }


def trend_table(ctx: ReviewContext, reports_dir: Path | None) -> pd.DataFrame:
    """One row per period (stored ones and this one): the figures the trend chart draws."""
    summaries = stored_summaries(reports_dir, ctx.period.previous())
    current = pd.DataFrame([headline(ctx)])
    df = pd.concat([summaries, current], ignore_index=True) if len(summaries) else current
    df = df.drop_duplicates("period", keep="last").sort_values("period").reset_index(drop=True)
    df["open_findings"] = df["findings"].map(lambda f: f.get("high", 0) + f.get("medium", 0))
    df["overdue_actions"] = df["actions"].map(lambda a: a.get(ActionState.overdue, 0))
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


def previous_headline(ctx: ReviewContext, reports_dir: Path | None) -> tuple[str, dict] | None:
    """(period, headline figures) of the stored period before this one, or None."""
    earlier = stored_summaries(reports_dir, ctx.period.previous())
    if earlier.empty:
        return None
    row = earlier.iloc[-1].to_dict()
    return str(row["period"]), row


def headline_delta(now: dict, before: dict | None, *path: str) -> int | None:
    """The change of one headline figure (`findings`, `high`) since `before`; None when either lacks it
    (no earlier period, or one stored before the figure existed)."""
    a, b = now, before
    for key in path:
        if not isinstance(b, dict) or key not in b:  # a stored summary is a table row: a dict, or NaN
            return None
        a, b = a[key], b[key]
    return None if b is None or pd.isna(b) else int(a) - int(b)


def previous_side(ctx: ReviewContext, previous_period: str | None, reports_dir: Path | None) -> Side | None:
    """The stored period before this one as a side of a diff, or None when none is stored."""
    if reports_dir is None or not Path(reports_dir).is_dir():
        return None
    if previous_period is None:
        found = find_previous(Path(reports_dir), ctx.period)
        previous_period = str(found) if found else None
    if previous_period is None or not (Path(reports_dir) / previous_period / SNAPSHOT_DIR).is_dir():
        return None
    return period_side(Path(reports_dir) / previous_period, previous_period)


def current_side(ctx: ReviewContext) -> Side:
    return Side(str(ctx.period), ctx.inv, ctx.risk.flows, ctx.risk.items, ctx.findings, risk=ctx.risk)


def since_previous(
    ctx: ReviewContext, previous_period: str | None, reports_dir: Path | None
) -> tuple[Side, LedgerDiff] | None:
    """(previous Side, LedgerDiff) against the previous stored period, or None; computed once per context."""
    key = ("since", previous_period, str(reports_dir))
    if key not in ctx.cache:
        prev = previous_side(ctx, previous_period, reports_dir)
        ctx.cache[key] = None if prev is None else (prev, diff_sides(prev, current_side(ctx)))
    return ctx.cache[key]
