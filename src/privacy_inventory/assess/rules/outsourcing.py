"""Supervision of outsourcees (委託先の監督): APPI Art.25 and PPC GL 3-4-4; My Number Act Art.11."""

from __future__ import annotations

import pandas as pd

from ...frames import isin, list_values
from ...ledger.schema import ContractTerm, PartnerKind, Subcontracting
from .base import RuleContext, Severity, column_label, findings, name_en, none, rule, value_source

SUPERVISED = (PartnerKind.outsourcee, PartnerKind.sub_outsourcee)


def _outsourcees(ctx: RuleContext) -> pd.DataFrame:
    """Outsourcees that actually receive personal data."""
    p = ctx.inv.partners
    return p[p["kind"].isin(SUPERVISED) & isin(p["partner_id"], ctx.receiving_partners)]


@rule(
    "APPI-25-contract",
    article="個人情報保護法25条",
    article_en="APPI Art.25",
    severity=Severity.high,
    title_ja="委託先との契約締結",
    title_en="a contract with every outsourcee",
)
def no_contract(ctx: RuleContext) -> pd.DataFrame:
    bad = _outsourcees(ctx)
    bad = bad[bad["contract_date"].isna()]
    if bad.empty:
        return none()
    return findings(
        "partners", bad["partner_id"],
        "委託先「" + bad["name"] + "」との委託契約が記録されていない",
        "no contract recorded with outsourcee '" + name_en(bad) + "'",
        "安全管理措置・再委託の条件・報告義務を定めた委託契約を締結し、契約日を記録する（法25条、GL通則3-4-4）",
        "sign a contract with security terms, sub-contracting conditions and reporting; record its date (Art.25)",
    )  # fmt: skip


@rule(
    "APPI-25-inspection",
    article="個人情報保護法25条（基本方針6）",
    article_en="APPI Art.25 (policy point 6)",
    severity=Severity.medium,
    title_ja="委託先の取扱状況の把握（点検）",
    title_en="outsourcees inspected within the interval",
)
def inspection_overdue(ctx: RuleContext) -> pd.DataFrame:
    p = _outsourcees(ctx)
    months = ctx.months_since(p["last_inspection"])
    never = p["last_inspection"].isna()
    late = months.ge(ctx.inspection_interval_months).fillna(False)
    bad, m = p[never | late], months[never | late]
    if bad.empty:
        return none()
    ja = pd.Series(
        ["委託先「" + n + "」の点検記録がない" if pd.isna(k) else f"委託先「{n}」の点検が{int(k)}か月前（間隔{ctx.inspection_interval_months}か月）"
         for n, k in zip(bad["name"], m, strict=True)], index=bad.index)  # fmt: skip
    en = pd.Series(
        [f"outsourcee '{n}' has never been inspected" if pd.isna(k) else f"outsourcee '{n}' was last inspected {int(k)} months ago (interval {ctx.inspection_interval_months})"
         for n, k in zip(name_en(bad), m, strict=True)], index=bad.index)  # fmt: skip
    return findings(
        "partners", bad["partner_id"], ja, en,
        "実地点検または報告徴収で取扱状況を確認し、点検日を記録する（基本方針6、法25条）",
        "inspect the outsourcee (on site or by report) and record the date (policy point 6, Art.25)",
    )  # fmt: skip


@rule(
    "APPI-25-subcontracting",
    article="個人情報保護法25条",
    article_en="APPI Art.25",
    severity=Severity.medium,
    title_ja="再委託の状況の把握",
    title_en="sub-contracting known for every outsourcee",
)
def subcontracting_unknown(ctx: RuleContext) -> pd.DataFrame:
    p = _outsourcees(ctx)
    bad = p[p["subcontracting"].isna() | p["subcontracting"].eq(Subcontracting.unknown)]
    if bad.empty:
        return none()
    return findings(
        "partners", bad["partner_id"],
        "委託先「" + bad["name"] + "」の再委託の有無・再委託先が把握されていない",
        "whether outsourcee '" + name_en(bad) + "' sub-contracts, and to whom, is unknown",
        "再委託の有無と再委託先を報告させ、事前承認の手続を契約に定める（GL通則3-4-4）",
        "have the outsourcee report any sub-contractors; require prior approval in the contract (GL 3-4-4)",
    )  # fmt: skip


