"""特定個人情報 (My Number): My Number Act Arts. 9, 10, 11 and 19."""

from __future__ import annotations

import pandas as pd

from ...frames import isin, list_values
from ...ledger.schema import Acquisition, Basis, ContractTerm, Direction, Exclusion, PartnerKind
from .base import (
    RuleContext,
    Severity,
    code_labels,
    column_label,
    findings,
    name_en,
    none,
    rule,
    value_source,
)
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
        basis_ja, basis_en = code_labels(bad["basis"], Basis)
        rows.append(findings(
            "flows", bad["flow_id"],
            "特定個人情報「" + bad["item_name_ja"] + "」を根拠「" + basis_ja + "」で" + bad["partner_name"] + "に提供している（同意があっても不可）",
            "My Number item '" + bad["item_name_en"] + "' goes to " + bad["partner_name_en"] + " on the basis '" + basis_en + "' (consent does not make it lawful)",
            "提供を停止する。番号法19条各号（個人番号関係事務・委託等）に当たる提供のみ行う",
            "stop the flow; provide My Numbers only in the cases Art.19 lists (My Number affairs, outsourcing)",
        ))  # fmt: skip
    rows.append(_my_numbers_in_arrangements(ctx))
    rows = [r for r in rows if len(r)]
    return pd.concat(rows, ignore_index=True) if rows else none()


def _my_numbers_in_arrangements(ctx: RuleContext) -> pd.DataFrame:
    """Joint use is not among the Art.19 cases: an arrangement may not cover 特定個人情報, whether it lists a
    My Number item or states "all items" without excluding My Numbers for every joint user."""
    items = ctx.inv.items
    my_items = items[items["my_number"].fillna(False).astype(bool)]
    if my_items.empty:
        return none()
    names = items.set_index("item_id")["name_ja"]
    excludes = ctx.inv.partners.set_index("partner_id")["excludes"].map(list_values)
    bad = []
    for a in ctx.arrangements:
        listed = [i for i in a.items if i in set(my_items["item_id"])]
        excluded_for_all = bool(a.members) and all(
            Exclusion.my_number in excludes.get(m, []) for m in a.members
        )
        if listed:
            what = "、".join(str(names.get(i, i)) for i in listed)
            bad.append((a.joint_use_id, f"特定個人情報（{what}）を共同利用の項目としている",
                        f"lists My Number items ({', '.join(listed)}) among its items"))  # fmt: skip
        elif a.all_items and not excluded_for_all:
            what = "、".join(my_items["name_ja"].astype("str"))
            bad.append((a.joint_use_id,
                        f"項目を「全ての項目」と公表しているが、特定個人情報（{what}）も保有しており、除外が明示されていない",
                        f"states 'all items' while My Numbers are held ({', '.join(my_items['item_id'])}) and not excluded"))  # fmt: skip
    if not bad:
        return none()
    ids = [b[0] for b in bad]
    return findings(
        "joint_uses", ids,
        [f"共同利用 {i}：{m}。特定個人情報は共同利用できない" for i, m, _ in bad],
        [f"joint use {i} {m}; My Numbers cannot be jointly used" for i, _, m in bad],
        "共同利用の項目から特定個人情報を除き、公表文で「特定個人情報を除く」と明示する（番号法19条）",
        "take My Numbers out of the arrangement and say so in the notice ('My Numbers excluded') (Art.19)",
        source=value_source(ctx.inv, "joint_uses", pd.Series(ids, dtype="str"), "items"),
    )  # fmt: skip


def _my_number_recipients(ctx: RuleContext) -> pd.DataFrame:
    """Outsourcees and sub-outsourcees that receive My Number items, with what they receive."""
    f = ctx.flows
    mn = f[f["item_my_number"].fillna(False).astype(bool) & f["direction"].eq(Direction.out)]
    p = ctx.inv.partners
    return p[
        p["kind"].isin([PartnerKind.outsourcee, PartnerKind.sub_outsourcee])
        & isin(p["partner_id"], mn["partner_id"])
    ]


