"""特定個人情報 (My Number): My Number Act Arts. 9 and 19."""

from __future__ import annotations

import pandas as pd

from ...ledger.schema import Basis, Direction
from .base import RuleContext, Severity, findings, none, rule
from .breach import about, about_en, overdue_steps

ALLOWED_BASES = (Basis.my_number_19, Basis.outsourcing)  # Art.19 lists provision for 関係事務 and 委託


@rule(
    "MN-19",
    article="番号法19条",
    article_en="My Number Act Art.19",
    severity=Severity.high,
    title_ja="特定個人情報の提供は19条各号の場合に限る",
    title_en="My Numbers provided only in the Art.19 cases",
)
def my_number_provision(ctx: RuleContext) -> pd.DataFrame:
    f = ctx.flows
    bad = f[
        f["item_my_number"].fillna(False) & f["direction"].eq(Direction.out) & ~f["basis"].isin(ALLOWED_BASES)
    ]
    rows = []
    if len(bad):
        rows.append(findings(
            "flows", bad["flow_id"],
            "特定個人情報「" + bad["item_name_ja"] + "」を根拠「" + bad["basis"] + "」で" + bad["partner_name"] + "に提供している（同意があっても不可）",
            "My Number item '" + bad["item_name_ja"] + "' goes to " + bad["partner_name"] + " on basis '" + bad["basis"] + "' (consent does not make it lawful)",
            "提供を停止する。番号法19条各号（個人番号関係事務・委託等）に当たる提供のみ行う",
            "stop the flow; provide My Numbers only in the cases Art.19 lists (My Number affairs, outsourcing)",
        ))  # fmt: skip
    my_items = ctx.inv.items[ctx.inv.items["my_number"].fillna(False)]
    if ctx.inv.org("joint_use_all_items") is True and len(my_items):
        rows.append(findings(
            "organisation", "joint_use_all_items",
            "方針は「取得した個人情報の全ての項目」を共同利用するとしているが、特定個人情報（" + "、".join(my_items["name_ja"]) + "）も保有している。特定個人情報は共同利用できない",
            "the policy says every item acquired is jointly used, yet My Numbers are held (" + ", ".join(my_items["item_id"]) + "); My Numbers cannot be jointly used",
            "基本方針3の共同利用の範囲から特定個人情報を明示的に除外する（番号法19条）",
            "exclude My Numbers from the joint-use statement in the policy (point 3) explicitly (Art.19)",
        ))  # fmt: skip
    return pd.concat(rows, ignore_index=True) if rows else none()


@rule(
    "MN-9",
    article="番号法9条",
    article_en="My Number Act Art.9",
    severity=Severity.high,
    title_ja="個人番号は個人番号関係事務に限って利用",
    title_en="My Numbers used only for My Number affairs",
)
def my_number_use(ctx: RuleContext) -> pd.DataFrame:
    inv = ctx.inv
    uses = inv.uses.merge(inv.items[["item_id", "name_ja", "my_number"]], on="item_id").merge(
        inv.purposes[["purpose_id", "text_ja", "my_number_affairs"]], on="purpose_id"
    )
    bad = uses[uses["my_number"].fillna(False) & ~uses["my_number_affairs"].fillna(False)]
    if bad.empty:
        return none()
    return findings(
        "uses", bad["item_id"] + ":" + bad["purpose_id"],
        "特定個人情報「" + bad["name_ja"] + "」を個人番号関係事務でない目的「" + bad["text_ja"] + "」に利用している",
        "My Number item '" + bad["name_ja"] + "' is used for '" + bad["text_ja"] + "', not a My Number affair",
        "個人番号関係事務（源泉徴収・社会保険等）以外の利用をやめる（番号法9条・29条）",
        "stop any use outside My Number affairs such as withholding tax and social insurance (Art.9, 29)",
    )  # fmt: skip


@rule(
    "MN-29-4",
    article="番号法29条の4第1項・特定個人情報漏えい等報告規則3条",
    article_en="My Number Act Art.29-4(1); My Number breach rules Art.3",
    severity=Severity.high,
    title_ja="特定個人情報の漏えい等報告（速報・確報）を期限までに",
    title_en="My Number breach reports made by their dates",
)
def my_number_report_overdue(ctx: RuleContext) -> pd.DataFrame:
    rows, ja, en, worst = overdue_steps(ctx, ("mn_preliminary", "mn_final"))
    if rows.empty:
        return none()
    return findings(
        "incidents", rows["incident_id"],
        about(rows) + "：" + pd.Series(ja, index=rows.index) + "が未提出のまま期限を過ぎている（特定個人情報）",
        about_en(rows) + ": " + pd.Series(en, index=rows.index) + " not sent and past its date (My Number data)",
        "直ちに個人情報保護委員会へ番号法29条の4の報告をし、提出日を漏えい等事案の記録に記入する（日数は規則3条で要確認）",
        "make the My Number Act Art.29-4 report to the PPC now and enter the date in the incident register (verify the days in the rules' Art.3)",
        severity=pd.Series(worst, index=rows.index),
    )  # fmt: skip
