"""Purposes of use, use within purpose, retention: APPI Arts. 17, 18, 22."""

from __future__ import annotations

import pandas as pd

from ...ledger.schema import STATUTORY_BASES
from .base import RuleContext, Severity, column_label, findings, name_en, none, rule

USES_JA, USES_EN = "台帳「項目×利用目的」", "the item × purpose table"
FLOW_PURPOSE_JA, FLOW_PURPOSE_EN = column_label("flows", "purpose_id")

VAGUE = ("事業活動のため", "その他", "業務のため", "当社の事業")


@rule(
    "APPI-17-1",
    article="個人情報保護法17条1項",
    article_en="APPI Art.17(1)",
    severity=Severity.medium,
    title_ja="利用目的の特定",
    title_en="purpose of use specified for every item",
)
def item_without_purpose(ctx: RuleContext) -> pd.DataFrame:
    items = ctx.inv.items
    orphan = items[~items["item_id"].isin(ctx.inv.uses["item_id"])]
    if orphan.empty:
        return none()
    return findings(
        "items", orphan["item_id"],
        "項目「" + orphan["name_ja"] + "」に利用目的が紐づいていない",
        "item '" + name_en(orphan, "name_ja") + "' has no purpose of use",
        f"{USES_JA}に利用目的を登録し、公表する（法17条1項・21条）",
        f"link the item to a published purpose in {USES_EN} (Art.17(1), 21)",
    )  # fmt: skip


@rule(
    "APPI-17-1-vague",
    article="個人情報保護法17条1項",
    article_en="APPI Art.17(1)",
    severity=Severity.low,
    title_ja="利用目的をできる限り特定",
    title_en="purposes specified as far as possible",
)
def vague_purpose(ctx: RuleContext) -> pd.DataFrame:
    p = ctx.inv.purposes
    text = p["text_ja"].fillna("")
    vague = text.str.len().le(4) | text.isin(VAGUE)  # a bare word or a known catch-all phrase
    bad = p[vague]
    if bad.empty:
        return none()
    return findings(
        "purposes", bad["purpose_id"],
        "利用目的「" + bad["text_ja"] + "」が抽象的で特定されていない",
        "purpose '" + bad["text_ja"] + "' is too general",
        "本人が利用の範囲を想定できる程度に具体的に記載する（GL通則3-1-1）",
        "describe the purpose so the person can foresee the use (PPC GL 3-1-1)",
    )  # fmt: skip


@rule(
    "APPI-18-1",
    article="個人情報保護法18条1項",
    article_en="APPI Art.18(1)",
    severity=Severity.high,
    title_ja="目的外利用の禁止",
    title_en="no handling beyond the purposes of use",
)
def flow_outside_purpose(ctx: RuleContext) -> pd.DataFrame:
    f = ctx.flows
    needs = ~f["basis"].isin(STATUTORY_BASES)
    declared = pd.MultiIndex.from_frame(ctx.inv.uses[["item_id", "purpose_id"]].astype("str"))
    pairs = pd.MultiIndex.from_arrays([f["item_id"].astype("str"), f["purpose_id"].astype("str").fillna("")])
    outside = needs & f["purpose_id"].notna() & ~pairs.isin(declared)
    missing = needs & f["purpose_id"].isna()
    rows = []
    if outside.any():
        b = f[outside]
        rows.append(findings(
            "flows", b["flow_id"],
            "「" + b["item_name_ja"] + "」を利用目的 " + b["purpose_id"] + " で提供しているが、この目的は項目の利用目的にない",
            "'" + b["item_name_en"] + "' flows for purpose " + b["purpose_id"] + ", which is not among the item's purposes",
            f"{USES_JA}に目的を追加して公表するか、同意を得る、または提供をやめる（法18条1項・3項）",
            "add and publish the purpose, obtain consent, or stop the flow (Art.18(1), (3))",
        ))  # fmt: skip
    if missing.any():
        b = f[missing]
        rows.append(findings(
            "flows", b["flow_id"],
            "「" + b["item_name_ja"] + "」の提供に利用目的が記録されていない",
            "the flow of '" + b["item_name_en"] + "' records no purpose",
            f"{FLOW_PURPOSE_JA}を記入する（法令に基づく提供を除く）",
            f"fill in {FLOW_PURPOSE_EN} (only statutory exceptions may leave it empty)",
            severity=Severity.medium,
        ))  # fmt: skip
    return pd.concat(rows, ignore_index=True) if rows else none()


@rule(
    "APPI-22",
    article="個人情報保護法22条",
    article_en="APPI Art.22",
    severity=Severity.low,
    title_ja="不要となった個人データの消去（保存期間）",
    title_en="retention period stated for every item",
)
def retention_missing(ctx: RuleContext) -> pd.DataFrame:
    items = ctx.inv.items
    bad = items[items["retention"].isna()]
    if bad.empty:
        return none()
    return findings(
        "items", bad["item_id"],
        "項目「" + bad["name_ja"] + "」の保存期間が記録されていない",
        "no retention period for '" + name_en(bad, "name_ja") + "'",
        "保存期間と消去方法を定め、台帳に記録する（法22条、GL通則10-2）",
        "set a retention period and deletion rule and record it (Art.22; PPC GL 10-2)",
    )  # fmt: skip
