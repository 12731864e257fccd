"""Compliance rules under APPI and the My Number Act. One module per law area; see base.rule()."""

from __future__ import annotations

import datetime as dt
import importlib

import pandas as pd

from ...ledger.inventory import Inventory
from ...ledger.schema import TABLES_BY_NAME
from .base import FINDING_COLUMNS, REGISTRY, SEVERITIES, Rule, RuleContext, Severity, org_source, value_source

# One module per law area; importing a module registers its rules.
LAW_AREAS = ("purposes", "special_care", "third_party", "joint_use", "my_number", "outsourcing", "safety",
             "publication", "breach", "pdca")  # fmt: skip
for _area in LAW_AREAS:
    importlib.import_module(f".{_area}", __name__)

__all__ = [
    "FINDING_COLUMNS",
    "REGISTRY",
    "SEVERITIES",
    "Rule",
    "RuleContext",
    "Severity",
    "catalogue",
    "run_rules",
]


def _source_of(inv: Inventory, table: str, ids: pd.Series) -> pd.Series:
    """Where the subject comes from, so reports can say a finding rests on an assumption: the subject
    row's source, or for an organisation fact the source its YAML records for that key (none recorded:
    empty, never a guessed 'policy'). A rule that judges one value of a row passes that value's own
    source with findings(source=…)."""
    if table == "organisation":
        return pd.Series([org_source(inv, str(i)) for i in ids], index=ids.index, dtype="str")
    spec = TABLES_BY_NAME.get(table)
    if spec is None or len(spec.key) != 1:
        return pd.Series(pd.NA, index=ids.index, dtype="str")
    return value_source(inv, table, ids.astype("str"))


def _run_one(r: Rule, ctx: RuleContext) -> pd.DataFrame:
    try:
        rows = r.check(ctx)
    except Exception as exc:  # a rule that cannot run says so in a finding of its own
        rows = pd.DataFrame({
            "subject_table": ["rule"], "subject_id": [r.id],
            "message_ja": [f"ルール {r.id} を実行できなかった（{type(exc).__name__}: {exc}）"],
            "message_en": [f"rule {r.id} could not run ({type(exc).__name__}: {exc})"],
            "fix": ["台帳の列・値を確認する"], "fix_en": ["check the ledger's columns and values"],
            "severity": [Severity.medium],
        })  # fmt: skip
    if rows.empty:
        return rows
    rows = rows.copy()
    if "severity" not in rows:
        rows["severity"] = r.severity
    rows["severity"] = rows["severity"].fillna(r.severity)
    rows["rule_id"], rows["article"], rows["article_en"] = r.id, r.article, r.article_en
    derived = pd.concat(
        [
            _source_of(ctx.inv, table, group["subject_id"])
            for table, group in rows.groupby("subject_table", sort=False)
        ]
    ).reindex(rows.index)
    given = rows["subject_source"] if "subject_source" in rows else pd.Series(pd.NA, index=rows.index)
    rows["subject_source"] = given.astype("str").fillna(derived.astype("str"))
    return rows


def run_rules(inv: Inventory, as_of: dt.date | None = None, *, inspection_interval_months: int = 12,
              only: list[str] | None = None) -> pd.DataFrame:  # fmt: skip
    """Every finding of every registered rule, most severe first."""
    ctx = RuleContext(inv, as_of or dt.date.today(), inspection_interval_months)
    frames = [_run_one(r, ctx) for r in REGISTRY.values() if only is None or r.id in only]
    frames = [f for f in frames if not f.empty]
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=FINDING_COLUMNS)
    out = out[FINDING_COLUMNS]
    out["severity"] = pd.Categorical(out["severity"], categories=list(SEVERITIES), ordered=True)
    return out.sort_values(
        ["severity", "rule_id", "subject_id"], ascending=[False, True, True], kind="stable"
    ).reset_index(drop=True)


def catalogue() -> pd.DataFrame:
    """The registered rules: id, article, title, default severity, law area."""
    return pd.DataFrame(
        [{"rule_id": r.id, "article": r.article, "article_en": r.article_en, "title_ja": r.title_ja,
          "title_en": r.title_en, "severity": r.severity, "area": r.area} for r in REGISTRY.values()]
    )  # fmt: skip
