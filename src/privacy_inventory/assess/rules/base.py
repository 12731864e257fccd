"""The rule registry. A rule is one decorated function returning finding rows; adding a rule is adding
one function in one module of this package."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from ...frames import months_between, positions
from ...i18n import Vocabulary
from ...ledger.inventory import Inventory
from ...ledger.schema import Direction


class Severity(Vocabulary):
    """How serious a finding is, lowest first."""

    info = "info", "情報", "info"
    low = "low", "低", "low"
    medium = "medium", "中", "medium"
    high = "high", "高", "high"


SEVERITIES = tuple(Severity.codes())
FINDING_COLUMNS = [
    "rule_id", "article", "article_en", "severity", "subject_table", "subject_id",
    "message_ja", "message_en", "fix", "fix_en", "subject_source",
]  # fmt: skip


@dataclass
class RuleContext:
    inv: Inventory
    as_of: dt.date
    inspection_interval_months: int = 12  # from risk_model.yaml (inspection_overdue.interval_months)
    training_interval_months: int = 12  # policy point 8 / APPI Art.24: yearly training (assumption)
    ledger_review_interval_months: int = 12  # JIS Q 15001: the ledger confirmed "少なくとも年一回"
    _flows: pd.DataFrame | None = field(default=None, repr=False)

    @property
    def flows(self) -> pd.DataFrame:
        """flows.csv with the item's and the partner's attributes beside each flow (computed once)."""
        if self._flows is None:
            inv = self.inv
            f = inv.flows.copy()
            ip = positions(inv.items["item_id"], f["item_id"])
            pp = positions(inv.partners["partner_id"], f["partner_id"])
            for col in ("name_ja", "special_care", "my_number", "property_damage", "category", "records"):
                f["item_" + col] = inv.items[col].to_numpy()[ip]
            for col in ("name", "kind", "country", "joint_use_group", "transfer_basis"):
                f["partner_" + col] = inv.partners[col].to_numpy()[pp]
            self._flows = f
        return self._flows

    @property
    def receiving_partners(self) -> pd.Series:
        """Ids of partners that receive personal data (have an outbound flow)."""
        f = self.inv.flows
        return pd.Series(f.loc[f["direction"].eq(Direction.out), "partner_id"].unique(), dtype="str")

    def months_since(self, dates: pd.Series) -> pd.Series:
        """Whole months from each date to as_of (NA where missing)."""
        return months_between(dates, self.as_of)


@dataclass(frozen=True)
class Rule:
    id: str
    area: str  # the module (law area) it lives in
    article: str  # 日本語, e.g. 個人情報保護法27条5項3号
    article_en: str
    title_ja: str
    title_en: str
    severity: Severity
    check: Callable[[RuleContext], pd.DataFrame] = field(compare=False)


REGISTRY: dict[str, Rule] = {}


def rule(rule_id: str, *, article: str, article_en: str, title_ja: str, title_en: str, severity: Severity):
    """Register a check. It returns rows with subject_table, subject_id, message_ja, message_en, fix,
    fix_en (and optionally severity to override the default); see findings()."""
    if severity not in SEVERITIES:
        raise ValueError(f"{rule_id}: severity {severity!r} not in {SEVERITIES}")

    def register(fn: Callable[[RuleContext], pd.DataFrame]):
        if rule_id in REGISTRY:
            raise ValueError(f"rule {rule_id} registered twice")
        area = fn.__module__.rsplit(".", 1)[-1]
        REGISTRY[rule_id] = Rule(
            rule_id, area, article, article_en, title_ja, title_en, Severity(severity), fn
        )
        return fn

    return register


def findings(
    table: str,
    ids: pd.Series | list | str,
    message_ja: pd.Series | str,
    message_en: pd.Series | str,
    fix: str,
    fix_en: str,
    severity: pd.Series | str | None = None,
) -> pd.DataFrame:
    """Finding rows for the given subjects (vectorised: messages may be Series aligned with ids)."""
    ids = pd.Series([ids] if isinstance(ids, str) else list(ids) if not isinstance(ids, pd.Series) else ids)
    n = len(ids)
    out = pd.DataFrame(
        {
            "subject_table": table,
            "subject_id": ids.astype("str").to_numpy(),
            "message_ja": _values(message_ja, n),
            "message_en": _values(message_en, n),
            "fix": fix,
            "fix_en": fix_en,
        }
    )
    if severity is not None:
        out["severity"] = _values(severity, n)
    return out


def _values(v, n):
    if isinstance(v, pd.Series):
        return v.to_numpy()
    return list(v) if isinstance(v, list | tuple) else [v] * n


def none() -> pd.DataFrame:
    return pd.DataFrame(columns=["subject_table", "subject_id", "message_ja", "message_en", "fix", "fix_en"])
