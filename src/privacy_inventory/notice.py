"""The public notice (purposes of use, joint use) generated from the ledger, and its comparison with a
published policy text, so the policy cannot drift from what is really done."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

import pandas as pd

from .inventory import Inventory

PLACEHOLDER = {"ja": "【未記載：{what}（法27条5項3号）】", "en": "[MISSING: {what} (APPI Art.27(5)(iii))]"}
PUBLISHED_KINDS = ("own", "entrusted", "joint_use")  # internal (staff) purposes are published separately


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
    own = _text(p[p["kind"].eq("own")], "text_ja", "text_en", lang).tolist()
    entrusted = _text(p[p["kind"].eq("entrusted")], "text_ja", "text_en", lang).tolist()
    ju = inv.flows[inv.flows["basis"].eq("joint_use")]
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
        gp = p[p["kind"].eq("joint_use") & p["joint_use_group"].eq(g)]
        groups.append(JointUseGroup(g, names, _text(gp, "text_ja", "text_en", lang).tolist(),
                                    [item_label[i] for i in items_by_group[g] if i not in common]))  # fmt: skip
    common_items = [item_label[i] for i in sorted(common, key=order.get)]
    manager = {k: inv.org(f"joint_use_manager.{k}") for k in ("name", "address", "representative")}
    gaps = [k for k, v in manager.items() if not v] if len(ju) else []
    org = inv.org("name_en") if lang == "en" and inv.org("name_en") else inv.org("name")
    return Notice(org, own, entrusted, common_items, groups, manager, lang, gaps)


_LABELS = {
    "ja": {
        "title": "個人情報の利用目的及び共同利用について",
        "generated": "この文書は個人情報管理台帳から生成しました。",
        "purposes": "利用目的", "purposes_intro": "{org}は、以下の目的のために個人情報を利用します。",
        "entrusted": "受託業務における利用", "joint": "共同利用",
        "users": "共同利用者の範囲", "joint_purposes": "共同利用の目的", "items": "共同利用の対象となる情報項目",
        "common": "共通する情報項目", "group": "共同利用者{g}", "group_items": "共同利用者{g}の情報項目",
        "manager": "当該個人データの管理について責任を有する者",
        "name": "名称", "address": "住所", "representative": "代表者",
        "what": {"name": "名称", "address": "住所", "representative": "代表者の氏名"}, "sep": "、", "users_sep": "・",
    },
    "en": {
        "title": "Purposes of use and joint use of personal information",
        "generated": "Generated from the personal-data ledger.",
        "purposes": "Purposes of use", "purposes_intro": "{org} uses personal information for the following purposes.",
        "entrusted": "Use in entrusted business", "joint": "Joint use",
        "users": "Scope of joint users", "joint_purposes": "Purposes of joint use", "items": "Items jointly used",
        "common": "Items common to all joint users", "group": "Joint users {g}", "group_items": "Items of joint users {g}",
        "manager": "Person responsible for managing the personal data",
        "name": "Name", "address": "Address", "representative": "Representative",
        "what": {"name": "name", "address": "address", "representative": "representative's name"}, "sep": ", ", "users_sep": "; ",
    },
}  # fmt: skip


def _blocks(n: Notice) -> list[tuple[str, object]]:
    """The notice as (kind, content) blocks: h1/h2/h3/p/ol/ul; both renderers read these."""
    t = _LABELS[n.lang]
    out: list[tuple[str, object]] = [("h1", t["title"]), ("p", n.organisation or ""), ("p", t["generated"])]
    out += [("h2", t["purposes"]), ("p", t["purposes_intro"].format(org=n.organisation)), ("ol", n.purposes)]
    if n.entrusted:
        out += [("h2", t["entrusted"]), ("ul", n.entrusted)]
    if n.groups:
        out += [("h2", t["joint"]), ("h3", t["users"])]
        out.append(
            ("ul", [f"{t['group'].format(g=g.group)}: {t['users_sep'].join(g.users)}" for g in n.groups])
        )
        out.append(("h3", t["joint_purposes"]))
        for g in n.groups:
            out += [("p", t["group"].format(g=g.group)), ("ul", g.purposes)]
        out.append(("h3", t["items"]))
        lines = [f"{t['common']}: {t['sep'].join(n.common_items)}"] if n.common_items else []
        lines += [
            f"{t['group_items'].format(g=g.group)}: {t['sep'].join(g.items)}" for g in n.groups if g.items
        ]
        out.append(("ul", lines))
        out.append(("h3", t["manager"]))
        out.append(
            (
                "ul",
                [
                    f"{t[k]}: {v or PLACEHOLDER[n.lang].format(what=t['what'][k])}"
                    for k, v in n.manager.items()
                ],
            )
        )
    return out


def render_markdown(n: Notice) -> str:
    lines = []
    for kind, content in _blocks(n):
        if kind in ("h1", "h2", "h3"):
            lines += ["#" * int(kind[1]) + " " + str(content), ""]
        elif kind == "p":
            lines += [str(content), ""]
        else:
            lines += [(f"{i}. " if kind == "ol" else "- ") + str(x) for i, x in enumerate(content, 1)] + [""]
    return "\n".join(lines)


def render_html(n: Notice) -> str:
    """A standalone page: every ledger value escaped, no external resource."""
    e = html.escape
    body = []
    for kind, content in _blocks(n):
        if kind in ("h1", "h2", "h3", "p"):
            body.append(f"<{kind}>{e(str(content))}</{kind}>")
        else:
            body.append(f"<{kind}>" + "".join(f"<li>{e(str(x))}</li>" for x in content) + f"</{kind}>")
    return (
        f'<!DOCTYPE html>\n<html lang="{n.lang}"><head><meta charset="utf-8"><title>{e(_LABELS[n.lang]["title"])}</title>'
        "<style>body{font-family:'Noto Sans CJK JP','Hiragino Sans','Yu Gothic',sans-serif;max-width:50em;margin:2em auto;"
        "line-height:1.7;padding:0 1em}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


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
        inv.items["item_id"].isin(inv.flows.loc[inv.flows["basis"].eq("joint_use"), "item_id"])
    ]
    ledger_items = {
        normalise(n): iid for n, iid in zip(ju_items["name_ja"], ju_items["item_id"], strict=True)
    }
    users = inv.partners[inv.partners["kind"].eq("joint_user")]
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
