"""The public notice (purposes of use, joint use) generated from the ledger, and its comparison with a
published policy text, so the policy cannot drift from what is really done.

The notice states each joint-use arrangement in one block, under the statute's own headings (APPI
Art.27(5)(iii)): the items, the scope of joint users, their purposes and the manager with address and
representative. The comparison reads the policy with ledger/policy_text.py and matches its arrangements
with the ledger's, both ways; "all items" wording is reported as not specific and what could not be read as
"not understood: lines N–M"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from ..frames import list_values
from ..i18n import Vocabulary, label, t
from ..ledger.inventory import Inventory
from ..ledger.policy_text import JointUseFacts, ManagerFacts, PolicyText, normalise, parse_policy_text
from ..ledger.schema import Exclusion, PurposeKind
from .arrangements import Arrangement, arrangements

__all__ = ["Notice", "blocks", "build_notice", "compare_with_policy", "normalise", "render_markdown"]

MANAGER_KEYS = ("name", "address", "representative")


@dataclass
class ArrangementNotice:
    """One joint-use arrangement as the notice states it."""

    joint_use_id: str
    title: str | None
    items: list[str]
    all_items: bool
    users: list[str]  # named joint users, each with any published exclusion
    categories: list[str]
    purposes: list[str]
    purposes_by_reference: bool
    manager: dict[str, str | None]  # name, address, representative
    representative_required: bool  # False for an individual or a public body
    gaps: list[str] = field(
        default_factory=list
    )  # manager facts the ledger lacks: name/address/representative


@dataclass
class Notice:
    organisation: str
    purposes: list[str]
    entrusted: list[str]
    arrangements: list[ArrangementNotice]
    lang: str
    gaps: list[str] = field(default_factory=list)  # "JU1: address", for warnings

    @property
    def missing(self) -> list[tuple[str, str]]:
        """(arrangement id, manager fact) pairs the notice shows a placeholder for."""
        return [(a.joint_use_id, g) for a in self.arrangements for g in a.gaps]


def _text(df: pd.DataFrame, ja: str, en: str, lang: str) -> pd.Series:
    return df[en].fillna(df[ja]) if lang == "en" else df[ja]


def _names(df: pd.DataFrame, key: str, ja: str, en: str, lang: str) -> dict[str, str]:
    return dict(zip(df[key], _text(df, ja, en, lang), strict=True))


def build_notice(inv: Inventory, lang: str = "ja") -> Notice:
    """Purposes and one joint-use block per arrangement, as the ledger says they are done."""
    p = inv.purposes
    own = _text(p[p["kind"].eq(PurposeKind.own)], "text_ja", "text_en", lang).tolist()
    entrusted = _text(p[p["kind"].eq(PurposeKind.entrusted)], "text_ja", "text_en", lang).tolist()
    items = _names(inv.items, "item_id", "name_ja", "name_en", lang)
    purposes = _names(p, "purpose_id", "text_ja", "text_en", lang)
    partners = _names(inv.partners, "partner_id", "name", "name_en", lang)
    excludes = inv.partners.set_index("partner_id")["excludes"].map(list_values).to_dict()
    org = inv.display_name(lang)
    blocks_: list[ArrangementNotice] = []
    for a in arrangements(inv):
        users = []
        for m in a.members:
            name = partners.get(m, m)
            excl = [label(c, Exclusion, lang) for c in excludes.get(m, [])]
            users.append(
                name + (t("notice.excluding", lang, what=t("notice.sep", lang).join(excl)) if excl else "")
            )
        party = a.manager
        manager = {
            "name": (party.label(lang) if party else None)
            or (t("notice.users_sep", lang).join(x.label(lang) for x in a.managers) or a.manager_category),
            "address": party.address if party else None,
            "representative": party.representative if party else None,
        }
        required = not (party is not None and party.needs_representative is False)
        gaps = [k for k in MANAGER_KEYS if not manager[k] and (k != "representative" or required)]
        blocks_.append(ArrangementNotice(
            a.joint_use_id, a.title, [items.get(i, i) for i in a.items], a.all_items, users, a.categories,
            [purposes.get(x, x) for x in a.purposes], a.purposes_by_reference, manager, required, gaps,
        ))  # fmt: skip
    gaps = [f"{b.joint_use_id}: {g}" for b in blocks_ for g in b.gaps]
    return Notice(org or "", own, entrusted, blocks_, lang, gaps)


def blocks(n: Notice) -> list[tuple[str, object]]:
    """The notice as (kind, content) blocks: h1/h2/h3/p/ol/ul; both renderers read these."""
    lang = n.lang

    def tx(key: str, **values: object) -> str:
        return t(f"notice.{key}", lang, **values)

    out: list[tuple[str, object]] = [("h1", tx("title")), ("p", n.organisation or ""), ("p", tx("generated"))]
    out += [("h2", tx("purposes")), ("p", tx("purposes_intro", org=n.organisation)), ("ol", n.purposes)]
    if n.entrusted:
        out += [("h2", tx("entrusted")), ("ul", n.entrusted)]
    if not n.arrangements:
        return out
    out += [("h2", tx("joint")), ("p", tx("joint_intro", org=n.organisation))]
    for number, a in enumerate(n.arrangements, 1):
        title = (
            tx("arrangement", n=number, title=a.title) if a.title else tx("arrangement_untitled", n=number)
        )
        out.append(("h3", title))
        out.append(("p", tx("items")))
        if a.items:
            out.append(("ul", [tx("sep").join(a.items)]))
        else:
            out.append(("ul", [tx("all_items") if a.all_items else tx("placeholder", what=tx("items"))]))
        out.append(("p", tx("users")))
        out.append(("ul", [*a.users, *a.categories] or [tx("placeholder", what=tx("users"))]))
        out.append(("p", tx("joint_purposes")))
        if a.purposes:
            out.append(("ul", a.purposes))
        elif a.purposes_by_reference:
            out.append(("ul", [tx("purposes_reference", org=n.organisation)]))
        else:
            out.append(("ul", [tx("placeholder", what=tx("joint_purposes"))]))
        out.append(("p", tx("manager")))
        keys = MANAGER_KEYS if a.representative_required else MANAGER_KEYS[:2]
        missing = {k: tx("placeholder", what=tx(f"what_{k}")) for k in keys}
        out.append(("ul", [f"{tx(k)}{tx('colon')}{a.manager[k] or missing[k]}" for k in keys]))
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


class PolicyPoint(Vocabulary):
    """What a difference between the ledger and the published policy is about."""

    purpose = "purpose", "利用目的", "purpose"
    joint_use = "joint_use", "共同利用", "joint-use arrangement"
    item = "item", "共同利用の項目", "item jointly used"
    joint_user = "joint_user", "共同利用者", "joint user"
    joint_user_category = "joint_user_category", "共同利用者（区分）", "joint users by category"
    exclusion = "exclusion", "共同利用者ごとの除外", "exclusion for a joint user"
    manager = "manager", "管理責任者の名称", "manager's name"
    manager_address = "manager_address", "管理責任者の住所", "manager's address"
    manager_representative = "manager_representative", "管理責任者の代表者", "manager's representative"
    structure = "structure", "記載の構成", "structure of the text"


class Difference(Vocabulary):
    """Where it is: only in the ledger, only in the policy, different, or a problem of the text itself."""

    ledger_only = "ledger_only", "台帳のみ（公表されていない）", "in the ledger only (not published)"
    policy_only = "policy_only", "公表文のみ（台帳にない）", "in the policy only (not in the ledger)"
    differs = "differs", "内容が異なる", "differs"
    not_specific = "not_specific", "特定されていない", "not specific"
    not_understood = "not_understood", "読み取れない", "not understood"


DIFFERENCES = (Difference.ledger_only, Difference.policy_only, Difference.differs)
COMPARE_COLUMNS = ["kind", "where", "joint_use_id", "id", "text", "line"]


@dataclass
class _Ledger:
    """The ledger's names, normalised, for matching against the policy's words."""

    items: dict[str, str]  # normalised name_ja → item id
    item_name: dict[str, str]  # item id → normalised name
    partner_name: dict[str, str]  # partner id → normalised name
    purpose_text: dict[str, str]  # purpose id → normalised text
    org: str | None
    org_address: str | None
    org_representative: str | None


def _ledger(inv: Inventory) -> _Ledger:
    n = lambda s: {k: normalise(str(v)) for k, v in s.items() if isinstance(v, str)}  # noqa: E731
    items = n(inv.items.set_index("item_id")["name_ja"].to_dict())
    return _Ledger(
        {v: k for k, v in items.items()},
        items,
        n(inv.partners.set_index("partner_id")["name"].to_dict()),
        n(inv.purposes.set_index("purpose_id")["text_ja"].to_dict()),
        normalise(str(inv.org("name"))) if inv.org("name") else None,
        normalise(str(inv.org("address"))) if inv.org("address") else None,
        normalise(str(inv.org("representative"))) if inv.org("representative") else None,
    )


def _resolve_items(tokens: list[str], known: dict[str, str]) -> tuple[list[str], list[str]]:
    """Policy item words → (items, open categories). "Aその他B" is A and the open phrase その他B, unless
    B (or その他B) is an item the ledger names; "A及びB" is split where A and B are known items."""
    items: list[str] = []
    open_: list[str] = []
    for token in tokens:
        token = re.sub(r"^(組合員|ご本人|お客様|利用者|会員)の", "", token)
        if token in known:
            items.append(token)
            continue
        parts = re.split(r"及び|および|並びに", token)
        if len(parts) > 1 and all(p in known for p in parts):
            items += parts
            continue
        head, sep, tail = token.partition("その他")
        if head:
            items.append(head)
        if sep:
            rest = tail.removeprefix("の")
            if rest in known:
                items.append(rest)
            elif sep + tail in known:
                items.append(sep + tail)
            else:
                open_.append(sep + tail)
    return list(dict.fromkeys(items)), open_


def _same_party(a: str, b: str) -> bool:
    """Names of one party: equal, or one the other's fuller form ("全労済" in "…全労済…")."""
    return bool(a) and bool(b) and (a == b or (min(len(a), len(b)) >= 3 and (a in b or b in a)))


