"""Joint use (共同利用): the notice items of APPI Art.27(5)(iii) per arrangement, in force since 2022-04-01.

The statute (27(5)(iii)) asks that, before the data is provided, the person be told or able to easily know:
① that the data is jointly used, ② the items jointly used, ③ the scope of the joint users, ④ the users'
purposes of use, and ⑤ the name and address of the person responsible for managing the data and, for a
legal person, its representative's name (address and representative added by the 2020 amendment, in force
2022-04-01). PPC GL (通則編) 3-6-3 reads the scope as needing to let the person tell who is included, and
"あらかじめ" as before joint use starts. Each arrangement is one row of joint_uses.csv (assess/arrangements.py).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...frames import isin
from ...ledger.schema import Basis, Direction, Exclusion, PurposeKind
from ..arrangements import Arrangement, Party
from .base import (
    RuleContext,
    Severity,
    column_label,
    findings,
    none,
    org_label,
    org_source,
    rule,
    value_source,
)

ARTICLE = "個人情報保護法27条5項3号"
ARTICLE_EN = "APPI Art.27(5)(iii)"
SEP_JA, SEP_EN = "・", ", "


def _ids(arrs: list[Arrangement]) -> tuple[str, str]:
    ids = [a.joint_use_id for a in arrs]
    return SEP_JA.join(ids), SEP_EN.join(ids)


def _concat(rows: list[pd.DataFrame]) -> pd.DataFrame:
    return pd.concat(rows, ignore_index=True) if rows else none()


def _source(ctx: RuleContext, ids: list[str], column: str) -> pd.Series:
    return value_source(ctx.inv, "joint_uses", pd.Series(ids, dtype="str"), column)


def _per_arrangement(
    ctx: RuleContext, bad: list[tuple[str, str, str]], fix_ja: str, fix_en: str, column: str
) -> pd.DataFrame:
    """One finding per arrangement from (joint_use_id, what is wrong in Japanese, in English)."""
    if not bad:
        return none()
    ids = [b[0] for b in bad]
    return findings(
        "joint_uses", ids,
        [f"共同利用 {i}：{m}" for i, m, _ in bad], [f"joint use {i}: {m}" for i, _, m in bad],
        fix_ja, fix_en, source=_source(ctx, ids, column),
    )  # fmt: skip


# --- ⑤ the manager --------------------------------------------------------------------------------------

MANAGER_FIELDS = {  # field → (ja, en, organisation field, partners column)
    "name": ("氏名又は名称", "name", "name", "name"),
    "address": ("住所", "address", "address", "address"),
    "representative": ("代表者の氏名", "representative's name", "representative", "representative"),
}


def _where(p: Party, key: str) -> tuple[str, str]:
    """Where the missing value is kept in the ledger, as a person names it."""
    _, _, org_field, partner_col = MANAGER_FIELDS[key]
    if p.is_self:
        return org_label(org_field)
    ja, en = column_label("partners", partner_col)
    return f"{ja}（{p.ident}）", f"{en} ({p.ident})"


@rule(
    "APPI-27-5-iii",
    article=ARTICLE,
    article_en=ARTICLE_EN,
    severity=Severity.high,
    title_ja="共同利用の管理責任者の氏名又は名称・住所・代表者",
    title_en="joint-use manager's name, address and (legal person) representative stated",
)
def manager_details(ctx: RuleContext) -> pd.DataFrame:
    by_party: dict[str, tuple[Party, list[Arrangement]]] = {}
    for a in ctx.arrangements:
        if a.manager is not None and a.manager.table != "unknown":
            by_party.setdefault(a.manager.ref, (a.manager, []))[1].append(a)
    rows = []
    for p, arrs in by_party.values():
        ids_ja, ids_en = _ids(arrs)
        who = p.label("ja")
        for key, (ja, en, org_field, col) in MANAGER_FIELDS.items():
            if getattr(p, key):
                continue
            severity = Severity.high
            note_ja = "（2022年4月施行の改正で住所と、法人にあっては代表者の氏名が必要）"
            note_en = " (the address and a legal person's representative are required since 2022-04-01)"
            if key == "representative":
                if p.needs_representative is False:
                    continue  # an individual or a public body: no representative is asked for
                if p.needs_representative is None:
                    severity = Severity.medium
                    note_ja = "（法人・団体の別が記録されていないため、代表者の氏名が必要か判断できない）"
                    note_en = " (its entity type is not recorded, so whether a representative is required is unknown)"
            where_ja, where_en = _where(p, key)
            subject = (org_field,) if p.is_self else (f"{p.ident}:{col}",)
            source = org_source(ctx.inv, org_field) if p.is_self else value_source(
                ctx.inv, "partners", pd.Series([p.ident], dtype="str"), col).iloc[0]  # fmt: skip
            rows.append(findings(
                "organisation" if p.is_self else "partners", list(subject),
                f"共同利用（{ids_ja}）の管理責任者「{who}」の{ja}が記載されていない{note_ja}",
                f"the {en} of the joint-use manager '{p.label('en')}' (arrangements {ids_en}) is not stated{note_en}",
                f"{where_ja}を記録し、共同利用の公表文に管理責任者の{ja}として記載する（法27条5項3号）",
                f"record {where_en} and state it as the manager's {en} in the joint-use notice (Art.27(5)(iii))",
                severity=severity, source=source,
            ))  # fmt: skip
    return _concat(rows)


@rule(
    "APPI-27-5-iii-manager",
    article=ARTICLE,
    article_en=ARTICLE_EN,
    severity=Severity.high,
    title_ja="共同利用の管理責任者が特定された一者であること",
    title_en="the joint-use manager is one identifiable party",
)
def manager_identifiable(ctx: RuleContext) -> pd.DataFrame:
    bad: list[tuple[str, str, str]] = []
    for a in ctx.arrangements:
        names = SEP_JA.join(p.label("ja") for p in a.managers)
        names_en = SEP_EN.join(p.label("en") for p in a.managers)
        if not a.managers and not a.manager_category:
            bad.append((a.joint_use_id, "管理責任者が記録されていない", "no manager is recorded"))
        elif a.manager_category:
            who = (names + "及び" if names else "") + f"「{a.manager_category}」"
            who_en = (names_en + " and " if names_en else "") + f"'{a.manager_category}'"
            bad.append((a.joint_use_id, f"管理責任者が{who}と区分で記載され、責任を負う一者が特定できない",
                        f"the manager is given as {who_en}, a group, not one responsible party"))  # fmt: skip
        elif len(a.managers) > 1:
            bad.append((a.joint_use_id, f"管理責任者が複数（{names}）記載されている",
                        f"several managers are named ({names_en})"))  # fmt: skip
        elif a.manager is not None and a.manager.table == "unknown":
            bad.append((a.joint_use_id, f"管理責任者「{a.manager.ref}」が台帳の提供先にない",
                        f"the manager '{a.manager.ref}' is not a partner of the ledger"))  # fmt: skip
        elif (
            a.manager is not None
            and a.manager.entity_type == "unincorporated"
            and not a.manager.representative
        ):
            bad.append((a.joint_use_id,
                        f"管理責任者「{names}」は代表者又は管理人の定めが記録されていない法人でない団体で、責任を負う者が特定できない",
                        f"the manager '{names_en}' is a group that is not a legal person with no representative or administrator recorded"))  # fmt: skip
    return _per_arrangement(
        ctx, bad,
        "管理について責任を有する者を一者（自組織又は特定の共同利用者）に定め、その氏名又は名称・住所・代表者を公表する（法27条5項3号、GL通則3-6-3）",
        "name one responsible party (this organisation or one named joint user) and publish its name, address and representative (Art.27(5)(iii); GL 3-6-3)",
        "manager",
    )  # fmt: skip


@rule(
    "APPI-27-5-iii-manager-role",
    article=ARTICLE,
    article_en=ARTICLE_EN,
    severity=Severity.medium,
    title_ja="管理責任者は自組織又は当該共同利用の共同利用者",
    title_en="the manager is this organisation or one of the arrangement's joint users",
)
def manager_role(ctx: RuleContext) -> pd.DataFrame:
    bad = []
    for a in ctx.arrangements:
        m = a.manager
        if m is None or m.is_self or m.table != "partners" or m.ident in a.members:
            continue
        bad.append((a.joint_use_id, m))
    if not bad:
        return none()
    ids = [i for i, _ in bad]
    return findings(
        "joint_uses", ids,
        [f"共同利用 {i} の管理責任者「{m.label('ja')}」は自組織でも、この共同利用の共同利用者でもない" for i, m in bad],
        [f"the manager '{m.label('en')}' of joint use {i} is neither this organisation nor one of its joint users" for i, m in bad],
        "管理責任者を共同利用者の範囲に含めるか、自組織又は共同利用者の一者を管理責任者とする（法27条5項3号）",
        "include the manager among the arrangement's joint users, or make this organisation or a joint user the manager (Art.27(5)(iii))",
        source=_source(ctx, ids, "manager"),
    )  # fmt: skip


# --- ② items, ③ scope, ④ purposes ------------------------------------------------------------------------


@rule(
    "APPI-27-5-iii-items",
    article=ARTICLE,
    article_en=ARTICLE_EN,
    severity=Severity.high,
    title_ja="共同して利用される個人データの項目の特定",
    title_en="the items jointly used are specified",
)
def items_specified(ctx: RuleContext) -> pd.DataFrame:
    bad = []
    for a in ctx.arrangements:
        if a.items:
            continue
        if a.all_items:
            bad.append((a.joint_use_id, "項目が「全ての項目」としか記載されておらず、特定されていない",
                        "the items are stated only as 'all items', which does not specify them"))  # fmt: skip
        else:
            bad.append((a.joint_use_id, "共同して利用される個人データの項目が記載されていない",
                        "the items jointly used are not stated"))  # fmt: skip
    return _per_arrangement(
        ctx, bad,
        "氏名・住所・購買履歴など、共同して利用する項目を具体的に列挙して公表する（法27条5項3号、GL通則3-6-3）",
        "list the items jointly used concretely (name, address, purchase history, …) in the notice (Art.27(5)(iii); GL 3-6-3)",
        "items",
    )  # fmt: skip


@rule(
    "APPI-27-5-iii-scope",
    article=ARTICLE,
    article_en=ARTICLE_EN,
    severity=Severity.medium,
    title_ja="共同して利用する者の範囲（本人が判断できる程度に明確に）",
    title_en="the scope of joint users lets the person tell who is included",
)
def scope_named(ctx: RuleContext) -> pd.DataFrame:
    rows = []
    for a in ctx.arrangements:
        if a.members:
            continue
        if a.categories:
            cats = SEP_JA.join(a.categories)
            rows.append(findings(
                "joint_uses", [a.joint_use_id],
                f"共同利用 {a.joint_use_id} の共同利用者が「{cats}」と区分でしか記載されておらず、個別の事業者名がない",
                f"the joint users of {a.joint_use_id} are described only as '{SEP_EN.join(a.categories)}', naming no business operator",
                "共同利用者を名称で列挙するか、区分に当たる事業者の一覧を本人が容易に知り得る状態に置く（GL通則3-6-3）",
                "name the joint users, or make a list of the operators in that category easily knowable (GL 3-6-3)",
                source=_source(ctx, [a.joint_use_id], "members"),
            ))  # fmt: skip
        else:
            rows.append(findings(
                "joint_uses", [a.joint_use_id],
                f"共同利用 {a.joint_use_id} の共同して利用する者の範囲が記載されていない",
                f"the scope of joint users of {a.joint_use_id} is not stated",
                "共同して利用する者を名称又は本人が判断できる区分で公表する（法27条5項3号）",
                "publish the joint users by name, or by a category the person can tell (Art.27(5)(iii))",
                severity=Severity.high, source=_source(ctx, [a.joint_use_id], "members"),
            ))  # fmt: skip
    return _concat(rows)


@rule(
    "APPI-27-5-iii-purposes",
    article=ARTICLE,
    article_en=ARTICLE_EN,
    severity=Severity.high,
    title_ja="利用する者の利用目的",
    title_en="the joint users' purposes of use stated",
)
def purposes_stated(ctx: RuleContext) -> pd.DataFrame:
    own = ctx.inv.purposes[ctx.inv.purposes["kind"].eq(PurposeKind.own)]
    rows = []
    for a in ctx.arrangements:
        i = a.joint_use_id
        if a.purposes_by_reference and len(own):
            rows.append(findings(
                "joint_uses", [i],
                f"共同利用 {i} の利用目的は自組織の利用目的（{len(own)}件）を参照して記載されている（列挙ではない）",
                f"the purposes of joint use {i} are stated by reference to this organisation's own {len(own)} purposes (not listed)",
                "参照先の利用目的が共同利用者の利用目的として本人に分かるよう、公表文で参照関係を明示する",
                "make the reference explicit in the notice, so the person can see those are the joint users' purposes",
                severity=Severity.info, source=_source(ctx, [i], "purposes"),
            ))  # fmt: skip
        elif a.purposes_by_reference or not a.purposes:
            why_ja = (
                "参照先の自組織の利用目的が公表されていない"
                if a.purposes_by_reference
                else "記載されていない"
            )
            why_en = (
                "refer to own purposes that are not published"
                if a.purposes_by_reference
                else "are not stated"
            )
            rows.append(findings(
                "joint_uses", [i],
                f"共同利用 {i} の利用する者の利用目的が{why_ja}",
                f"the joint users' purposes of joint use {i} {why_en}",
                "共同利用者の利用目的を全て公表する（法27条5項3号）",
                "publish every purpose for which the joint users use the data (Art.27(5)(iii))",
                source=_source(ctx, [i], "purposes"),
            ))  # fmt: skip
    return _concat(rows)


# --- flows against their arrangement -----------------------------------------------------------------------


def _pairs(arrs: list[Arrangement], attr: str) -> pd.MultiIndex:
    rows = [(a.joint_use_id, v) for a in arrs for v in getattr(a, attr)]
    return pd.MultiIndex.from_tuples(rows, names=["j", "v"]) if rows else pd.MultiIndex.from_arrays([[], []])


@rule(
    "APPI-27-5-iii-flows",
    article=ARTICLE,
    article_en=ARTICLE_EN,
    severity=Severity.high,
    title_ja="共同利用の提供は公表した範囲・項目・利用目的の内",
    title_en="joint-use flows stay within the published scope, items and purposes",
)
def flows_within(ctx: RuleContext) -> pd.DataFrame:
    f = ctx.flows
    ju = f[f["basis"].eq(Basis.joint_use) & f["direction"].eq(Direction.out)]
    if ju.empty:
        return none()
    arrs = ctx.arrangements
    by_id = {a.joint_use_id: a for a in arrs}
    jid = ju["joint_use_id"].astype("str")
    known = jid.isin(list(by_id)).fillna(False).to_numpy(dtype=bool)

    def flag(values: dict[str, bool]) -> pd.Series:
        return jid.map(values).astype(object).fillna(False).astype(bool)

    with_categories = flag({a.joint_use_id: bool(a.categories) for a in arrs})
    listed_items = flag({a.joint_use_id: not a.all_items for a in arrs})
    by_reference = flag({a.joint_use_id: a.purposes_by_reference for a in arrs})

    def within(attr: str, values: pd.Series) -> np.ndarray:
        keys = pd.MultiIndex.from_arrays(
            [jid.fillna("").to_numpy(), values.astype("str").fillna("").to_numpy()]
        )
        return keys.isin(_pairs(arrs, attr))

    own = ctx.inv.purposes.loc[ctx.inv.purposes["kind"].eq(PurposeKind.own), "purpose_id"]
    purpose_ok = np.where(
        by_reference.to_numpy(), isin(ju["purpose_id"], own).to_numpy(), within("purposes", ju["purpose_id"])
    )
    no_arrangement = ~known
    outside_scope = known & ~within("members", ju["partner_id"]) & ~with_categories.to_numpy()
    outside_items = known & listed_items.to_numpy() & ~within("items", ju["item_id"])
    outside_purpose = known & ~purpose_ok
    hit = no_arrangement | outside_scope | outside_items | outside_purpose
    if not hit.any():
        return none()
    b = ju[hit]
    nm, os_, oi, op = (m[hit] for m in (no_arrangement, outside_scope, outside_items, outside_purpose))
    j = b["joint_use_id"].astype("str").fillna("")
    parts_ja = [
        np.where(nm, "どの共同利用（共同利用ID）によるか記録されていない", ""),
        np.where(os_, "提供先「" + b["partner_name"].astype("str") + "」が共同利用 " + j + " の共同利用者の範囲にない", ""),
        np.where(oi, "項目「" + b["item_name_ja"].astype("str") + "」が共同利用 " + j + " の項目にない", ""),
        np.where(op, "利用目的 " + b["purpose_id"].astype("str").fillna("（なし）") + " が共同利用 " + j + " の利用目的にない", ""),
    ]  # fmt: skip
    parts_en = [
        np.where(nm, "names no joint-use arrangement", ""),
        np.where(os_, "goes to '" + b["partner_name_en"] + "', outside the joint users of " + j, ""),
        np.where(oi, "carries '" + b["item_name_en"] + "', not an item of " + j, ""),
        np.where(op, "is for purpose " + b["purpose_id"].astype("str").fillna("(none)") + ", not a purpose of " + j, ""),
    ]  # fmt: skip
    ja = ["、".join(p for p in ps if p) for ps in zip(*parts_ja, strict=True)]
    en = ["; ".join(p for p in ps if p) for ps in zip(*parts_en, strict=True)]
    severity = np.where(os_ | oi, Severity.high, Severity.medium)
    label_ja, label_en = column_label("flows", "joint_use_id")
    return findings(
        "flows", b["flow_id"],
        ["共同利用の提供 " + i + "：" + m for i, m in zip(b["flow_id"], ja, strict=True)],
        ["joint-use flow " + i + " " + m for i, m in zip(b["flow_id"], en, strict=True)],
        f"{label_ja}を記録し、公表した共同利用者・項目・利用目的の範囲内に限って提供する。範囲を広げるなら事前に公表し直す（法27条5項3号、GL通則3-6-3）",
        f"record {label_en}, and provide only to the published joint users, items and purposes; widen them only after a new notice (Art.27(5)(iii); GL 3-6-3)",
        severity=pd.Series(severity, dtype="str"),
    )  # fmt: skip


@rule(
    "APPI-27-5-iii-timing",
    article=ARTICLE,
    article_en=ARTICLE_EN,
    severity=Severity.high,
    title_ja="共同利用の開始前（あらかじめ）の通知・公表",
    title_en="notice given before joint use starts",
)
def notice_before_start(ctx: RuleContext) -> pd.DataFrame:
    f = ctx.inv.flows
    ju = f[f["basis"].eq(Basis.joint_use) & f["joint_use_id"].notna()]
    first_flow = (
        ju.groupby("joint_use_id")["start_date"].min() if len(ju) else pd.Series(dtype="datetime64[ns]")
    )
    rows = []
    for a in ctx.arrangements:
        i = a.joint_use_id
        starts = [d for d in (a.start_date, first_flow.get(i)) if d is not None and not pd.isna(d)]
        first = min(starts) if starts else None
        if a.notice_date is None:
            rows.append(findings(
                "joint_uses", [i],
                f"共同利用 {i} の通知・公表日が記録されていない（開始前に通知・公表したことを示せない）",
                f"no notice date is recorded for joint use {i} (it cannot be shown the notice came before it started)",
                f"{column_label('joint_uses', 'notice_date')[0]}を記録する（法27条5項3号「あらかじめ」）",
                f"record {column_label('joint_uses', 'notice_date')[1]} (Art.27(5)(iii): 'in advance')",
                severity=Severity.low, source=_source(ctx, [i], "notice_date"),
            ))  # fmt: skip
        elif first is not None and first < a.notice_date:
            rows.append(findings(
                "joint_uses", [i],
                f"共同利用 {i} は{first.date()}に始まったが、通知・公表は{a.notice_date.date()}で、開始後になっている",
                f"joint use {i} started on {first.date()} but was notified or published only on {a.notice_date.date()}",
                "通知・公表の前の提供は本人同意のない第三者提供となりうる。提供の経緯を確認し、必要なら同意を得る（法27条1項・5項3号）",
                "provision before the notice may be third-party provision without consent: review it and obtain consent where needed (Art.27(1), (5)(iii))",
                source=_source(ctx, [i], "notice_date"),
            ))  # fmt: skip
    return _concat(rows)


@rule(
    "APPI-27-5-iii-exclusion",
    article=ARTICLE,
    article_en=ARTICLE_EN,
    severity=Severity.high,
    title_ja="共同利用者ごとに除くと公表した情報の提供",
    title_en="no joint-use flow of what the notice excludes for that joint user",
)
def published_exclusion(ctx: RuleContext) -> pd.DataFrame:
    f = ctx.flows
    ju = f[f["basis"].eq(Basis.joint_use) & f["direction"].eq(Direction.out) & f["partner_excludes"].notna()]
    if ju.empty:
        return none()
    excl = ju["partner_excludes"].astype("str")
    special = excl.str.contains(Exclusion.special_care, regex=False) & ju["item_special_care"].fillna(
        False
    ).astype(bool)
    my_number = excl.str.contains(Exclusion.my_number, regex=False) & ju["item_my_number"].fillna(
        False
    ).astype(bool)
    bad = ju[special | my_number]
    if bad.empty:
        return none()
    what_ja = np.where(special[bad.index], Exclusion.special_care.ja, Exclusion.my_number.ja)
    what_en = np.where(special[bad.index], Exclusion.special_care.en, Exclusion.my_number.en)
    return findings(
        "flows", bad["flow_id"],
        "「" + bad["item_name_ja"].astype("str") + "」を共同利用で" + bad["partner_name"].astype("str") + "に提供しているが、公表文はこの共同利用者について「" + what_ja + "」としている",
        "'" + bad["item_name_en"] + "' goes to " + bad["partner_name_en"] + " by joint use, though the notice says for this joint user: '" + what_en + "'",
        "この提供を停止するか、本人同意など別の根拠によるものに改める。公表文と実際の提供を一致させる（法27条5項3号・27条1項）",
        "stop the flow or base it on consent or another basis; make the notice and the practice agree (Art.27(5)(iii), 27(1))",
    )  # fmt: skip
