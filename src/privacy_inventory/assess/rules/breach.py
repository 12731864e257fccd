"""Breach-report exposure: items whose leak the PPC must be told of (APPI Art.26; PPC Rules Art.7)."""

from __future__ import annotations

import pandas as pd

from .base import RuleContext, Severity, findings, name_en, none, rule

THRESHOLD = 1000  # PPC Rules Art.7(iv): more than 1,000 people


@rule(
    "APPI-26",
    article="個人情報保護法26条・規則7条",
    article_en="APPI Art.26; PPC Rules Art.7",
    severity=Severity.info,
    title_ja="漏えい時に報告対象となる項目",
    title_en="items whose leak would have to be reported",
)
def reportable_items(ctx: RuleContext) -> pd.DataFrame:
    items = ctx.inv.items
    sc = items["special_care"].fillna(False)
    pdm = items["property_damage"].fillna(False)
    many = items["records"].fillna(0).gt(THRESHOLD)
    mn = items["my_number"].fillna(False)
    hit = items[sc | pdm | many | mn]
    if hit.empty:
        return none()
    triggers_ja, triggers_en = [], []
    for s, p, m, n, r in zip(
        sc[hit.index], pdm[hit.index], many[hit.index], mn[hit.index], hit["records"].fillna(0), strict=True
    ):
        ja = [
            t
            for t, on in (
                ("要配慮（1号）", s),
                ("財産的被害のおそれ（2号）", p),
                (f"{int(r):,}人（4号：千人超）", m),
                ("特定個人情報（番号法）", n),
            )
            if on
        ]
        en = [
            t
            for t, on in (
                ("special care (i)", s),
                ("financial damage (ii)", p),
                (f"{int(r):,} people (iv: over 1,000)", m),
                ("My Number", n),
            )
            if on
        ]
        triggers_ja.append("、".join(ja))
        triggers_en.append(", ".join(en))
    return findings(
        "items", hit["item_id"],
        "「" + hit["name_ja"] + "」が漏えいした場合は委員会への報告と本人通知が必要：" + pd.Series(triggers_ja, index=hit.index),
        "a leak of '" + name_en(hit, "name_ja") + "' must be reported to the PPC and notified: " + pd.Series(triggers_en, index=hit.index),
        "速報（3〜5日目安）・確報（30日、不正目的は60日）の手順と連絡先を事故対応手順に明記しておく（法26条、規則8条）",
        "keep the incident procedure ready: preliminary report in 3–5 days, final report in 30 (60) days (Art.26; Rules Art.8)",
    )  # fmt: skip