def _users(facts: JointUseFacts, policy: PolicyText) -> list[str]:
    return list(dict.fromkeys(policy.resolve(u.text) for u in facts.users))


def _score(a: Arrangement, f: JointUseFacts, led: _Ledger, policy: PolicyText) -> float:
    users = _users(f, policy)
    names = [led.partner_name.get(m, m) for m in a.members]
    hits = sum(any(_same_party(n, u) for u in users) for n in names)
    union = len(names) + len(users) - hits
    score = hits / union if union else 0.0
    titles = normalise(a.title or "")
    if titles and (titles in normalise(f.label) or normalise(f.label) in titles):
        score += 0.5
    return score


def _match(arrs: list[Arrangement], facts: list[JointUseFacts], led: _Ledger, policy: PolicyText):
    """Pairs of (ledger arrangement, policy arrangement), best first; the unmatched of either side."""
    if len(arrs) == 1 and len(facts) == 1:
        return [(arrs[0], facts[0])], [], []
    scored = sorted(
        ((_score(a, f, led, policy), i, j) for i, a in enumerate(arrs) for j, f in enumerate(facts)),
        reverse=True,
    )
    pairs, used_a, used_f = [], set(), set()
    for score, i, j in scored:
        if score <= 0 or i in used_a or j in used_f:
            continue
        pairs.append((arrs[i], facts[j]))
        used_a.add(i)
        used_f.add(j)
    return (
        pairs,
        [a for i, a in enumerate(arrs) if i not in used_a],
        [f for j, f in enumerate(facts) if j not in used_f],
    )


