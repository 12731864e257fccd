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


@rule(
    "PDCA-incident-action",
    article="規則8条1項8号（再発防止のための措置）・基本方針7・JIS Q 15001 10.1",
    article_en="PPC Rules Art.8(1)(viii) (recurrence prevention); policy point 7; JIS Q 15001 10.1",
    severity=Severity.medium,
    title_ja="漏えい等事案ごとの再発防止の処置",
    title_en="every incident has a recurrence-prevention action",
)
def incident_without_action(ctx: RuleContext) -> pd.DataFrame:
    r = ctx.incidents
    bad = r[r["action_id"].isna()] if len(r) else r
    if bad.empty:
        return none()
    return findings(
        "incidents", bad["incident_id"],
        "事案 " + bad["incident_id"] + "（" + bad["discovered"].dt.strftime("%Y-%m-%d") + " 発覚）に再発防止の処置が登録されていない",
        "incident " + bad["incident_id"] + " (discovered " + bad["discovered"].dt.strftime("%Y-%m-%d") + ") has no recurrence-prevention action",
        "原因に応じた再発防止の処置を改善処置として登録し（対象はこの事案）、事案の記録にその処置を記入する",
        "add a recurrence-prevention action for this incident to the action register and enter it in the incident's record",
    )  # fmt: skip


@rule(
    "PDCA-incident-action-overdue",
    article="規則8条1項8号（再発防止のための措置）・基本方針7・JIS Q 15001 10.1",
    article_en="PPC Rules Art.8(1)(viii) (recurrence prevention); policy point 7; JIS Q 15001 10.1",
    severity=Severity.medium,
    title_ja="再発防止の処置の期限",
    title_en="recurrence-prevention actions done by their due date",
)
def incident_action_overdue(ctx: RuleContext) -> pd.DataFrame:
    r = ctx.incidents
    bad = r[r["action_state"].eq("overdue")] if len(r) else r
    if bad.empty:
        return none()
    return findings(
        "incidents", bad["incident_id"],
        "事案 " + bad["incident_id"] + " の再発防止の処置 " + bad["action_id"] + " が期限を過ぎて未完了",
        "the recurrence-prevention action " + bad["action_id"] + " of incident " + bad["incident_id"] + " is overdue",
        "処置を完了させるか、遅れの理由と新しい期限を改善処置の記録に記入する",
        "finish the action, or enter why it is late and its new due date in the action register",
    )  # fmt: skip
