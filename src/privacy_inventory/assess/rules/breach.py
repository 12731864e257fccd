"""Breaches: which items' leak the PPC must be told of (APPI Art.26; PPC Rules Art.7; My Number Act
Art.29-4), and whether the incident register shows each report and notice made by its date."""

from __future__ import annotations

import pandas as pd

from .base import RuleContext, Severity, findings, name_en, none, rule

THRESHOLD = 1000  # PPC Rules Art.7(iv): more than 1,000 people

STEP_NAMES = {  # step → (日本語, English)
    "appi_preliminary": ("速報", "preliminary report"),
    "appi_final": ("確報", "final report"),
    "mn_preliminary": ("番号法の速報", "My Number preliminary report"),
    "mn_final": ("番号法の確報", "My Number final report"),
    "notice": ("本人への通知", "notice to the people"),
}


@rule(
    "APPI-26",
    article="個人情報保護法26条・規則7条・番号法29条の4",
    article_en="APPI Art.26; PPC Rules Art.7; My Number Act Art.29-4",
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
        held = int(r or 0)
        # 要配慮 and financial damage: one person is enough; more than 1,000 people; a My Number leak is
        # reportable only in the My Number rules' cases (more than 100 people, unlawful purpose, viewable
        # by the public, the information-provision network), not whatever the count.
        ja = [
            t
            for t, on in (
                ("要配慮（1号）：1人でも", s),
                ("財産的被害のおそれ（2号）：1人でも", p),
                (f"{held:,}人を保有（4号：千人超が漏えいした場合）", m),
                (
                    f"特定個人情報（番号法29条の4：100人超、不正目的、不特定多数が閲覧できる状態等の場合。保有{held:,}人）",
                    n,
                ),
            )
            if on
        ]
        en = [
            t
            for t, on in (
                ("special care (i): even one person", s),
                ("financial damage (ii): even one person", p),
                (f"{held:,} people held (iv: if more than 1,000 leak)", m),
                (
                    f"My Number (Act Art.29-4: more than 100 people, unlawful purpose, viewable by the public, …; {held:,} held)",
                    n,
                ),
            )
            if on
        ]
        triggers_ja.append("、".join(ja))
        triggers_en.append("; ".join(en))
    return findings(
        "items", hit["item_id"],
        "「" + hit["name_ja"] + "」が漏えいした場合に委員会への報告と本人通知が必要となる事態：" + pd.Series(triggers_ja, index=hit.index),
        "a leak of '" + name_en(hit, "name_ja") + "' must be reported to the PPC and notified when: " + pd.Series(triggers_en, index=hit.index),
        "速報（3〜5日目安）・確報（30日、不正目的は60日）の手順と連絡先を事故対応手順に明記しておく（法26条、規則8条；特定個人情報は番号法29条の4も）",
        "keep the incident procedure ready: preliminary report in 3–5 days, final report in 30 (60) days (Art.26; Rules Art.8; for My Numbers also the My Number Act Art.29-4)",
    )  # fmt: skip


def overdue_steps(
    ctx: RuleContext, steps: tuple[str, ...]
) -> tuple[pd.DataFrame, list[str], list[str], list[str]]:
    """Incidents with any of `steps` overdue (due date passed, nothing sent), with what is overdue."""
    r = ctx.incidents
    if r.empty:
        return r, [], [], []
    late = pd.concat([r[f"{s}_status"].eq("overdue") for s in steps], axis=1, keys=steps)
    rows = r[late.any(axis=1)]
    ja, en, worst = [], [], []
    for i, row in rows.iterrows():
        parts = [(s, row[f"{s}_due"]) for s in steps if late.loc[i, s]]
        ja.append("、".join(f"{STEP_NAMES[s][0]}（期限 {d:%Y-%m-%d}）" for s, d in parts))
        en.append(", ".join(f"{STEP_NAMES[s][1]} (due {d:%Y-%m-%d})" for s, d in parts))
        worst.append(Severity.medium if all(s.endswith("preliminary") for s, _ in parts) else Severity.high)
    return rows, ja, en, worst


def about(rows: pd.DataFrame) -> pd.Series:
    return "事案 " + rows["incident_id"] + "（" + rows["discovered"].dt.strftime("%Y-%m-%d") + " 発覚）"


def about_en(rows: pd.DataFrame) -> pd.Series:
    return (
        "incident " + rows["incident_id"] + " (discovered " + rows["discovered"].dt.strftime("%Y-%m-%d") + ")"
    )


@rule(
    "APPI-26-report",
    article="個人情報保護法26条1項・規則8条1項・2項",
    article_en="APPI Art.26(1); PPC Rules Art.8(1), (2)",
    severity=Severity.high,
    title_ja="漏えい等報告（速報・確報）を期限までに",
    title_en="breach reports (preliminary, final) made by their dates",
)
def appi_report_overdue(ctx: RuleContext) -> pd.DataFrame:
    rows, ja, en, worst = overdue_steps(ctx, ("appi_preliminary", "appi_final"))
    if rows.empty:
        return none()
    return findings(
        "incidents", rows["incident_id"],
        about(rows) + "：" + pd.Series(ja, index=rows.index) + "が未提出のまま期限を過ぎている",
        about_en(rows) + ": " + pd.Series(en, index=rows.index) + " not sent and past its date",
        "直ちに個人情報保護委員会へ報告し、提出日を漏えい等事案の記録に記入する（速報は速やかに・確報は30日、不正目的は60日以内：規則8条）",
        "report to the PPC now and enter the date sent in the incident register (preliminary promptly; final within 30 days, 60 for an unlawful purpose: PPC Rules Art.8)",
        severity=pd.Series(worst, index=rows.index),
    )  # fmt: skip


@rule(
    "APPI-26-2",
    article="個人情報保護法26条2項・番号法29条の4第2項",
    article_en="APPI Art.26(2); My Number Act Art.29-4(2)",
    severity=Severity.high,
    title_ja="本人への通知を速やかに",
    title_en="notice to the people given promptly",
)
def notice_overdue(ctx: RuleContext) -> pd.DataFrame:
    rows, _, _, _ = overdue_steps(ctx, ("notice",))
    if rows.empty:
        return none()
    due = rows["notice_due"].dt.strftime("%Y-%m-%d")
    return findings(
        "incidents", rows["incident_id"],
        about(rows) + "：本人への通知（目安 " + due + "）が未実施",
        about_en(rows) + ": the people have not been notified (target " + due + ")",
        "本人へ通知する（困難な場合は公表と問合せ窓口の設置等の代替措置）。実施日を漏えい等事案の記録に記入する",
        "notify the people (where that is not possible: publish and open an enquiry desk) and enter the date in the incident register",
    )  # fmt: skip