def _row(
    kind: str,
    where: str,
    text: str,
    *,
    jid: str | None = None,
    ident: str | None = None,
    line: int | None = None,
) -> dict:
    return {"kind": kind, "where": where, "joint_use_id": jid, "id": ident, "text": text, "line": line}


def _manager_facts(f: JointUseFacts, policy: PolicyText) -> ManagerFacts:
    if not f.manager.empty():
        return f.manager
    return policy.general.manager if policy.general is not None else f.manager


def _compare_manager(a: Arrangement, f: JointUseFacts, policy: PolicyText, led: _Ledger) -> list[dict]:
    rows = []
    jid = a.joint_use_id
    m = _manager_facts(f, policy)
    party = a.manager
    ledger_name = normalise(party.name or "") if party else ""
    names = [normalise(policy.resolve(x.text)) for x in m.names]
    line = m.first_line
    self_name = led.org or ""
    is_self = m.is_self or (len(names) == 1 and _same_party(names[0], self_name))
    policy_name = self_name if is_self and len(names) <= 1 else "・".join(names)
    if party is None:
        pass  # the ledger names no single manager: APPI-27-5-iii-manager says so
    elif not names and not m.is_self:
        rows.append(_row(PolicyPoint.manager, Difference.ledger_only, party.name or party.ref, jid=jid))
    elif len(names) > 1 or not _same_party(ledger_name, policy_name):
        rows.append(_row(PolicyPoint.manager, Difference.differs,
                         f"{policy_name} ≠ {party.name or party.ref}", jid=jid, line=line))  # fmt: skip
    org_facts = policy.organisation if is_self else {}
    for key, kind in (
        ("address", PolicyPoint.manager_address),
        ("representative", PolicyPoint.manager_representative),
    ):
        fact = getattr(m, key) or org_facts.get(key)
        published = normalise(fact.text) if fact else None
        recorded = normalise(getattr(party, key) or "") if party else ""
        if party is None:
            continue
        if recorded and not published:
            rows.append(_row(kind, Difference.ledger_only, getattr(party, key), jid=jid))
        elif published and not recorded:
            rows.append(_row(kind, Difference.policy_only, fact.text, jid=jid, line=fact.line))
        elif published and recorded and published != recorded:
            rows.append(
                _row(
                    kind, Difference.differs, f"{fact.text} ≠ {getattr(party, key)}", jid=jid, line=fact.line
                )
            )
    return rows


