"""`draft`: a first ledger written from the organisation's published privacy policy.

The policy is read by policy_text.py into facts with line numbers; this module turns them into ledger rows:

- organisation.yaml: name, address, representative, policy date and the contact desk — those stated;
- purposes.csv: every listed purpose of use, verbatim (own, entrusted, and each joint-use arrangement's);
- joint_uses.csv: one row per arrangement with its items, joint users (named or by category), purposes and
  manager; partners.csv: the named joint users (with the exclusions the policy states for them), the
  outsourcees the policy names, and one statutory recipient per third-party exception it lists;
- items.csv: the items named anywhere, each with a guessed category and special-care flag; uses.csv and
  flows.csv: the item × purpose and item × joint user × purpose links the joint-use notice states.

Every row's `source` is the line it comes from (`policy:L37`); every value the policy does not state but the
schema requires (an item's category, special-care and My Number flags, whose data it is, its department; a
partner's country and entity type) is a guess listed in the row's `assumed` column. What the policy does
not say at all (addresses, representatives, record counts, retention, contracts …) stays empty, so that
`validate` and `check` report it. Parts the reader could not place are returned as line ranges.

Text tools: regular expressions over the policy's structure (headings, list numbering, labels, the
statute's fixed wording) and a small keyword table for item categories. A Japanese tokenizer (SudachiPy,
fugashi + a dictionary: tens to hundreds of MB) would segment words, but nothing here needs segmentation:
item lists are delimited by 「、」, names by 「・」「及び」, and categories are decided by a handful of nouns.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from ..errors import UsageError
from ..files import built_aside
from ..i18n import t
from ..paths import bundled_inventory
from .policy_text import (
    NAME_WORDS,
    REPRESENTATIVE_WORDS,
    SELF_WORDS,
    Fact,
    JointUseFacts,
    ManagerFacts,
    PolicyText,
    enum_style,
    is_list_line,
    normalise,
    parse_policy_text,
    strip_enumeration,
)
from .schema import TABLES_BY_NAME, Basis, Direction, EntityType, ItemCategory, PartnerKind, Subject
from .synth import write_ledger
from .textio import UnreadableText, decode

PARTNER_PREFIX = {PartnerKind.joint_user: "PJ", PartnerKind.outsourcee: "PO", PartnerKind.statutory: "PS"}
GROUP_LABEL = re.compile(r"(共同利用者|共同利用|グループ|利用者)\s*\S{1,3}")  # 共同利用者1, 共同利用2 …
POLICY_COPY = "published_policy.txt"  # the policy the draft was read from, kept beside it: `policy:L<n>`
SEP = ";"

# --- reading the file ----------------------------------------------------------------------------------


class DraftError(UsageError):
    """The policy cannot be read, or the draft cannot be written where asked. `reason` names a text
    (`draft.error.<reason>`) that says what was expected; the message is in the current language."""

    def __init__(self, reason: str, path: Path, detail: str = "") -> None:
        self.reason, self.path, self.detail = reason, path, detail
        super().__init__(self.message())

    def message(self, lang: str | None = None) -> str:
        return t(f"draft.error.{self.reason}", lang, path=self.path, detail=self.detail)

    def __str__(self) -> str:
        return self.message()


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def read_policy(path: Path) -> str:
    """The text of a published policy (UTF-8, UTF-8 with BOM or cp932), or a DraftError saying why not."""
    if not path.exists():
        raise DraftError("missing", path)
    if not path.is_file():
        raise DraftError("not_a_file", path)
    data = path.read_bytes()
    if not data.strip():
        raise DraftError("empty", path)
    if b"\x00" in data[:8192]:
        raise DraftError("binary", path)
    try:
        text = decode(data).utf8.decode("utf-8")
    except UnreadableText as exc:
        raise DraftError("encoding", path, exc.detail) from None
    if len(_CONTROL.findall(text)) > max(2, len(text) // 200):  # cp932 decodes many binaries "successfully"
        raise DraftError("binary", path)
    return text


# --- guesses: an item's category and flags ---------------------------------------------------------------

# First match wins; the order settles overlaps ("購買利用情報" is a transaction, "利用情報" behaviour).
CATEGORY_WORDS: tuple[tuple[ItemCategory, str], ...] = (
    (ItemCategory.my_number, r"個人番号|マイナンバー|特定個人情報"),
    (ItemCategory.health_care, r"要配慮|病歴|病名|傷病|診断|診療|障害|介護|健康|服薬|調剤|医療|アレルギー"),
    (ItemCategory.complaint, r"苦情|問い?合わ?せ|相談|ご?意見"),
    (
        ItemCategory.financial,
        r"口座|クレジット|カード番号|金額|代金|振替|出資|増資|減資|電子マネー|決済|支払|請求|残高|金融",
    ),
    (ItemCategory.transaction, r"購買|購入|注文|取引|受注|買物"),
    (ItemCategory.membership, r"組合員番号|会員番号|生協コード|加入|脱退|組合員資格"),
    (ItemCategory.contact, r"住所|電話|メール|連絡先|FAX|ファクス|郵便番号|携帯"),
    (ItemCategory.identity, r"氏名|名前|フリガナ|ふりがな|顔写真|署名"),
    (ItemCategory.demographic, r"性別|生年月日|年齢|家族|属性|職業|勤務先|世帯"),
    (ItemCategory.behavioural, r"嗜好|履歴|利用情報|配達|指示|活動|アンケート|閲覧|位置"),
    (ItemCategory.employment, r"職員|従業員|人事|給与|応募|採用"),
)
# 要配慮個人情報 (APPI Art.2(3), Cabinet Order Art.2): race, creed, social status, medical history,
# criminal record, disabilities, health checks, medical guidance and treatment. Care needs (要介護度) are
# treated as disability-related; a guess the officer confirms.
SPECIAL_CARE_WORDS = re.compile(
    r"要配慮|病歴|病名|傷病|診断|診療|障害|要介護|介護度|介護記録|健康診断|服薬|調剤|人種|信条|犯罪|前科|社会的身分"
)
MY_NUMBER_WORDS = re.compile(r"個人番号|マイナンバー|特定個人情報")
IDENTIFIER_CODE_WORDS = re.compile(r"個人番号|マイナンバー|旅券番号|免許証番号|保険者番号|基礎年金番号")
PROPERTY_DAMAGE_WORDS = re.compile(r"口座|クレジット|カード番号|暗証|パスワード")  # PPC Rules Art.7(ii)
SUBJECT_WORDS: tuple[tuple[Subject, str], ...] = (
    (Subject.employee, r"職員|従業員|役員|人事|給与"),
    (Subject.applicant, r"応募|採用"),
)
# An entry that only says "(other) (necessary) personal information": an open category, not an item.
GENERIC_ITEM = re.compile(
    r"(その他の?)?(必要な|所要の|関連する)?(個人情報|個人データ|情報|事項|データ)(等|など)?"
)
SUBJECT_PREFIX = re.compile(r"^(組合員|ご本人|本人|お客様|お客さま|利用者|会員)の")


def guess_category(name: str) -> ItemCategory:
    for category, words in CATEGORY_WORDS:
        if re.search(words, name):
            return category
    return ItemCategory.other


def guess_subject(name: str) -> Subject:
    for subject, words in SUBJECT_WORDS:
        if re.search(words, name):
            return subject
    return Subject.member


def guess_entity_type(name: str) -> EntityType | None:
    if re.search(r"株式会社|有限会社|合同会社|合資会社|合名会社|会社", name):
        return EntityType.company
    if re.search(r"協同組合|連合|生協|コープ|組合|財団|社団|法人|機構|協会|全労済", name):
        return EntityType.association
    if re.search(r"[都道府県市区町村]役所|[都道府県市区町村]$|税務署|警察|裁判所|年金事務所|省$|庁$", name):
        return EntityType.public_body
    return None


def split_item(token: str, first_on_line: bool) -> tuple[list[str], list[str]]:
    """An entry of a published item list → (items, open categories), reading 「その他」 as Japanese
    legal drafting does: "AそのほかのB" names A as an example of the wider B (A is the item, "その他のB" an
    open category); "Aその他B" lists A and B side by side. An entry of its own that starts with その他 is
    kept as published ("その他の属性情報") unless it follows other entries on its line without の
    ("…、その他取引関連情報": and B). Entries that only say "personal information" are open categories."""
    name = SUBJECT_PREFIX.sub("", token.strip())
    if GENERIC_ITEM.fullmatch(name):
        return [], [name]
    head, sep, tail = name.partition("その他")
    if not sep:
        return [name], []
    if head:
        if tail.startswith("の") or GENERIC_ITEM.fullmatch(tail):
            return [head], [sep + tail]
        return [head, tail], []
    if tail.startswith("の") or first_on_line:
        return [name], []
    return [tail], []


# --- small text helpers --------------------------------------------------------------------------------


def _char_map(raw: str) -> tuple[str, list[int]]:
    """The line as normalise() sees it character by character (NFKC, no spaces), with each character's
    position in the raw line."""
    out, where = [], []
    for i, ch in enumerate(raw):
        for c in unicodedata.normalize("NFKC", ch):
            if not c.isspace():
                out.append(c)
                where.append(i)
    return "".join(out), where


def verbatim(fact: Fact, lines: list[str], *, keep_stop: bool = False) -> str:
    """A fact's text as the policy prints it (spaces and full-width characters kept): the span of its line
    that normalises to the fact. Falls back to the normalised text when the line does not hold it whole."""
    if not 0 < fact.line <= len(lines):
        return fact.text
    raw = lines[fact.line - 1]
    folded, where = _char_map(raw)
    at = folded.find(fact.text)
    if at < 0:
        role = next((r for r in REPRESENTATIVE_WORDS if fact.text.startswith(r) and r != fact.text), None)
        if role:  # "代表理事：微笑 花" read as "代表理事微笑花"
            return f"{role} {verbatim(Fact(fact.text[len(role) :], fact.line), lines)}"
        return fact.text
    start, end = where[at], where[at + len(fact.text) - 1] + 1
    text = raw[start:end]
    if keep_stop and raw[end:].strip()[:1] in ("。", "."):
        text += raw[end:].strip()[0]
    return text


def same_party(a: str, b: str) -> bool:
    """Names of one party: equal, or one the other's fuller form ("全労済" in "…全労済…")."""
    a, b = normalise(a), normalise(b)
    return bool(a) and bool(b) and (a == b or (min(len(a), len(b)) >= 3 and (a in b or b in a)))


