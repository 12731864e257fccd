"""Matters to be made knowable about retained personal data: APPI Art.32 and Cabinet Order Art.10."""

from __future__ import annotations

import re

import pandas as pd

from ...ledger.schema import NEEDS_REPRESENTATIVE, EntityType, PurposeKind
from .base import RuleContext, Severity, findings, none, org_label, org_source, rule

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
    entity = inv.org("entity_type")
    for key, ja, en, art_ja, art_en, severity in REQUIRED:
        if key == "representative" and entity is not None and entity not in NEEDS_REPRESENTATIVE:
            continue  # only a legal person (or a group with a representative) publishes its representative
        if not inv.org(key):
            where_ja, where_en = org_label(key)
            rows.append(findings(
                "organisation", key,
                f"{ja}が公表されていない（{art_ja}）", f"the {en} is not published ({art_en})",
                f"基本方針・公表文に{ja}を記載し、{where_ja}に記録する", f"publish the {en} with the policy and record it as {where_en}",
                severity=severity, source=org_source(inv, key),
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
            source=org_source(inv, "safety_measures_published"),
        ))  # fmt: skip
    return pd.concat(rows, ignore_index=True) if rows else none()


# Two parties written as one operator: "A及びB", "A並びにB", "A and B" (a "・" may be part of one name).
SEVERAL = re.compile(r"(及び|並びに|および|ならびに|\band\b)")


@rule(
    "APPI-32-operator",
    article="個人情報保護法32条1項1号",
    article_en="APPI Art.32(1)(i)",
    severity=Severity.medium,
    title_ja="個人情報取扱事業者が特定された一者であること",
    title_en="the business operator is one identifiable party",
)
def operator_identifiable(ctx: RuleContext) -> pd.DataFrame:
    inv = ctx.inv
    name, entity = inv.org("name"), inv.org("entity_type")
    where_ja, where_en = org_label("entity_type")
    if name and SEVERAL.search(str(name)):
        return findings(
            "organisation", "name",
            f"個人情報取扱事業者の名称「{name}」が複数の事業者をまとめて表しており、一者として特定されていない",
            f"the business operator's name '{name}' joins several operators, not one identifiable operator",
            "事業者ごとに名称・住所・代表者を公表する（法32条1項1号）。台帳は事業者ごとに作る",
            "publish each operator's name, address and representative (Art.32(1)(i)); keep one ledger per operator",
            severity=Severity.high, source=org_source(inv, "name"),
        )  # fmt: skip
    if entity is None:
        return findings(
            "organisation", "entity_type",
            "個人情報取扱事業者の法人・団体の別が記録されていない（代表者の氏名の公表が必要か判断できない）",
            "the business operator's entity type is not recorded (whether its representative must be published is unknown)",
            f"{where_ja}を記録する（法人・協同組合等は代表者の氏名の公表が必要：法32条1項1号）",
            f"record {where_en} (a legal person must publish its representative's name: Art.32(1)(i))",
            source=org_source(inv, "entity_type"),
        )  # fmt: skip
    if entity == EntityType.unincorporated and not inv.org("representative"):
        return findings(
            "organisation", "representative",
            "個人情報取扱事業者は法人でない団体で、代表者又は管理人が記録されておらず、責任を負う者が特定できない",
            "the business operator is a group that is not a legal person with no representative or administrator recorded",
            "代表者又は管理人を定めて公表する（法32条1項1号）",
            "appoint and publish a representative or administrator (Art.32(1)(i))",
            severity=Severity.high, source=org_source(inv, "representative"),
        )  # fmt: skip
    return none()