def _compare_pair(
    a: Arrangement, f: JointUseFacts, policy: PolicyText, led: _Ledger, open_: list[str]
) -> tuple[list[dict], set[str], set[str]]:
    rows = []
    jid = a.joint_use_id
    general = policy.general
    # ② items
    tokens = [x.text for x in f.items] or (
        [x.text for x in general.items] if general and not f.all_items else []
    )
    lines = {x.text: x.line for x in [*f.items, *(general.items if general else [])]}
    items, cats = _resolve_items(tokens, led.items)
    open_ += cats
    said_all = bool(f.all_items or (general and general.all_items))
    ledger_items = {led.item_name.get(i, i): i for i in a.items}
    if items or not said_all:
        for name, iid in ledger_items.items():
            if name not in items:
                rows.append(_row(PolicyPoint.item, Difference.ledger_only, name, jid=jid, ident=iid))
    for name in items:
        if name not in ledger_items:
            rows.append(_row(PolicyPoint.item, Difference.policy_only, name, jid=jid, line=lines.get(name)))
    # ③ scope: named users, categories, exclusions
    users = _users(f, policy)
    member_names = {m: led.partner_name.get(m, m) for m in a.members}
    for pid, name in member_names.items():
        if not any(_same_party(name, normalise(u)) for u in users):
            rows.append(_row(PolicyPoint.joint_user, Difference.ledger_only, name, jid=jid, ident=pid))
    user_lines = {policy.resolve(u.text): u.line for u in f.users}
    for u in users:
        if not any(_same_party(n, normalise(u)) for n in member_names.values()):
            rows.append(
                _row(PolicyPoint.joint_user, Difference.policy_only, u, jid=jid, line=user_lines.get(u))
            )
    ledger_cats = [normalise(c) for c in a.categories]
    policy_cats = {normalise(c.text): c.line for c in f.categories}
    rows += [
        _row(PolicyPoint.joint_user_category, Difference.ledger_only, c, jid=jid)
        for c in ledger_cats
        if c not in policy_cats
    ]
    rows += [
        _row(PolicyPoint.joint_user_category, Difference.policy_only, c, jid=jid, line=ln)
        for c, ln in policy_cats.items()
        if c not in ledger_cats
    ]
    # ④ purposes
    ledger_purposes = {led.purpose_text.get(p, p): p for p in a.purposes}
    policy_purposes = {x.text: x.line for x in f.purposes}
    if a.purposes_by_reference != bool(f.purposes_by_reference) and not (policy_purposes and ledger_purposes):
        what = f.purposes_by_reference.text if f.purposes_by_reference else "—"
        rows.append(_row(PolicyPoint.purpose, Difference.differs, what, jid=jid,
                         line=f.purposes_by_reference.line if f.purposes_by_reference else None))  # fmt: skip
    for text, pid in ledger_purposes.items():
        if text not in policy_purposes and not (f.purposes_by_reference and not policy_purposes):
            rows.append(_row(PolicyPoint.purpose, Difference.ledger_only, text, jid=jid, ident=pid))
    for text, line in policy_purposes.items():
        if text not in ledger_purposes:
            rows.append(_row(PolicyPoint.purpose, Difference.policy_only, text, jid=jid, line=line))
    # ⑤ the manager
    rows += _compare_manager(a, f, policy, led)
    return rows, set(items), set(users)