@rule(
    "APPI-25-contract-terms",
    article="個人情報保護法25条（GL通則3-4-4）",
    article_en="APPI Art.25 (PPC GL 3-4-4)",
    severity=Severity.medium,
    title_ja="委託契約に定める事項（安全管理措置・再委託・事故報告・監査・返却消去）",
    title_en="the outsourcing contract covers safety, sub-contracting, incidents, audit and return",
)
def contract_terms(ctx: RuleContext) -> pd.DataFrame:
    p = _outsourcees(ctx)
    p = p[p["contract_date"].notna()]  # no contract at all: APPI-25-contract
    missing = p["contract_covers"].map(lambda v: [t for t in ContractTerm if t not in list_values(v)])
    recorded = p["contract_covers"].notna()
    bad = p[missing.map(len).gt(0)]
    if bad.empty:
        return none()
    m, rec = missing[bad.index], recorded[bad.index]
    ja = [
        f"委託先「{n}」との委託契約に定めがない事項：" + "・".join(t.ja for t in gaps) if r
        else f"委託先「{n}」との委託契約が何を定めているか記録されていない"
        for n, gaps, r in zip(bad["name"], m, rec, strict=True)
    ]  # fmt: skip
    en = [
        f"the contract with outsourcee '{n}' lacks: " + ", ".join(t.en for t in gaps) if r
        else f"what the contract with outsourcee '{n}' covers is not recorded"
        for n, gaps, r in zip(name_en(bad), m, rec, strict=True)
    ]  # fmt: skip
    label_ja, label_en = column_label("partners", "contract_covers")
    return findings(
        "partners", bad["partner_id"], ja, en,
        f"契約に安全管理措置・再委託の条件・漏えい等の報告・監査又は実地調査の権限・契約終了時の返却又は消去を定め、{label_ja}に記録する（法25条、GL通則3-4-4）",
        f"have the contract cover safety measures, sub-contracting conditions, incident reporting, audit or inspection rights and return or deletion at the end, and record them in {label_en} (Art.25; GL 3-4-4)",
        source=value_source(ctx.inv, "partners", bad["partner_id"], "contract_covers"),
    )  # fmt: skip


def _cycles(parent: dict[str, str]) -> dict[str, list[str]]:
    """Partners whose chain of parents returns to themselves, each with its cycle (A → B → A); a partner
    that is its own parent is a cycle of one. Each partner has at most one parent, so every cycle is
    found by walking up from each partner once."""
    on_cycle: dict[str, list[str]] = {}
    done: set[str] = set()
    for start in parent:
        path: list[str] = []
        seen: dict[str, int] = {}
        node: str | None = start
        while node is not None and node not in done and node not in seen:
            seen[node] = len(path)
            path.append(node)
            node = parent.get(node)
        if node is not None and node in seen:  # walked into this walk's own path: a cycle
            cycle = path[seen[node] :]
            for member in cycle:
                i = cycle.index(member)
                on_cycle[member] = cycle[i:] + cycle[:i]
        done.update(path)
    return on_cycle


@rule(
    "APPI-25-subcontracting-chain",
    article="個人情報保護法25条（GL通則3-4-4）",
    article_en="APPI Art.25 (PPC GL 3-4-4)",
    severity=Severity.medium,
    title_ja="再委託の連鎖が委託先までたどれる（自らが委託元・循環がない）",
    title_en="every sub-outsourcing chain leads back to an outsourcee (no partner its own parent, no cycle)",
)
def subcontracting_chain(ctx: RuleContext) -> pd.DataFrame:
    """The co-op supervises a sub-outsourcee through the outsourcee that entrusted it (Art.25; GL 3-4-4:
    the entruster's supervision reaches sub-contractors). A partner recorded as its own parent, or a
    chain of parents that comes back to where it started, names no one who entrusted it: the chain of
    supervision cannot be followed, so the ledger must record the real entruster."""
    p = ctx.inv.partners
    linked = p[p["parent_partner_id"].notna()]
    parent = dict(zip(linked["partner_id"].astype(str), linked["parent_partner_id"].astype(str), strict=True))
    cycles = _cycles(parent)
    if not cycles:
        return none()
    names = dict(zip(p["partner_id"].astype(str), p["name"].astype(str), strict=True))
    bad = p[p["partner_id"].isin(list(cycles))].drop_duplicates("partner_id")
    ja, en = [], []
    for pid in bad["partner_id"]:
        cycle = cycles[pid]
        if len(cycle) == 1:
            ja.append(f"「{names.get(pid, pid)}」（{pid}）が自らの委託元として記録されている")
            en.append(f"'{names.get(pid, pid)}' ({pid}) is recorded as its own entruster")
        else:
            chain = " → ".join([*cycle, cycle[0]])
            ja.append(
                f"「{names.get(pid, pid)}」の委託元をたどると自らに戻る（{chain}）：再委託の連鎖が循環している"
            )
            en.append(
                f"following the entrusters of '{names.get(pid, pid)}' leads back to it ({chain}): the sub-outsourcing chain is a cycle"
            )
    label_ja, label_en = column_label("partners", "parent_partner_id")
    return findings(
        "partners", bad["partner_id"], ja, en,
        f"{label_ja}に実際に委託した委託先のIDを記録し、再委託の連鎖を当組合の委託先までたどれるようにする（法25条、GL通則3-4-4）",
        f"record in {label_en} the outsourcee that actually entrusted the work, so that every sub-outsourcing chain leads back to one of the co-op's outsourcees (Art.25; GL 3-4-4)",
        source=value_source(ctx.inv, "partners", bad["partner_id"], "parent_partner_id"),
    )  # fmt: skip
