"""Third-party provision, foreign transfer and records: APPI Arts. 27(1), 27(2), 28, 29, 30."""

from __future__ import annotations

import pandas as pd

from ...frames import isin
from ...ledger.schema import STATUTORY_BASES, Basis, Direction, PartnerKind
from .base import RuleContext, Severity, code_labels, findings, name_en, none, rule

# The basis a partner kind is consistent with; anything else to that partner is provision without basis.
BASES_FOR_KIND = {
    PartnerKind.joint_user: (Basis.joint_use, Basis.consent, *STATUTORY_BASES),
    PartnerKind.outsourcee: (Basis.outsourcing, Basis.my_number_19),
    PartnerKind.sub_outsourcee: (Basis.outsourcing, Basis.my_number_19),
    PartnerKind.third_party: (Basis.consent, Basis.opt_out, *STATUTORY_BASES),
    PartnerKind.statutory: (*STATUTORY_BASES, Basis.my_number_19, Basis.consent),
    PartnerKind.entrusting_coop: (Basis.inbound_entrusted, Basis.outsourcing),
    PartnerKind.internal: (Basis.internal,),
}

# Art.29/30 records are needed for provision on consent or by opt-out (not for 27(1) exceptions or 27(5)).
RECORDED_BASES = (Basis.consent, Basis.opt_out)


@rule(
    "APPI-27-1",
    article="個人情報保護法27条1項",
    article_en="APPI Art.27(1)",
    severity=Severity.high,
    title_ja="第三者提供は本人同意または法定の例外による",
    title_en="third-party provision only with consent or a statutory exception",
)
def provision_without_basis(ctx: RuleContext) -> pd.DataFrame:
    f = ctx.flows
    allowed = pd.Series(False, index=f.index)
    for kind, bases in BASES_FOR_KIND.items():
        allowed |= f["partner_kind"].eq(kind) & f["basis"].isin(bases)
    bad = f[~allowed]
    if bad.empty:
        return none()
    kind_ja, kind_en = code_labels(bad["partner_kind"], PartnerKind)
    basis_ja, basis_en = code_labels(bad["basis"], Basis)
    return findings(
        "flows", bad["flow_id"],
        bad["partner_name"] + "（" + kind_ja + "）への「" + bad["item_name_ja"] + "」の提供の根拠「" + basis_ja + "」が提供先の種別と合わない",
        "the basis '" + basis_en + "' does not fit the " + kind_en + " " + bad["partner_name_en"] + " receiving '" + bad["item_name_en"] + "'",
        "提供先の種別と根拠を確認し、本人同意・法27条1項各号の例外・委託・共同利用のいずれかに整理する",
        "classify the flow correctly: consent, an Art.27(1) exception, outsourcing or joint use",
    )  # fmt: skip


@rule(
    "APPI-27-2",
    article="個人情報保護法27条2項",
    article_en="APPI Art.27(2)",
    severity=Severity.medium,
    title_ja="オプトアウトによる提供には委員会への届出",
    title_en="opt-out provision needs notice and PPC filing",
)
def opt_out_flow(ctx: RuleContext) -> pd.DataFrame:
    f = ctx.flows
    bad = f[f["basis"].eq(Basis.opt_out) & ~f["item_special_care"].fillna(False)]
    if bad.empty:
        return none()
    return findings(
        "flows", bad["flow_id"],
        "「" + bad["item_name_ja"] + "」を" + bad["partner_name"] + "にオプトアウトで提供している",
        "'" + bad["item_name_en"] + "' is provided to " + bad["partner_name_en"] + " by opt-out",
        "個人情報保護委員会への届出と法27条2項各号の事項の公表を確認する。生協では通常オプトアウト提供は行わない",
        "check the PPC filing and the published Art.27(2) items; a co-op normally has no opt-out provision",
    )  # fmt: skip


@rule(
    "APPI-28",
    article="個人情報保護法28条1項",
    article_en="APPI Art.28(1)",
    severity=Severity.high,
    title_ja="外国にある第三者への提供の根拠",
    title_en="basis of a transfer to a party abroad",
)
def foreign_without_basis(ctx: RuleContext) -> pd.DataFrame:
    p = ctx.inv.partners
    used = isin(p["partner_id"], ctx.receiving_partners)
    bad = p[used & p["country"].ne("JP") & p["transfer_basis"].isna()]
    if bad.empty:
        return none()
    return findings(
        "partners", bad["partner_id"],
        bad["name"] + "は国外（" + bad["country"] + "）にあるが、外国提供の根拠が記録されていない",
        name_en(bad) + " is abroad (" + bad["country"] + ") and no basis of transfer is recorded",
        "本人同意（国名・制度・措置の情報提供付き）、同等水準国、基準適合体制のいずれかを確認し記録する。外的環境の把握（GL10-7）も行う",
        "record consent (with country, system and measures), an equivalent country or the PPC standards; assess the external environment (GL 10-7)",
    )  # fmt: skip


@rule(
    "APPI-29",
    article="個人情報保護法29条",
    article_en="APPI Art.29",
    severity=Severity.medium,
    title_ja="第三者提供に係る記録の作成",
    title_en="records of provision to third parties",
)
def provision_records(ctx: RuleContext) -> pd.DataFrame:
    f = ctx.flows
    bad = f[
        f["direction"].eq(Direction.out) & f["basis"].isin(RECORDED_BASES) & ~f["record_kept"].fillna(False)
    ]
    if bad.empty:
        return none()
    return findings(
        "flows", bad["flow_id"],
        bad["partner_name"] + "への「" + bad["item_name_ja"] + "」の提供記録が確認されていない",
        "no provision record confirmed for '" + bad["item_name_en"] + "' to " + bad["partner_name_en"],
        "提供年月日・提供先・本人・項目等を記録し、原則3年保存する（法29条、規則）",
        "record date, recipient, person and items, and keep the record (normally 3 years) (Art.29)",
    )  # fmt: skip


@rule(
    "APPI-30",
    article="個人情報保護法30条",
    article_en="APPI Art.30",
    severity=Severity.medium,
    title_ja="第三者からの受領時の確認・記録",
    title_en="checks and records on receipt from a third party",
)
def receipt_records(ctx: RuleContext) -> pd.DataFrame:
    f = ctx.flows
    bad = f[
        f["direction"].eq(Direction.in_) & f["basis"].isin(RECORDED_BASES) & ~f["record_kept"].fillna(False)
    ]
    if bad.empty:
        return none()
    return findings(
        "flows", bad["flow_id"],
        bad["partner_name"] + "から受領した「" + bad["item_name_ja"] + "」の取得経緯の確認記録がない",
        "no record of checking how " + bad["partner_name_en"] + " acquired '" + bad["item_name_en"] + "'",
        "提供者の氏名・住所・代表者と取得の経緯を確認し、記録を保存する（法30条）",
        "confirm the provider's name, address, representative and how it acquired the data; keep the record (Art.30)",
    )  # fmt: skip
