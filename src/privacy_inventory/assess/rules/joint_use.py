"""Joint use (共同利用): the notice items of APPI Art.27(5)(iii), in force since 2022-04-01."""

from __future__ import annotations

import pandas as pd

from ...ledger.schema import Basis, PurposeKind
from .base import RuleContext, Severity, findings, none, rule

MANAGER_FIELDS = {
    "name": ("氏名又は名称", "name"),
    "address": ("住所", "address"),
    "representative": ("代表者の氏名", "representative's name"),
}


@rule(
    "APPI-27-5-iii",
    article="個人情報保護法27条5項3号",
    article_en="APPI Art.27(5)(iii)",
    severity=Severity.high,
    title_ja="共同利用の通知・公表事項",
    title_en="joint use: items, users, purposes and the manager stated",
)
def joint_use_notice(ctx: RuleContext) -> pd.DataFrame:
    inv = ctx.inv
    f = ctx.flows
    ju = f[f["basis"].eq(Basis.joint_use)]
    if ju.empty:
        return none()
    rows = []
    for key, (ja, en) in MANAGER_FIELDS.items():
        if not inv.org(f"joint_use_manager.{key}"):
            rows.append(findings(
                "organisation", f"joint_use_manager.{key}",
                f"共同利用の管理責任者の{ja}が記載されていない（2022年4月施行の改正で住所と代表者が必要）",
                f"the joint-use manager's {en} is not stated (address and representative required since 2022-04-01)",
                f"公表文と organisation.yaml に管理責任者の{ja}を記載する（法27条5項3号）",
                f"state the manager's {en} in the published notice and organisation.yaml (Art.27(5)(iii))",
            ))  # fmt: skip
    no_group = ju[ju["partner_joint_use_group"].isna()]["partner_id"].drop_duplicates()
    if len(no_group):
        names = inv.partners.set_index("partner_id").loc[no_group, "name"]
        rows.append(findings(
            "partners", no_group,
            "共同利用者「" + names.to_numpy() + "」がどの共同利用の範囲に属するか記録されていない",
            "joint user '" + names.to_numpy() + "' belongs to no stated joint-use group",
            "partners.csv の joint_use_group に共同利用者の範囲を記録し、公表する",
            "record the joint-use group (the published scope of joint users)",
            severity=Severity.medium,
        ))  # fmt: skip
    purposes = inv.purposes[inv.purposes["kind"].eq(PurposeKind.joint_use)]
    groups = ju["partner_joint_use_group"].dropna().unique()
    missing = [g for g in groups if not purposes["joint_use_group"].eq(g).any()]
    if missing:
        rows.append(findings(
            "joint_use_group", missing,
            [f"共同利用者{g}の利用目的が公表されていない" for g in missing],
            [f"no published purpose for joint-use group {g}" for g in missing],
            "purposes.csv に当該グループの共同利用の目的を登録し、公表する",
            "add and publish the group's joint-use purposes",
            severity=Severity.medium,
        ))  # fmt: skip
    pur_group = ju["purpose_id"].map(purposes.set_index("purpose_id")["joint_use_group"])
    wrong = ju[
        ju["partner_joint_use_group"].notna() & pur_group.ne(ju["partner_joint_use_group"]).fillna(True)
    ]
    if len(wrong):
        rows.append(findings(
            "flows", wrong["flow_id"],
            "共同利用の提供 " + wrong["flow_id"] + " の目的 " + wrong["purpose_id"].fillna("（なし）") + " は共同利用者" + wrong["partner_joint_use_group"] + "の公表された目的でない",
            "joint-use flow " + wrong["flow_id"] + " uses purpose " + wrong["purpose_id"].fillna("(none)") + ", not a published purpose of group " + wrong["partner_joint_use_group"],
            "共同利用の目的として公表した範囲内の目的に限る（法27条5項3号、GL通則3-6-3）",
            "limit joint use to the purposes published for the group (Art.27(5)(iii); GL 3-6-3)",
            severity=Severity.medium,
        ))  # fmt: skip
    return pd.concat(rows, ignore_index=True) if rows else none()