def _exclusion_rows(inv: Inventory, policy: PolicyText, led: _Ledger) -> list[dict]:
    """Per-partner exclusions ("要配慮個人情報を除く"), both ways."""
    published: dict[str, tuple[set[str], int]] = {}
    for f in [*policy.joint_uses, *policy.prose_joint_uses]:
        for user, code in f.exclusions:
            codes, _ = published.setdefault(normalise(policy.resolve(user.text)), (set(), user.line))
            codes.add(code)
    rows = []
    for pid, value in inv.partners.set_index("partner_id")["excludes"].items():
        name = led.partner_name.get(pid, pid)
        recorded = set(list_values(value))
        hits = [k for k in published if _same_party(name, k)]
        said = set().union(*(published[k][0] for k in hits)) if hits else set()
        line = published[hits[0]][1] if hits else None
        for code in sorted(recorded - said):
            rows.append(
                _row(
                    PolicyPoint.exclusion,
                    Difference.ledger_only,
                    f"{name}: {label(code, Exclusion, 'ja')}",
                    ident=pid,
                )
            )
        for code in sorted(said - recorded):
            rows.append(
                _row(
                    PolicyPoint.exclusion,
                    Difference.policy_only,
                    f"{name}: {label(code, Exclusion, 'ja')}",
                    ident=pid,
                    line=line,
                )
            )
    return rows


