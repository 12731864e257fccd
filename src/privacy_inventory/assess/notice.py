"""The public notice (purposes of use, joint use) generated from the ledger, and its comparison with a
published policy text, so the policy cannot drift from what is really done."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import pandas as pd

from ..i18n import t
from ..ledger.inventory import Inventory
from ..ledger.schema import Basis, PartnerKind, PurposeKind

# internal (staff) purposes are published separately
PUBLISHED_KINDS = (PurposeKind.own, PurposeKind.entrusted, PurposeKind.joint_use)


@dataclass
class JointUseGroup:
    group: str
    users: list[str]
    purposes: list[str]
    items: list[str]  # the group's own items (beyond those common to every group)


@dataclass
class Notice:
    organisation: str
    purposes: list[str]
    entrusted: list[str]
    common_items: list[str]
    groups: list[JointUseGroup]
    manager: dict[str, str | None]
    lang: str
    gaps: list[str] = field(default_factory=list)


def _text(df: pd.DataFrame, ja: str, en: str, lang: str) -> pd.Series:
    return df[en].fillna(df[ja]) if lang == "en" else df[ja]


def build_notice(inv: Inventory, lang: str = "ja") -> Notice:
    """Purposes and joint-use statement as the ledger says they are done."""
    p = inv.purposes
    own = _text(p[p["kind"].eq(PurposeKind.own)], "text_ja", "text_en", lang).tolist()
    entrusted = _text(p[p["kind"].eq(PurposeKind.entrusted)], "text_ja", "text_en", lang).tolist()
    ju = inv.flows[inv.flows["basis"].eq(Basis.joint_use)]
    partners = inv.partners.set_index("partner_id")
    group_of = ju["partner_id"].map(partners["joint_use_group"]).fillna("?")
    item_name = inv.items.set_index("item_id")
    item_label = item_name["name_en"].fillna(item_name["name_ja"]) if lang == "en" else item_name["name_ja"]
    order = {iid: i for i, iid in enumerate(inv.items["item_id"])}
    items_by_group = {g: sorted(set(ids), key=order.get) for g, ids in ju.groupby(group_of)["item_id"]}
    groups_sorted = sorted(items_by_group)
    common = (
        set.intersection(*(set(v) for v in items_by_group.values())) if len(items_by_group) > 1 else set()
    )
    groups = []
    for g in groups_sorted:
        users = partners[partners["joint_use_group"].eq(g)]
        names = (users["name_en"].fillna(users["name"]) if lang == "en" else users["name"]).tolist()
        gp = p[p["kind"].eq(PurposeKind.joint_use) & p["joint_use_group"].eq(g)]
        groups.append(JointUseGroup(g, names, _text(gp, "text_ja", "text_en", lang).tolist(),
                                    [item_label[i] for i in items_by_group[g] if i not in common]))  # fmt: skip
    common_items = [item_label[i] for i in sorted(common, key=order.get)]
    manager = {k: inv.org(f"joint_use_manager.{k}") for k in ("name", "address", "representative")}
    gaps = [k for k, v in manager.items() if not v] if len(ju) else []
    org = inv.org("name_en") if lang == "en" and inv.org("name_en") else inv.org("name")
    return Notice(org, own, entrusted, common_items, groups, manager, lang, gaps)


def blocks(n: Notice) -> list[tuple[str, object]]:
    """The notice as (kind, content) blocks: h1/h2/h3/p/ol/ul; both renderers read these."""
    lang = n.lang

    def tx(key: str, **values: object) -> str:
        return t(f"notice.{key}", lang, **values)

    out: list[tuple[str, object]] = [("h1", tx("title")), ("p", n.organisation or ""), ("p", tx("generated"))]
    out += [("h2", tx("purposes")), ("p", tx("purposes_intro", org=n.organisation)), ("ol", n.purposes)]
    if n.entrusted:
        out += [("h2", tx("entrusted")), ("ul", n.entrusted)]
    if n.groups:
        out += [("h2", tx("joint")), ("h3", tx("users"))]
        out.append(("ul", [f"{tx('group', g=g.group)}: {tx('users_sep').join(g.users)}" for g in n.groups]))
        out.append(("h3", tx("joint_purposes")))
        for g in n.groups:
            out += [("p", tx("group", g=g.group)), ("ul", g.purposes)]
        out.append(("h3", tx("items")))
        lines = [f"{tx('common')}: {tx('sep').join(n.common_items)}"] if n.common_items else []
        lines += [f"{tx('group_items', g=g.group)}: {tx('sep').join(g.items)}" for g in n.groups if g.items]
        out.append(("ul", lines))
        out.append(("h3", tx("manager")))
        missing = {k: tx("placeholder", what=tx(f"what_{k}")) for k in n.manager}
        out.append(("ul", [f"{tx(k)}: {v or missing[k]}" for k, v in n.manager.items()]))
    return out


def render_markdown(n: Notice) -> str:
    lines = []
    for kind, content in blocks(n):
        if kind in ("h1", "h2", "h3"):
            lines += ["#" * int(kind[1]) + " " + str(content), ""]
        elif kind == "p":
            lines += [str(content), ""]
        else:
            lines += [(f"{i}. " if kind == "ol" else "- ") + str(x) for i, x in enumerate(content, 1)] + [""]
    return "\n".join(lines)


# --- comparison with a published policy text ---------------------------------------------------------

_NUMBERING = re.compile(r"^(?:\d+\.\s*)+|^[\u2460-\u2473\u2776-\u277f]\s*|^[・•\-*]\s*")


def _strip_numbering(text: str) -> str:
    prev = None
    while prev != text:
        prev, text = text, _NUMBERING.sub("", text).strip()
    return text


def _numbered(line: str) -> bool:
    return bool(
        _NUMBERING.match(line.strip()) or _NUMBERING.match(unicodedata.normalize("NFKC", line).strip())
    )


def normalise(text: str) -> str:
    """Full/half-width folded (NFKC), whitespace removed, list numbering (1. / ① / ・) and 。 stripped."""
    t = _strip_numbering(text.strip())  # ① first: NFKC would turn it into a plain digit
    t = _strip_numbering(unicodedata.normalize("NFKC", t))
    t = re.sub(r"\s+", "", t)
    return t.rstrip("。.")


@dataclass
class PolicyFacts:
    purposes: list[str]
    items: list[str]
    joint_users: list[str]
    open_categories: list[str]  # その他… phrases: open categories, compared only if the ledger names them


def _section(lines: list[str], start: str, stop: tuple[str, ...]) -> list[str]:
    out, inside = [], False
    for line in lines:
        n = normalise(line)
        if start in n:
            inside = True
            continue
        if inside and (any(s in n for s in stop)):
            break
        if inside and n:
            out.append(n)
    return out


def parse_policy(text: str, known_items: set[str]) -> PolicyFacts:
    """Purposes, joint-use items and joint users as a published policy states them."""
    lines = text.splitlines()
    norm = [normalise(x) for x in lines]
    purposes = [n for raw, n in zip(lines, norm, strict=True) if _numbered(raw) and n.endswith("ため")]
    purposes += [
        n for n in _section(lines, "【共同利用の目的】", ("【",)) if not re.fullmatch(r"共同利用者\d+", n)
    ]
    users: list[str] = []
    for n in _section(lines, "【共同利用者の範囲】", ("【",)):
        m = re.match(r"共同利用者\d+[:：](.+)", n)
        if m:
            users += [u for u in m.group(1).split("・") if u]
    items: list[str] = []
    open_categories: list[str] = []
    for n in _section(lines, "【共同利用の対象となる情報項目】", ("当該個人データの管理責任者", "【")):
        if n.endswith("の情報項目") or n == "共通する情報項目":
            continue
        for token in n.split("、"):
            token = re.sub(r"(など|等)$", "", token)
            if token in known_items:
                items.append(token)
                continue
            head, sep, tail = token.partition("その他")
            if head:
                items.append(head)
            if sep:
                rest = tail.removeprefix("の")
                (items if rest in known_items else open_categories).append(
                    rest if rest in known_items else sep + tail
                )
    return PolicyFacts(list(dict.fromkeys(purposes)), list(dict.fromkeys(items)), users, open_categories)


def compare_with_policy(inv: Inventory, text: str) -> pd.DataFrame:
    """Purposes, joint-use items and joint users found in one and not the other, both ways."""
    p = inv.purposes[inv.purposes["kind"].isin(PUBLISHED_KINDS)]
    ledger_purposes = {normalise(t): pid for t, pid in zip(p["text_ja"], p["purpose_id"], strict=True)}
    ju_items = inv.items[
        inv.items["item_id"].isin(inv.flows.loc[inv.flows["basis"].eq(Basis.joint_use), "item_id"])
    ]
    ledger_items = {
        normalise(n): iid for n, iid in zip(ju_items["name_ja"], ju_items["item_id"], strict=True)
    }
    users = inv.partners[inv.partners["kind"].eq(PartnerKind.joint_user)]
    ledger_users = {normalise(n): pid for n, pid in zip(users["name"], users["partner_id"], strict=True)}
    facts = parse_policy(text, set(ledger_items) | {normalise(x) for x in inv.items["name_ja"]})
    whole = normalise(text.replace("\n", ""))
    rows = []
    for kind, ledger, published in (
        ("purpose", ledger_purposes, facts.purposes),
        ("item", ledger_items, facts.items),
        ("joint_user", ledger_users, facts.joint_users),
    ):
        pub = set(published)
        for name, ident in ledger.items():
            found = name in pub or (kind == "purpose" and name in whole)
            if not found:
                rows.append({"kind": kind, "where": "ledger_only", "id": ident, "text": name})
        for name in published:
            if name not in ledger:
                rows.append({"kind": kind, "where": "policy_only", "id": None, "text": name})
    out = pd.DataFrame(rows, columns=["kind", "where", "id", "text"])
    out.attrs["open_categories"] = facts.open_categories
    out.attrs["counts"] = {
        "purposes": len(facts.purposes),
        "items": len(facts.items),
        "joint_users": len(facts.joint_users),
    }
    return out