def _src(line: int | None) -> str:
    return f"policy:L{line}" if line else "assumption:draft"


def _join(values: list[str]) -> str:
    return SEP.join(dict.fromkeys(v for v in values if v))


def _ranges(lines: set[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for n in sorted(lines):
        if out and n <= out[-1][1] + 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out


# --- what the parser leaves to the draft ------------------------------------------------------------------

ORG_OPENING = re.compile(
    r"^(?P<name>[^、。,\s（(「]{2,40}?(?:生活協同組合|協同組合|連合会|株式会社|有限会社|合同会社|法人|財団|社団|機構|協会|組合|生協|コープ)[^、。,\s（(「]{0,20}?)"
    r"(?:は、|（以下|\(以下|\s+(?:個人情報|プライバシー))"
)
CONTACT_HEADING = re.compile(r"お?問い?合わ?せ|問合せ|苦情|相談窓口|窓口")
DEPARTMENT = re.compile(r"(?P<dept>[^\s　、。：:]{1,20}(?:部|課|室|センター|窓口|係|事務局|本部))$")
PHONE = re.compile(r"(?:0\d{1,4}-\d{1,4}-\d{3,4}|0120-\d{2,3}-\d{3})")
ENTRUSTED = re.compile(r"委託を受け|受託|委託業務において提供を受け|委託元から")
ACQUIRED_HEADING = re.compile(
    r"(取得|取り扱|取扱|保有|収集)(する|う|い)?(個人情報|情報)(の項目|の種類|の内容)?$|^(取得|保有)する個人情報の項目"
)
SENTENCE_END = re.compile(r"(ます|です|ません|ください|下さい)$")
INTRO = re.compile(r"(次|以下|下記)(の|に記載の)?(とおり|通り)")
COMPANY = re.compile(  # "株式会社〇〇" up to a particle before the verb, or "〇〇株式会社"
    r"(?:株式会社|有限会社|合同会社)[^\s、。,，（(「」]+?(?=[にへとが](?:委託|業務|個人|の)|[、。,，（(」]|$)"
    r"|[^\s、。,，（(「」はをにへとで]+?(?:株式会社|有限会社|合同会社)"
)


@dataclass
class _Extra:
    """Facts the draft reads beyond policy_text.py: the contact desk, the organisation's name from the
    opening sentence, entrusted purposes, items listed as acquired, outsourcees named."""

    name: Fact | None = None
    department: Fact | None = None
    phone: Fact | None = None
    entrusted: list[Fact] = field(default_factory=list)
    acquired_items: list[Fact] = field(default_factory=list)
    outsourcees: list[tuple[Fact, str]] = field(default_factory=list)  # (name, what the line says)


def _extra(policy: PolicyText) -> _Extra:
    lines = policy.lines
    norm = [normalise(x) for x in lines]
    ex = _Extra()
    # the opening names the organisation: "こだま生活協同組合は、…", "X生活協同組合 個人情報保護方針"
    for i, n in enumerate(norm[:5]):
        m = ORG_OPENING.match(strip_enumeration(unicodedata.normalize("NFKC", lines[i].strip())))
        if m and n:
            ex.name = Fact(normalise(m["name"]), i + 1)
            break
    contact_from: int | None = None
    section: str | None = None  # acquired | outsourcees: a list follows its heading or intro
    opener: str | None = None
    seen = False  # the section has had an entry
    for i, (raw, n) in enumerate(zip(lines, norm, strict=True)):
        if not n:
            continue
        plain = _unbracket(strip_enumeration(n))
        if CONTACT_HEADING.search(plain) and len(plain) <= 40:
            contact_from = i
        if contact_from is not None and i - contact_from <= 4:
            _contact(ex, raw, n, i)
        if ENTRUSTED.search(n) and re.search(r"利用(します|いたします|する)", n) and is_list_line(raw):
            ex.entrusted.append(Fact(strip_enumeration(n), i + 1))
        style = enum_style(raw)
        if section is not None:
            heading = (
                (opener is not None and style == opener)
                or style in ("article", "bracket", "mark")
                or (style or "").startswith("h")
            )
            listed = is_list_line(raw) or ("、" in n and not SENTENCE_END.search(n))
            if not heading and listed:
                body = strip_enumeration(n)
                if section == "acquired":
                    ex.acquired_items += [Fact(v, i + 1) for v in _entries(body)]
                else:
                    name = re.split(r"[(（:：]", body, maxsplit=1)[0].strip()
                    if name and not SENTENCE_END.search(name):
                        ex.outsourcees.append((Fact(name, i + 1), body))
                seen = True
                continue
            if not heading and not seen and SENTENCE_END.search(n):
                continue  # the section's opening sentence ("次の個人情報を取得します")
            section = None
        label, _, value = plain.replace("：", ":").partition(":")
        intro = bool(INTRO.search(n))
        if ACQUIRED_HEADING.search(label) and "共同" not in label and len(label) <= 30:
            section, opener, seen = "acquired", style, bool(value)
            ex.acquired_items += [Fact(v, i + 1) for v in _entries(value)]
        elif "委託" in label and not value and (len(label) <= 20 or ("委託先" in label and intro)):
            section, opener, seen = "outsourcees", style, False
    for fact in policy.outsourcing:  # "配送業務を株式会社〇〇運輸に委託しています"
        for m in COMPANY.finditer(fact.text):
            ex.outsourcees.append((Fact(m.group(0), fact.line), fact.text))
    return ex


def _unbracket(text: str) -> str:
    """A heading without its enclosing marks: "【共同利用】", "(取得する個人情報)", "<お問合せ先>"."""
    return re.sub(r"^[【\[<〈《■□◆◇●○(（「『]+|[】\]>〉》)）」』]+$", "", text)


def _contact(ex: _Extra, raw: str, n: str, i: int) -> None:
    """The contact desk's department and phone, and the organisation's name before the department."""
    parts = unicodedata.normalize("NFKC", raw.strip()).split()
    for part in parts:
        d = DEPARTMENT.search(part)
        if d and ex.department is None and not CONTACT_HEADING.search(part):
            ex.department = Fact(d["dept"], i + 1)
    p = PHONE.search(n)
    if p and ex.phone is None:
        ex.phone = Fact(p.group(0), i + 1)
    if ex.name is None and len(parts) > 1 and any(w in parts[0] for w in NAME_WORDS):
        ex.name = Fact(parts[0], i + 1)  # "ひかり生活協同組合 総務部"


def _entries(text: str) -> list[str]:
    parts = re.split(r"[、,，]", text.rstrip("。."))
    return [re.sub(r"(など|等|ほか)$", "", p.strip()) for p in parts if p.strip()]


# --- the draft ----------------------------------------------------------------------------------------------


@dataclass
class Draft:
    """A draft ledger: its tables (text cells), organisation.yaml, and what was and was not read."""

    text: str
    tables: dict[str, pd.DataFrame]
    organisation: dict
    found: dict[str, int]  # kind → count (texts: draft.kind.<kind>)
    organisation_missing: list[str]  # organisation facts the policy does not state
    not_understood: list[tuple[int, int]]
    open_categories: list[Fact]  # "その他の基本情報": item wording that names no item

    @property
    def usable(self) -> bool:
        """Whether the policy gave anything a ledger is made of (an organisation's name alone is not)."""
        keys = ("purposes", "joint_uses", "items", "partners")
        return any(self.found.get(k, 0) for k in keys)

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()


class _Builder:
    def __init__(self, policy: PolicyText, extra: _Extra) -> None:
        self.p = policy
        self.x = extra
        self.items: dict[str, dict] = {}  # normalised name → row
        self.partners: list[dict] = []
        self.purposes: list[dict] = []
        self.joint_uses: list[dict] = []
        self.uses: list[dict] = []
        self.linked: set[tuple[str, str]] = set()  # (item, purpose) pairs in uses
        self.flows: list[dict] = []
        self.open: list[Fact] = []
        self.unplaced: set[int] = set()  # lines of prose about joint use that no arrangement took up
        self.titled_by: dict[str, int] = {}  # arrangement label → line of the prose sentence about it
        self.org_name = (policy.organisation.get("name") or extra.name or Fact("", 0)).text

    # - the organisation -
    def is_self(self, name: str) -> bool:
        resolved = self.p.resolve(name)
        return (
            name in SELF_WORDS
            or name.startswith(SELF_WORDS)
            or (bool(self.org_name) and same_party(resolved, self.org_name))
        )

    def organisation(self) -> tuple[dict, list[str]]:
        o = self.p.organisation
        name = o.get("name") or self.x.name
        facts = {
            "name": name,
            "address": o.get("address"),
            "representative": o.get("representative"),
            "policy_date": o.get("date"),
        }
        # the organisation manages an arrangement itself and the policy gives its address there
        for a in self.p.joint_uses:
            m = a.manager
            if self._manager_is_self(m):
                facts["address"] = facts["address"] or m.address
                facts["representative"] = facts["representative"] or m.representative
        data: dict = {}
        sources: dict[str, str] = {}
        missing = []
        for key, fact in facts.items():
            if fact is None:
                missing.append(key)
                data[key] = None
                continue
            data[key] = fact.text if key == "policy_date" else verbatim(fact, self.p.lines)
            sources[key] = _src(fact.line)
        entity = guess_entity_type(name.text) if name else None
        data["entity_type"] = str(entity) if entity else None
        if entity:
            sources["entity_type"] = "assumption:名称から推定"
        data["contact"] = {
            "department": self.x.department.text if self.x.department else None,
            "phone": self.x.phone.text if self.x.phone else None,
        }
        if self.x.department or self.x.phone:
            sources["contact"] = _src((self.x.department or self.x.phone).line)
        ordered = {k: data.get(k) for k in ("name", "entity_type", "address", "representative")}
        ordered |= {"contact": data["contact"], "policy_date": data["policy_date"], "sources": sources}
        return ordered, missing

    def _manager_is_self(self, m: ManagerFacts) -> bool:
        return m.is_self or (len(m.names) == 1 and self.is_self(m.names[0].text))

    # - items -
    def item_ids(self, facts: list[Fact]) -> list[str]:
        """Item rows for a list of published entries (first mention gives the line); their ids."""
        ids: list[str] = []
        seen_lines: set[int] = set()
        for fact in facts:
            first = fact.line not in seen_lines
            seen_lines.add(fact.line)
            names, open_ = split_item(fact.text, first)
            self.open += [Fact(o, fact.line) for o in open_]
            for name in names:
                ids.append(self.item(name, fact.line))
        return list(dict.fromkeys(ids))

    def item(self, name: str, line: int) -> str:
        key = normalise(name)
        if key not in self.items:
            category = guess_category(name)
            special = bool(SPECIAL_CARE_WORDS.search(name))
            my_number = bool(MY_NUMBER_WORDS.search(name))
            row = {
                "item_id": f"I{len(self.items) + 1:03d}",
                "name_ja": name,
                "category": str(category),
                "special_care": str(special).lower(),
                "my_number": str(my_number).lower(),
                "subjects": str(guess_subject(name)),
                "department_id": "D01",
                "source": _src(line),
            }
            assumed = ["category", "special_care", "my_number", "subjects", "department_id"]
            if IDENTIFIER_CODE_WORDS.search(name):
                row["identifier_code"] = "true"
                assumed.append("identifier_code")
            if PROPERTY_DAMAGE_WORDS.search(name):
                row["property_damage"] = "true"
                assumed.append("property_damage")
            row["assumed"] = SEP.join(assumed)
            self.items[key] = row
        return self.items[key]["item_id"]

    # - partners -
    def partner(self, name: str, kind: PartnerKind, line: int, **more: str) -> str:
        resolved = self.p.resolve(name)
        for row in self.partners:  # one row per name; a short form is matched only where a role is read
            if row["kind"] == kind and normalise(row["name"]) == normalise(resolved):
                return row["partner_id"]
        prefix = PARTNER_PREFIX[kind]
        n = sum(r["kind"] == kind for r in self.partners) + 1
        entity = guess_entity_type(resolved)
        assumed = ["country"] + (["entity_type"] if entity else [])
        row = {
            "partner_id": f"{prefix}{n:02d}",
            "name": resolved,
            "kind": str(kind),
            "entity_type": str(entity) if entity else "",
            "country": "JP",
            "source": _src(line),
            "assumed": SEP.join(assumed),
            **more,
        }
        self.partners.append(row)
        return row["partner_id"]

    def _add_assumed(self, row: dict, column: str) -> None:
        row["assumed"] = _join([*str(row.get("assumed", "")).split(SEP), column])

    # - purposes -
    def purpose(self, pid: str, fact: Fact, kind: str, *, keep_stop: bool = False) -> str:
        self.purposes.append(
            {
                "purpose_id": pid,
                "text_ja": verbatim(fact, self.p.lines, keep_stop=keep_stop),
                "kind": kind,
                "source": _src(fact.line),
            }
        )
        return pid

    # - joint use -
    def _title(self, a: JointUseFacts) -> tuple[str, JointUseFacts | None]:
        """The arrangement's title, and the prose sentence about the same joint users if there is one: an
        arrangement listed by group ("共同利用者1") takes its title from that sentence ("共済事業において、
        …との間で…共同利用します" → 共済事業における共同利用)."""
        users = [self.p.resolve(u.text) for u in a.users]
        for prose in self.p.prose_joint_uses:
            if prose is a or not any(
                same_party(self.p.resolve(u.text), v) for u in prose.users for v in users
            ):
                continue
            if not GROUP_LABEL.fullmatch(a.label):
                return _unbracket(a.label), prose
            line = normalise(self.p.lines[prose.first_line - 1])
            m = re.match(r"^(?P<t>[^。]+?)(において|における|に関して|に関する|では)、", line)
            if m and not re.search(r"との間|共同", m["t"]):
                return f"{m['t']}における共同利用", prose
            return a.label, prose
        return _unbracket(a.label), None

    def joint_use(self, n: int, a: JointUseFacts) -> None:
        jid = f"JU{n}"
        general = self.p.general
        title, prose = (a.label, None) if a.prose else self._title(a)
        notes: list[str] = []
        if prose is not None:
            self.titled_by[a.label] = prose.first_line
            notes.append(t("draft.note.prose", "ja", line=prose.first_line))
        entries = a.items or ([] if a.all_items or not general else general.items)
        open_before = len(self.open)
        items = self.item_ids(entries)
        said_all = a.all_items or (general.all_items if general else None)
        if said_all:
            notes.append(t("draft.note.all_items", "ja", line=said_all.line))
        for o in self.open[open_before:]:
            notes.append(t("draft.note.open_category", "ja", text=o.text, line=o.line))
        # joint users named, with their exclusions; and those described by category
        members: dict[str, int] = {}  # partner id → the line naming it
        for u in a.users:
            pid = self.partner(u.text, PartnerKind.joint_user, u.line)
            row = self._row(pid)
            excl = [code for f, code in a.exclusions if f == u]
            if excl:
                row["excludes"] = _join([*str(row.get("excludes", "")).split(SEP), *excl])
            members.setdefault(pid, u.line)
        categories = "、".join(dict.fromkeys(c.text for c in a.categories))
        # purposes: listed, or by reference to the organisation's own
        purposes = {
            self.purpose(f"{jid}{_letters(k)}", f, "joint_use"): f.line for k, f in enumerate(a.purposes)
        }
        by_reference = a.purposes_by_reference or (general.purposes_by_reference if general else None)
        stated = "listed" if purposes else ("same_as_own" if by_reference else "")
        if by_reference and not purposes:
            notes.append(t("draft.note.purposes_by_reference", "ja", line=by_reference.line))
        manager, manager_category = self.manager(a)
        date = self.p.organisation.get("date")
        lines = [x.line for x in [*a.users, *a.categories, *a.items]] or [a.first_line]
        self.joint_uses.append(
            {
                "joint_use_id": jid,
                "title": title,
                "items_stated": "all" if said_all else "listed",
                "items": _join(items),
                "members": _join(list(members)),
                "member_categories": categories,
                "purposes_stated": stated,
                "purposes": _join(list(purposes)),
                "manager": manager,
                "manager_category": manager_category,
                "notice_date": date.text if date else "",  # the policy's date: a guess, marked
                "source": _src(min(lines)),
                "assumed": "notice_date" if date else "",
                "notes": " / ".join(notes),
            }
        )
        # what the notice states: these items, for these purposes (listed, or the organisation's own when
        # the notice refers to them), with these joint users
        linked = dict(purposes)
        if not linked and by_reference:
            linked = {p["purpose_id"]: by_reference.line for p in self.purposes if p["kind"] == "own"}
        for iid in items:
            for pid, line in linked.items():
                if (iid, pid) not in self.linked:
                    self.linked.add((iid, pid))
                    self.uses.append({"item_id": iid, "purpose_id": pid, "source": _src(line)})
        for partner_id, line in members.items():
            for iid in items:
                for purpose in list(linked) or [""]:
                    self.flows.append(
                        {
                            "flow_id": f"F{len(self.flows) + 1:04d}",
                            "item_id": iid,
                            "partner_id": partner_id,
                            "purpose_id": purpose,
                            "basis": str(Basis.joint_use),
                            "joint_use_id": jid,
                            "direction": str(Direction.out),
                            "source": _src(line),
                        }
                    )

    def _row(self, partner_id: str) -> dict:
        return next(r for r in self.partners if r["partner_id"] == partner_id)

    def manager(self, a: JointUseFacts) -> tuple[str, str]:
        m = a.manager if not a.manager.empty() else (self.p.general.manager if self.p.general else a.manager)
        if m.empty():
            return "", ""
        refs: list[str] = []
        categories: list[str] = []
        if self._manager_is_self(m):
            return "self", ""
        for f in m.names:
            name = self.p.resolve(f.text)
            if self.is_self(f.text):
                refs.append("self")
                continue
            known = next(
                (
                    r
                    for r in self.partners
                    if r["kind"] == PartnerKind.joint_user and same_party(r["name"], name)
                ),
                None,
            )
            if (
                known is None
                and re.search(r"会員|加盟|グループ|各社|事業者|など|等$", name)
                and not any(w in name for w in NAME_WORDS[:2])
            ):
                categories.append(name)
                continue
            pid = known["partner_id"] if known else self.partner(name, PartnerKind.joint_user, f.line)
            if known is None:  # named as manager only: a joint user by law, but not listed as one
                self._add_assumed(self._row(pid), "kind")
            refs.append(f"partner:{pid}")
        single = [r for r in refs if r.startswith("partner:")]
        if len(single) == 1 and len(m.names) == 1:
            row = self._row(single[0].removeprefix("partner:"))
            for key in ("address", "representative"):
                fact = getattr(m, key)
                if fact is not None and not row.get(key):
                    row[key] = verbatim(fact, self.p.lines)
        return _join(refs), "、".join(categories)

    # - outsourcing and third parties -
    def outsourcees(self) -> None:
        for fact, said in self.x.outsourcees:
            pid = self.partner(verbatim(fact, self.p.lines), PartnerKind.outsourcee, fact.line)
            row = self._row(pid)
            if said != fact.text and not row.get("notes"):
                row["notes"] = verbatim(Fact(said, fact.line), self.p.lines, keep_stop=True)

    def statutory(self) -> None:
        """One recipient per listed exception to third-party provision (APPI Art.27(1)(i)–(iv)): the
        policy names a case, not a recipient, so the name is a label and marked as assumed."""
        for fact, code in self.p.third_party_exceptions:
            name = t(f"draft.statutory.{code}", "ja")
            row = self._row(self.partner(name, PartnerKind.statutory, fact.line, notes=fact.text))
            entity = EntityType.public_body if code != Basis.statutory_life else None
            row["entity_type"] = str(entity) if entity else ""
            row["assumed"] = _join(["name", "country", "entity_type" if entity else ""])


def _letters(k: int) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return letters[k] if k < len(letters) else f"{letters[k // 26 - 1]}{letters[k % 26]}"


def _frame(name: str, rows: list[dict]) -> pd.DataFrame:
    columns = TABLES_BY_NAME[name].column_names
    cells = [{c: str(row.get(c) or "") for c in columns} for row in rows]
    return pd.DataFrame(cells, columns=columns, dtype=str)


def draft_ledger(text: str) -> Draft:
    """The draft ledger of a published policy's text (see the module docstring)."""
    policy = parse_policy_text(text)
    extra = _extra(policy)
    b = _Builder(policy, extra)
    statements = [f for f in policy.outsourcing if len(_unbracket(f.text)) > 15]  # not "（業務の委託）"
    organisation, missing = b.organisation()
    # own purposes, then entrusted business
    for k, f in enumerate(policy.purposes):
        b.purpose(f"P{k + 1:02d}", f, "own")
    for f in extra.entrusted:
        b.purpose(f"P{len(b.purposes) + 1:02d}", f, "entrusted", keep_stop=True)
    b.item_ids(extra.acquired_items)  # the items the policy says it acquires, then those it shares
    for n, a in enumerate(policy.joint_uses, start=1):
        b.joint_use(n, a)
    # prose sentences about joint use that no listed arrangement took up
    if policy.joint_uses and not policy.joint_uses[0].prose:
        taken = {b.titled_by[a.label] for a in policy.joint_uses if a.label in b.titled_by}
        b.unplaced |= {p.first_line for p in policy.prose_joint_uses if p.first_line not in taken}
    # items a general joint-use statement names ("住所、氏名、その他必要な個人情報を…共同利用します")
    if policy.general is not None and any(a.items for a in policy.joint_uses):
        for f in policy.general.items:
            names, _ = split_item(f.text, False)
            for name in names:
                if normalise(name) in b.items:
                    continue
                b.item(name, f.line)
    b.outsourcees()
    b.statutory()
    if statements:  # outsourcing has no table of its own: its statements are kept with the organisation
        organisation["notes"] = "\n".join(
            t("draft.note.outsourcing", "ja", line=f.line, text=verbatim(f, policy.lines, keep_stop=True))
            for f in statements
        )
    departments = []
    dept = extra.department
    if b.items or dept:
        departments.append(
            {
                "department_id": "D01",
                "name": dept.text if dept else t("draft.department_unknown", "ja"),
                "source": _src(dept.line) if dept else "assumption:公表文に部門の記載なし",
                "notes": t("draft.note.department", "ja"),
            }
        )
    tables = {
        "items": _frame("items", list(b.items.values())),
        "purposes": _frame("purposes", b.purposes),
        "uses": _frame("uses", b.uses),
        "partners": _frame("partners", b.partners),
        "joint_uses": _frame("joint_uses", b.joint_uses),
        "flows": _frame("flows", b.flows),
        "departments": _frame("departments", departments),
        "controls": _frame("controls", []),
        "actions": _frame("actions", []),
    }
    unread = {n for first, last in policy.not_understood for n in range(first, last + 1)} | b.unplaced
    kinds = {k: r["kind"] for k, r in enumerate(b.purposes)}
    found = {
        "organisation": 4 - len(missing),
        "purposes": sum(v == "own" for v in kinds.values()),
        "entrusted_purposes": sum(v == "entrusted" for v in kinds.values()),
        "joint_uses": len(b.joint_uses),
        "joint_use_purposes": sum(v == "joint_use" for v in kinds.values()),
        "joint_users": sum(r["kind"] == PartnerKind.joint_user for r in b.partners),
        "items": len(b.items),
        "outsourcing": len(statements),
        "outsourcees": sum(r["kind"] == PartnerKind.outsourcee for r in b.partners),
        "exceptions": len(policy.third_party_exceptions),
        "uses": len(b.uses),
        "flows": len(b.flows),
    }
    found["partners"] = len(b.partners)
    return Draft(
        text=text,
        tables=tables,
        organisation=organisation,
        found=found,
        organisation_missing=missing,
        not_understood=_ranges(unread),
        open_categories=b.open,
    )


# --- writing -------------------------------------------------------------------------------------------

ORGANISATION_HEADER = """\
# Draft written by `privacy-inventory draft` from {policy} (kept beside it as {copy}).
# Each value's line in the policy is under `sources` (policy:L<n>); a value the policy does not state is
# left empty, and `privacy-inventory check` reports what is missing (e.g. APPI Art.27(5)(iii), Art.32).
"""


def check_target(out: Path, *, force: bool = False) -> None:
    """Refuse a target that is a file, or a folder with anything in it (unless `force`)."""
    if out.exists() and not out.is_dir():
        raise DraftError("out_not_dir", out)
    if out.is_dir() and any(out.iterdir()) and not force:
        raise DraftError("out_not_empty", out)


def empty_required_tables(draft: Draft) -> list[str]:
    """The files of tables that must have rows (items, purposes, …) but that the policy left empty."""
    return [
        TABLES_BY_NAME[name].file
        for name, df in draft.tables.items()
        if len(df) < TABLES_BY_NAME[name].min_rows
    ]


def write_draft(draft: Draft, policy_path: Path, out: Path, *, force: bool = False) -> list[str]:
    """Write the draft ledger to `out`: built beside it and renamed into place when complete. An existing
    `out` that is not an empty directory is replaced only with `force`. Returns the files written."""
    check_target(out, force=force)
    with built_aside(out, replace=True) as tmp:
        write_ledger(dict(draft.tables), tmp)
        header = ORGANISATION_HEADER.format(policy=policy_path.name, copy=POLICY_COPY)
        body = yaml.safe_dump(draft.organisation, allow_unicode=True, sort_keys=False, width=1000)
        (tmp / "organisation.yaml").write_text(header + body, encoding="utf-8")
        with (tmp / POLICY_COPY).open("w", encoding="utf-8", newline="") as fh:
            fh.write(draft.text)  # the text the line numbers count, as UTF-8
        model = bundled_inventory() / "risk_model.yaml"
        if model.exists():
            shutil.copyfile(model, tmp / "risk_model.yaml")
        written = sorted(p.name for p in tmp.iterdir())
    return written
