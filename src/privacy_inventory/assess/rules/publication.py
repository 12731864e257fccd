"""Matters to be made knowable about retained personal data: APPI Art.32 and Cabinet Order Art.10."""

from __future__ import annotations

import pandas as pd

from ...ledger.schema import PurposeKind
from .base import RuleContext, Severity, findings, none, rule

REQUIRED = (
    ("name", "名称", "name", "32条1項1号", "Art.32(1)(i)", Severity.high),
    ("address", "住所", "address", "32条1項1号", "Art.32(1)(i)", Severity.high),
    ("representative", "代表者の氏名", "representative's name", "32条1項1号", "Art.32(1)(i)", Severity.high),
    ("request_procedure", "開示等の請求に応じる手続（手数料を含む）", "procedure for disclosure and other requests (with any fee)", "32条1項3号", "Art.32(1)(iii)", Severity.medium),
    ("contact.department", "苦情の申出先", "complaint contact", "令10条2号", "Cabinet Order Art.10(ii)", Severity.medium),
)  # fmt: skip


@rule(
    "APPI-32",
    article="個人情報保護法32条1項",
    article_en="APPI Art.32(1)",
    severity=Severity.medium,
    title_ja="保有個人データに関する事項の公表",
    title_en="matters on retained personal data made knowable",
)
def publication_gaps(ctx: RuleContext) -> pd.DataFrame:
    inv = ctx.inv
    rows = []
    for key, ja, en, art_ja, art_en, severity in REQUIRED:
        if not inv.org(key):
            rows.append(findings(
                "organisation", key,
                f"{ja}が公表されていない（{art_ja}）", f"the {en} is not published ({art_en})",
                f"基本方針・公表文に{ja}を記載する", f"publish the {en} with the policy", severity=severity,
            ))  # fmt: skip
    if not inv.purposes["kind"].isin([PurposeKind.own, PurposeKind.entrusted]).any():
        rows.append(findings("purposes", "-", "利用目的が公表されていない（32条1項2号）", "no purpose of use is published (Art.32(1)(ii))",
                             "全ての利用目的を公表する", "publish every purpose of use", severity=Severity.high))  # fmt: skip
    if inv.org("safety_measures_published") is not True:
        rows.append(findings(
            "organisation", "safety_measures_published",
            "講じた安全管理措置の内容が本人の知り得る状態にない（令10条1号）",
            "the safety-management measures taken are not made knowable (Cabinet Order Art.10(i))",
            "基本方針・規律・組織的・人的・物理的・技術的措置と外的環境の把握の概要を公表する（支障のない範囲で）",
            "publish a summary of the measures by category, and of the external-environment assessment", severity=Severity.low,
        ))  # fmt: skip
    return pd.concat(rows, ignore_index=True) if rows else none()