@rule(
    "MN-10",
    article="番号法10条",
    article_en="My Number Act Art.10",
    severity=Severity.high,
    title_ja="個人番号関係事務の再委託は最初の委託者の許諾による",
    title_en="sub-contracting of My Number affairs only with the original entruster's permission",
)
def my_number_subcontracting(ctx: RuleContext) -> pd.DataFrame:
    p = _my_number_recipients(ctx)
    sub = p["kind"].eq(PartnerKind.sub_outsourcee) | p["parent_partner_id"].notna()
    # the co-op re-entrusting My Number affairs it was itself entrusted with: the entrusting co-op must permit
    f = ctx.flows
    acquisition = f["item_id"].map(ctx.inv.items.set_index("item_id")["acquisition"])
    entrusted = f[f["item_my_number"].fillna(False).astype(bool) & acquisition.eq(Acquisition.entrusted)]
    re_entrusted = isin(p["partner_id"], entrusted["partner_id"])
    bad = p[(sub | re_entrusted) & p["subcontract_permitted_on"].isna()]
    if bad.empty:
        return none()
    label_ja, label_en = column_label("partners", "subcontract_permitted_on")
    return findings(
        "partners", bad["partner_id"],
        "再委託先「" + bad["name"].astype("str") + "」が特定個人情報を取り扱うが、最初の委託者の許諾が記録されていない",
        "sub-outsourcee '" + name_en(bad) + "' handles My Numbers with no permission of the original entruster recorded",
        f"再委託の前に最初の委託者の許諾を書面で得て、{label_ja}に記録する（番号法10条1項）。許諾がなければ再委託をやめる",
        f"obtain the original entruster's written permission before sub-contracting and record it in {label_en} (Art.10(1)); without it, end the sub-contracting",
        source=value_source(ctx.inv, "partners", bad["partner_id"], "subcontract_permitted_on"),
    )  # fmt: skip


@rule(
    "MN-11",
    article="番号法11条",
    article_en="My Number Act Art.11",
    severity=Severity.high,
    title_ja="特定個人情報の委託先の監督（選定・契約・取扱状況の把握）",
    title_en="supervision of outsourcees handling My Numbers (selection, contract, oversight)",
)
def my_number_supervision(ctx: RuleContext) -> pd.DataFrame:
    p = _my_number_recipients(ctx)
    if p.empty:
        return none()
    months = ctx.months_since(p["last_inspection"])
    gaps_ja: dict[str, list[str]] = {}
    gaps_en: dict[str, list[str]] = {}
    for pid, contract, covers, m in zip(
        p["partner_id"], p["contract_date"], p["contract_covers"], months, strict=True
    ):
        ja, en = gaps_ja.setdefault(pid, []), gaps_en.setdefault(pid, [])
        if pd.isna(contract):
            ja.append("委託契約の記録がない")
            en.append("no contract recorded")
        else:
            missing = [t for t in ContractTerm if t not in list_values(covers)]
            if missing:
                ja.append("契約に定めがない事項：" + "・".join(t.ja for t in missing))
                en.append("the contract lacks: " + ", ".join(t.en for t in missing))
        if pd.isna(m):
            ja.append("取扱状況の把握（点検）の記録がない")
            en.append("no inspection recorded")
        elif m >= ctx.inspection_interval_months:
            ja.append(f"直近の点検が{int(m)}か月前")
            en.append(f"last inspected {int(m)} months ago")
    bad = p[p["partner_id"].map(lambda i: bool(gaps_ja[i])).astype(bool)]
    if bad.empty:
        return none()
    return findings(
        "partners", bad["partner_id"],
        "特定個人情報の委託先「" + bad["name"].astype("str") + "」：" + bad["partner_id"].map(lambda i: "、".join(gaps_ja[i])),
        "outsourcee '" + name_en(bad) + "' handling My Numbers: " + bad["partner_id"].map(lambda i: "; ".join(gaps_en[i])),
        "自らと同等の安全管理措置が講じられるよう、委託契約（安全管理措置・再委託の条件・漏えい等の報告・実地調査・返却又は廃棄）を整え、取扱状況を定期的に把握する（番号法11条、特定個人情報GL）",
        "see that the outsourcee keeps measures equal to your own: a contract with safety measures, sub-contracting conditions, incident reporting, inspection and return or deletion, and regular oversight (Art.11; My Number GL)",
    )  # fmt: skip


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
    uses = inv.uses.merge(inv.items[["item_id", "name_ja", "name_en", "my_number"]], on="item_id").merge(
        inv.purposes[["purpose_id", "text_ja", "my_number_affairs"]], on="purpose_id"
    )
    bad = uses[uses["my_number"].fillna(False) & ~uses["my_number_affairs"].fillna(False)]
    if bad.empty:
        return none()
    return findings(
        "uses", bad["item_id"] + ":" + bad["purpose_id"],
        "特定個人情報「" + bad["name_ja"] + "」を個人番号関係事務でない目的「" + bad["text_ja"] + "」に利用している",
        "My Number item '" + name_en(bad, "name_ja") + "' is used for '" + name_en(bad, "text_ja", "text_en") + "', not a My Number affair",
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
