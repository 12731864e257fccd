"""The one assessment pipeline: a ledger and its risk model, scored and checked as of one date.

Every caller — the command line, the quarterly review, `diff`, the notebooks — gets its scores and
findings from `assess()`; nothing else calls the scoring and the rules in sequence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import UsageError
from ..i18n import t
from ..ledger import load as ledger_load
from ..ledger.inventory import Inventory
from ..ledger.load import RawLedger, resolve_ledger_dir
from .model import RiskModel, load_model, model_path, model_problems
from .risk import RiskResult, score
from .rules import REGISTRY, run_rules


def rule_ids() -> Collection[str]:
    """The compliance rules an action may refer to (`finding:RULE`)."""
    return REGISTRY.keys()


def read_ledger(path: str | Path | None = None) -> RawLedger:
    """Every file of a ledger read and checked, problems collected (never raises for bad data)."""
    return ledger_load.read_raw(path, rule_ids())


def validate_ledger(path: str | Path | None = None) -> RawLedger:
    """read_ledger, and the risk model the ledger is scored with checked too: its problems join the
    ledger's (file risk_model.yaml, the line and key, the value, what was expected)."""
    raw = read_ledger(path)
    raw.add(*model_problems(raw.path))
    return raw


def load_inventory(path: str | Path | None = None) -> Inventory:
    """A valid ledger (default: the bundled co-op ledger). Raises LedgerInvalid with every problem, or
    UsageError when the path itself is wrong."""
    return ledger_load.load_inventory(path, rule_ids())


@dataclass
class Assessment:
    """A ledger scored and checked as of one date.

    - `inventory`: the ledger's tables (items, purposes, uses, partners, flows, departments, controls, actions)
    - `risk`: scores of every flow, item and partner, inherent / residual / what-if (see RiskResult)
    - `findings`: one row per compliance finding: rule_id, article, severity, subject, message, fix
    """

    inventory: Inventory
    model: RiskModel
    risk: RiskResult
    findings: pd.DataFrame
    as_of: dt.date
    ledger_dir: Path | None = None

    @property
    def inv(self) -> Inventory:
        return self.inventory


def as_date(value: dt.date | str | None) -> dt.date:
    """A date from a date, an ISO text (YYYY-MM-DD) or None (today)."""
    if value is None:
        return dt.date.today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise UsageError(t("pipeline.as_of", value=value)) from None


def assess(
    ledger: str | Path | Inventory | None = None,
    *,
    model: str | Path | RiskModel | None = None,
    as_of: dt.date | str | None = None,
) -> Assessment:
    """Load (or take) a ledger, score every flow, item and partner, and run every compliance rule.

    - `ledger`: a ledger directory or workbook, an Inventory already loaded, or None for the bundled
      co-op ledger.
    - `model`: a risk_model.yaml path or a RiskModel; default: the ledger's own, else the bundled one.
    - `as_of`: the date inspection and training ages, due dates and overdue actions are counted to.
      Default: today. The quarterly review uses the last day of its quarter, so pass
      `as_of="2026-12-31"` to reproduce the 2026Q4 report.
    """
    when = as_date(as_of)
    if isinstance(ledger, Inventory):
        inv = ledger
        folder = inv.path if Path(inv.path).exists() else None
    else:
        folder = resolve_ledger_dir(ledger)
        inv = load_inventory(folder)
    if not isinstance(model, RiskModel):
        model = load_model(model if model is not None else model_path(folder))
    risk = score(inv, model, when)
    findings = run_rules(inv, when, inspection_interval_months=model.inspection_interval_months)
    return Assessment(inv, model, risk, findings, when, folder)
