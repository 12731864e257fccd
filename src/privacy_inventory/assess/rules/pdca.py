"""Continuous improvement (policy point 7): the action register itself."""

from __future__ import annotations

import pandas as pd

from ...ledger.schema import ActionStatus
from .base import RuleContext, Severity, column_label, findings, none, rule


@rule(
    "PDCA-evidence",
    article="基本方針7（継続的改善）・JIS Q 15001 10.1",
    article_en="policy point 7; JIS Q 15001 10.1",
    severity=Severity.low,
    title_ja="完了した処置の根拠",
    title_en="closed actions have evidence",
)
def closed_without_evidence(ctx: RuleContext) -> pd.DataFrame:
    a = ctx.inv.actions
    bad = a[a["status"].eq(ActionStatus.done) & a["evidence"].isna()]
    if bad.empty:
        return none()
    where_ja, where_en = column_label("actions", "evidence")
    return findings(
        "actions", bad["action_id"],
        "処置「" + bad["title"] + "」が根拠なしに完了とされている",
        "action '" + bad["title"] + "' was closed without evidence",
        f"完了の根拠（記録・文書・日付）を{where_ja}に記載する",
        f"record the evidence of completion (record, document, date) in {where_en}",
    )  # fmt: skip
