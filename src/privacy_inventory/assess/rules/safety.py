"""Safety-management measures: APPI Art.23 (PPC GL 10-1…10-7), staff (Art.24), managers (policy point 7)."""

from __future__ import annotations

import pandas as pd

from ...frames import split_reference
from ...ledger.schema import ControlCategory, ControlStatus
from .base import RuleContext, Severity, findings, name_en, none, rule


@rule(
    "APPI-23",
    article="個人情報保護法23条（GL通則10）",
    article_en="APPI Art.23 (PPC GL 10)",
    severity=Severity.medium,
    title_ja="安全管理措置の各区分の実施",
    title_en="an implemented control in every category of measures",
)
def category_without_control(ctx: RuleContext) -> pd.DataFrame:
    c = ctx.inv.controls
    done = set(c.loc[c["status"].eq(ControlStatus.implemented), "category"])
    missing = [k for k in ControlCategory if k not in done]
    if not missing:
        return none()
    return findings(
        "control_category", missing,
        [f"「{k.ja}」に実施済の措置がない" for k in missing],
        [f"no implemented control for '{k.en}'" for k in missing],
        "ガイドライン通則編10の該当区分の措置を実施し、台帳「安全管理措置」に記録する",
        "implement a measure of that category (PPC GL 10) and record it in the safety-management controls table",
    )  # fmt: skip


@rule(
    "APPI-23-sensitive",
    article="個人情報保護法23条（GL通則10-6）",
    article_en="APPI Art.23 (PPC GL 10-6)",
    severity=Severity.medium,
    title_ja="要配慮・財産的被害のおそれがある項目の技術的措置",
    title_en="technical controls on special-care and financial-damage items",
)
def sensitive_without_technical_control(ctx: RuleContext) -> pd.DataFrame:
    inv = ctx.inv
    items = inv.items
    risky = items[items["special_care"].fillna(False) | items["property_damage"].fillna(False)]
    c = inv.controls
    c = c[c["status"].eq(ControlStatus.implemented) & c["category"].eq(ControlCategory.technical)]
    kind, target = split_reference(c["applies_to"])
    if kind.eq("all").any():
        return none()
    covered = set(target[kind.eq("item")]) | set(
        items.loc[items["department_id"].isin(target[kind.eq("department")]), "item_id"]
    )
    bad = risky[~risky["item_id"].isin(covered)]
    if bad.empty:
        return none()
    return findings(
        "items", bad["item_id"],
        "「" + bad["name_ja"] + "」（要配慮または財産的被害のおそれ）に実施済の技術的安全管理措置がない",
        "'" + name_en(bad, "name_ja") + "' (special-care or financial-damage risk) has no implemented technical control",
        "アクセス制御・暗号化など技術的安全管理措置を実施し記録する（GL通則10-6）",
        "implement access control or encryption for it and record it (PPC GL 10-6)",
    )  # fmt: skip


@rule(
    "APPI-23-manager",
    article="個人情報保護法23条（GL通則10-3(1)）・基本方針7",
    article_en="APPI Art.23 (PPC GL 10-3(1)); policy point 7",
    severity=Severity.medium,
    title_ja="部門ごとの管理者",
    title_en="a manager in every department",
)
def department_without_manager(ctx: RuleContext) -> pd.DataFrame:
    d = ctx.inv.departments
    bad = d[d["manager"].isna()]
    if bad.empty:
        return none()
    return findings(
        "departments", bad["department_id"],
        "部門「" + bad["name"] + "」に個人情報の管理者が置かれていない",
        "department '" + name_en(bad) + "' has no personal-information manager",
        "部門ごとに管理者を任命し台帳に記録する（基本方針7、GL通則10-3(1)）",
        "appoint a manager for the department and record it (policy point 7; GL 10-3(1))",
    )  # fmt: skip


@rule(
    "APPI-24",
    article="個人情報保護法24条・基本方針8",
    article_en="APPI Art.24; policy point 8",
    severity=Severity.medium,
    title_ja="従業者の教育（12か月以内）",
    title_en="staff training within 12 months",
)
def training_overdue(ctx: RuleContext) -> pd.DataFrame:
    d = ctx.inv.departments
    months = ctx.months_since(d["last_training"])
    bad_mask = d["last_training"].isna() | months.ge(ctx.training_interval_months).fillna(False)
    bad, m = d[bad_mask], months[bad_mask]
    if bad.empty:
        return none()
    ja = [
        "部門「" + n + "」の教育記録がない" if pd.isna(k) else f"部門「{n}」の直近の教育が{int(k)}か月前"
        for n, k in zip(bad["name"], m, strict=True)
    ]
    en = [
        f"department '{n}' has no training record"
        if pd.isna(k)
        else f"department '{n}' was last trained {int(k)} months ago"
        for n, k in zip(name_en(bad), m, strict=True)
    ]
    return findings(
        "departments", bad["department_id"], pd.Series(ja, index=bad.index), pd.Series(en, index=bad.index),
        "少なくとも年1回、部門の役職員に個人情報保護の教育を行い記録する（基本方針8、法24条）",
        "train the department's staff at least yearly and record it (policy point 8; Art.24)",
    )  # fmt: skip