def compare_with_policy(inv: Inventory, text: str) -> pd.DataFrame:
    """What the ledger and a published policy state differently, both ways: purposes, and per joint-use
    arrangement its items, joint users (named and by category), exclusions, purposes and manager (name,
    address, representative). Also rows that are not differences but problems of the text: "all items"
    wording (`not_specific`) and parts about joint use that could not be read (`not_understood`)."""
    policy = parse_policy_text(text)
    led = _ledger(inv)
    rows: list[dict] = []
    # the organisation's own (and entrusted) purposes
    p = inv.purposes
    own = p[p["kind"].isin([PurposeKind.own, PurposeKind.entrusted])]
    whole = normalise(text.replace("\n", ""))
    listed = {f.text: f.line for f in policy.purposes}
    for pid, purpose in zip(own["purpose_id"], own["text_ja"], strict=True):
        name = normalise(str(purpose))
        if name not in listed and name not in whole:
            rows.append(_row(PolicyPoint.purpose, Difference.ledger_only, name, ident=pid))
    all_ledger_purposes = set(led.purpose_text.values())
    for name, line in listed.items():
        if name not in all_ledger_purposes:
            rows.append(_row(PolicyPoint.purpose, Difference.policy_only, name, line=line))
    # joint-use arrangements, matched by their joint users
    arrs = arrangements(inv)
    pairs, ledger_alone, policy_alone = _match(arrs, policy.joint_uses, led, policy)
    open_: list[str] = []
    items_seen: set[str] = set()
    users_seen: set[str] = set()
    for a, f in pairs:
        found, items, users = _compare_pair(a, f, policy, led, open_)
        rows += found
        items_seen |= items
        users_seen |= users
    for a in ledger_alone:
        rows.append(
            _row(PolicyPoint.joint_use, Difference.ledger_only, a.title or a.joint_use_id, jid=a.joint_use_id)
        )
        named = [normalise(policy.resolve(u.text)) for f in policy.joint_uses for u in f.users]
        for m in a.members:
            name = led.partner_name.get(m, m)
            if not any(_same_party(name, u) for u in named):
                rows.append(
                    _row(PolicyPoint.joint_user, Difference.ledger_only, name, jid=a.joint_use_id, ident=m)
                )
        all_items = {
            x for f in policy.joint_uses for x in _resolve_items([i.text for i in f.items], led.items)[0]
        }
        for i in a.items:
            if led.item_name.get(i, i) not in all_items:
                rows.append(
                    _row(
                        PolicyPoint.item,
                        Difference.ledger_only,
                        led.item_name.get(i, i),
                        jid=a.joint_use_id,
                        ident=i,
                    )
                )
        all_purposes = {x.text for f in policy.joint_uses for x in f.purposes}
        for pid in a.purposes:
            if led.purpose_text.get(pid, pid) not in all_purposes:
                rows.append(
                    _row(
                        PolicyPoint.purpose,
                        Difference.ledger_only,
                        led.purpose_text.get(pid, pid),
                        jid=a.joint_use_id,
                        ident=pid,
                    )
                )
    for f in policy_alone:
        users = "・".join(_users(f, policy)) or "・".join(c.text for c in f.categories)
        rows.append(
            _row(
                PolicyPoint.joint_use,
                Difference.policy_only,
                f"{f.label}: {users}" if users else f.label,
                line=f.first_line,
            )
        )
        items, _ = _resolve_items([i.text for i in f.items], led.items)
        items_seen |= set(items)
        users_seen |= set(_users(f, policy))
    rows += _exclusion_rows(inv, policy, led)
    # not differences, but the text itself: "all items", and what could not be read
    said_all = [x.all_items for x in [policy.general, *policy.joint_uses] if x is not None and x.all_items]
    for fact in {f.line: f for f in said_all}.values():
        rows.append(_row(PolicyPoint.item, Difference.not_specific, fact.text, line=fact.line))
    for first, last in policy.not_understood:
        excerpt = normalise(policy.lines[first - 1])[:60]
        rows.append(_row(PolicyPoint.structure, Difference.not_understood,
                         t("compare.lines", "ja", first=first, last=last) + f" {excerpt}", line=first))  # fmt: skip
    out = pd.DataFrame(rows, columns=COMPARE_COLUMNS)
    out["line"] = out["line"].astype("Int64")
    out.attrs["open_categories"] = list(dict.fromkeys(open_))
    jp = {x.text for f in policy.joint_uses for x in f.purposes}
    out.attrs["counts"] = {
        "purposes": len(listed) + len(jp),
        "items": len(items_seen),
        "joint_users": len(users_seen),
        "arrangements": len(policy.joint_uses),
    }
    return out


def differences(diff: pd.DataFrame) -> pd.DataFrame:
    """The rows where the ledger and the policy disagree (not the notes on the text itself)."""
    return diff[diff["where"].isin(DIFFERENCES)]


def labelled(diff: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The comparison for people: kinds and places as their labels."""
    return diff.assign(
        kind=diff["kind"].map(lambda k: label(k, PolicyPoint, lang)),
        where=diff["where"].map(lambda w: label(w, Difference, lang)),
    )
