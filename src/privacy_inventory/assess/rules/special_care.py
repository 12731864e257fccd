"""要配慮個人情報 (special-care information): APPI Art.20(2) acquisition, Art.27(2) no opt-out."""

from __future__ import annotations

import pandas as pd

from ...ledger.schema import Acquisition, Basis
from .base import RuleContext, Severity, findings, name_en, none, rule

# Acquisition that Art.20(2)(viii) exempts: receipt through outsourcing, merger or joint use (27(5)).
EXEMPT_ACQUISITION = (Acquisition.entrusted, Acquisition.joint_use)


@rule(
    "APPI-20-2",
    article="個人情報保護法20条2項",
    article_en="APPI Art.20(2)",
    severity=Severity.high,
    title_ja="要配慮個人情報の取得には本人同意",
    title_en="prior consent to acquire special-care information",
)
def special_care_without_consent(ctx: RuleContext) -> pd.DataFrame:
    items = ctx.inv.items
    sc = items["special_care"].fillna(False)
    consented = items["consent_special_care"].fillna(False)
    exempt = items["acquisition"].isin(EXEMPT_ACQUISITION)
    bad = items[sc & ~consented & ~exempt]
    if bad.empty:
        return none()
    return findings(
        "items", bad["item_id"],
        "要配慮個人情報「" + bad["name_ja"] + "」の取得について本人同意の記録がない",
        "no record of consent to acquire the special-care item '" + name_en(bad, "name_ja") + "'",
        "取得時に本人の同意を得て記録する（法20条2項）。例外に当たる場合はその根拠を記録する",
        "obtain and record consent before acquisition (Art.20(2)), or record the exception that applies",
    )  # fmt: skip


@rule(
    "APPI-27-2-sc",
    article="個人情報保護法27条2項ただし書",
    article_en="APPI Art.27(2) proviso",
    severity=Severity.high,
    title_ja="要配慮個人情報はオプトアウトで提供できない",
    title_en="special-care information never provided by opt-out",
)
def special_care_opt_out(ctx: RuleContext) -> pd.DataFrame:
    f = ctx.flows
    bad = f[f["item_special_care"].fillna(False) & f["basis"].eq(Basis.opt_out)]
    if bad.empty:
        return none()
    return findings(
        "flows", bad["flow_id"],
        "要配慮個人情報「" + bad["item_name_ja"] + "」をオプトアウトで" + bad["partner_name"] + "に提供している",
        "special-care item '" + bad["item_name_en"] + "' is provided by opt-out to " + bad["partner_name_en"],
        "直ちに提供を停止し、本人同意または法令上の根拠に基づく提供に改める（法27条2項ただし書）",
        "stop the flow now; provide only with consent or a statutory basis (Art.27(2) proviso)",
    )  # fmt: skip
