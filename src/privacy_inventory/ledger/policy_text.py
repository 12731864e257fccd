"""A published privacy policy (個人情報保護方針) read into structured facts, each with its line number.

What it reads: the organisation (name, address, representative, date), purposes of use, the joint-use
arrangements (共同利用: items, joint users named or described by category, per-user exclusions, the
users' purposes, the manager with address and representative), outsourcing statements and the exceptions
to third-party provision. It understands the two ways co-op policies write joint use:

- bracket headings with per-group sub-sections (【共同利用者の範囲】 共同利用者1 : A・B …), and
- the statute's own headings (「共同して利用される個人データの項目」「共同して利用する者の範囲」
  「利用する者の利用目的」「当該個人データの管理について責任を有する者の氏名又は名称及び住所並びに法人に
  あっては、その代表者の氏名」), one block per arrangement,

with numbered (1. ① (1) ア.) or bulleted (・ • -) lists, and joint users named in prose ("…との間で共同
利用します"). Lines about joint use it cannot place are returned as `not_understood` line ranges, never
dropped: a reader can tell "the policy names no joint users" from "this part was not understood".

Nothing here knows the ledger: `notice --compare` (assess/notice.py) matches these facts against it, and a
later `draft` command turns them into a draft ledger.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# --- text normalisation ---------------------------------------------------------------------------------

_ENUM = re.compile(
    r"^(?:"
    r"#{1,6}(?=\s)"  # Markdown headings
    r"|第[0-9一二三四五六七八九十]+[条項号章節](?![のにはをがで])"  # 第5条 (not 第三者…)
    r"|[0-9]+(?:[.．、)）](?![0-9])|\s)"  # 1. 1、 1) "1 "
    r"|[(（][0-9a-zA-Z一二三四五六七八九十ア-ンｱ-ﾝ]{1,3}[)）]"  # (1) （ア）
    r"|[\u2460-\u2473\u2776-\u277f\u24b6-\u24e9]"  # ① ❶ Ⓐ
    r"|[ア-ン][.．、)）]"  # ア.
    r"|[a-zA-Z][.)]\s"  # a)
    r"|[・•\-*■□◆◇●○▪※＊]"  # bullets
    r")\s*"
)
_SPACES = re.compile(r"\s+")


def strip_enumeration(text: str) -> str:
    """Leading list numbering and bullets removed ("1. 1. ①・x" → "x"), repeatedly."""
    text = text.strip()
    prev = None
    while prev != text:
        prev, text = text, _ENUM.sub("", text, count=1).strip()
    return text


def normalise(text: str) -> str:
    """Full/half-width folded (NFKC), list numbering and bullets stripped, whitespace and a final 。 removed."""
    t = strip_enumeration(text)  # ① first: NFKC would turn it into a plain digit
    t = strip_enumeration(unicodedata.normalize("NFKC", t))
    t = _SPACES.sub("", t)
    return t.rstrip("。.")


def is_list_line(line: str) -> bool:
    """Whether a line starts with list numbering or a bullet."""
    raw = line.strip()
    return bool(raw) and (
        strip_enumeration(raw) != raw
        or strip_enumeration(unicodedata.normalize("NFKC", raw)) != unicodedata.normalize("NFKC", raw)
    )


def enum_style(line: str) -> str | None:
    """How a line is numbered: article (第5条), dot (3.), paren ((1)), circled (①), kana (ア.), bracket
    (【…】), mark (■), bullet (・), or None. A section ends where a line of its opener's style begins."""
    raw = unicodedata.normalize("NFKC", line.strip())
    if not raw:
        return None
    md = re.match(r"^(#{1,6})\s", raw)
    if md:
        return f"h{len(md.group(1))}"
    if re.match(r"^第[0-9一二三四五六七八九十]+[条章節]", raw):
        return "article"
    if re.match(r"^[【\[]", raw):
        return "bracket"
    if re.match(r"^[■□◆◇●○▪<〈《]", raw):
        return "mark"
    if re.match(r"^[0-9]+(\.|、|\s)", raw):
        return "dot"
    if re.match(r"^[(（][0-9a-zA-Z一二三四五六七八九十ア-ン]{1,3}[)）]", raw):
        return "paren"
    if re.match(r"^[\u2460-\u2473\u2776-\u277f]", line.strip()):
        return "circled"
    if re.match(r"^[ア-ン][.、)]", raw):
        return "kana"
    if re.match(r"^[・•\-*※]", raw):
        return "bullet"
    return None


PLACEHOLDER = re.compile(r"^[【\[](未記載|MISSING)")  # what the generated notice shows for a missing fact


def _unbracket(t: str) -> str:
    return t.strip("【】[]「」『』()（）<>〈〉《》:：")


def _heading_text(n: str) -> str:
    """A line without its numbering and, when the whole line is bracketed (【…】), the brackets."""
    t = strip_enumeration(n)
    for open_, close in (("【", "】"), ("[", "]"), ("<", ">"), ("〈", "〉"), ("《", "》")):
        if t.startswith(open_) and t.endswith(close):
            return t[1:-1]
    return t


# --- facts ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    """A value read from the policy: its normalised text and the 1-based line it is on."""

    text: str
    line: int


@dataclass
class ManagerFacts:
    """The person responsible for managing the jointly used data, as the policy states it."""

    names: list[Fact] = field(default_factory=list)  # one party, or several ("A及びB")
    address: Fact | None = None
    representative: Fact | None = None
    is_self: bool = False  # "当組合", "当社" …: the organisation itself
    first_line: int | None = None

    def empty(self) -> bool:
        return not (self.names or self.address or self.representative or self.is_self)


@dataclass
class JointUseFacts:
    """One joint-use arrangement as the policy states it."""

    label: str
    first_line: int
    last_line: int
    items: list[Fact] = field(default_factory=list)
    all_items: Fact | None = None  # "全ての項目" and the like: not specific
    users: list[Fact] = field(default_factory=list)  # joint users named
    categories: list[Fact] = field(default_factory=list)  # joint users described by category
    exclusions: list[tuple[Fact, str]] = field(default_factory=list)  # (joint user, special_care | my_number)
    purposes: list[Fact] = field(default_factory=list)
    purposes_by_reference: Fact | None = None  # "上記の利用目的の範囲内"
    manager: ManagerFacts = field(default_factory=ManagerFacts)
    prose: bool = False  # read from a sentence, not from headings


@dataclass
class PolicyText:
    lines: list[str]
    organisation: dict[str, Fact | None]  # name, address, representative, date (YYYY-MM-DD)
    aliases: dict[str, str]  # 「コープやまぐち」 → 生活協同組合コープやまぐち
    purposes: list[Fact]  # the organisation's own purposes (listed lines)
    joint_uses: list[JointUseFacts]  # arrangements read from headings (or, failing that, from prose)
    prose_joint_uses: list[JointUseFacts]  # arrangements read from sentences
    general: JointUseFacts | None  # joint-use statements that apply to every arrangement ("全ての項目…")
    outsourcing: list[Fact]
    third_party_exceptions: list[tuple[Fact, str]]  # (line, statutory_law | statutory_life | …)
    not_understood: list[tuple[int, int]]  # line ranges (first, last), 1-based

    def resolve(self, name: str) -> str:
        """An alias defined in the policy, replaced by the name it stands for."""
        return self.aliases.get(name, name)

    @property
    def mentions_joint_use(self) -> bool:
        return any(JOINT_USE.search(normalise(x)) for x in self.lines)


# --- vocabulary of the two styles ----------------------------------------------------------------------------

JOINT_USE = re.compile(r"共同利用|共同して利用|共同で利用|共同して使用|共同利用者")
SELF_WORDS = (
    "当組合",
    "当生協",
    "当会",
    "当法人",
    "当社",
    "弊社",
    "弊組合",
    "本会",
    "本組合",
    "私たち",
    "当連合会",
)
ALL_ITEMS = re.compile(
    r"(全て|すべて|全部)の(個人情報|個人データ|項目|情報)|全項目|取得した個人(情報|データ)(の全て|すべて)?(?=を|について|$)"
)
BY_REFERENCE = re.compile(r"利用目的の範囲内|利用目的と同じ|利用目的に同じ|利用目的のとおり")
ALIAS = re.compile(
    r"(?P<name>[^、。,\s（(]+?)[（(]以下[、,]?\s*[「『](?P<alias>[^」』]+)[」』]\s*(?:という|といいます|と称します)"
)
DATE = re.compile(r"(?P<y>(?:19|20)\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
GROUP = re.compile(
    r"^(?:共同利用者|グループ|利用者)[\s]*(?P<g>[0-9]+|[A-Za-z]|[一二三四五六七八九十]+)(?:[:：](?P<rest>.*))?$"
)
GROUP_ITEMS = re.compile(
    r"^(?:共同利用者|グループ)\s*(?P<g>[0-9]+|[A-Za-z]|[一二三四五六七八九十]+)の(?:情報)?項目$"
)
COMMON_ITEMS = re.compile(r"^(共通する|共通の|全共同利用者に共通する)(情報)?項目$")
EXCLUDES = re.compile(r"[(（](?P<what>[^)）]*?)を除く[)）]")
CATEGORY_WORDS = (
    "会員", "加盟", "グループ", "子会社", "関連会社", "各社", "事業者", "提携先", "取引先", "代理店", "引受保険会社",
    "保険会社", "医療機関", "事業所", "など", "等", "各", "及びその", "並びにその", "所属", "構成",
)  # fmt: skip
NAME_WORDS = ("株式会社", "有限会社", "合同会社", "協同組合", "連合会", "生協", "財団", "社団", "法人", "機構", "協会", "全労済", "コープ", "組合")  # fmt: skip
ADDRESS = re.compile(r"〒|[都道府県].{0,6}[市区町村郡]|丁目|番地|[0-9]+-[0-9]+")
REPRESENTATIVE_WORDS = (
    "代表理事",
    "理事長",
    "代表取締役",
    "社長",
    "会長",
    "代表者",
    "代表執行役",
    "組合長",
    "管理人",
)
EXCEPTIONS = (  # APPI Art.27(1)(i)–(iv), in the words policies use
    ("statutory_life", ("生命", "身体")),
    ("statutory_public_health", ("公衆衛生", "児童")),
    ("statutory_government", ("国の機関", "地方公共団体", "事務を遂行", "事務の遂行")),
    ("statutory_law", ("法令",)),
)


_FIELD_WORDS = {
    "items": re.compile(r"項目"),
    "scope": re.compile(r"範囲|共同利用先|共同利用者(?!の利用目的)"),
    "purposes": re.compile(r"目的"),
    "manager": re.compile(r"責任|管理者"),
}


def field_of(norm: str) -> str | None:
    """Which notice item a heading line names, or None when the line is not such a heading. A line that
    names several of them (a table header, the statute paraphrased in a sentence) is not a heading."""
    t = _unbracket(strip_enumeration(norm))
    head = re.split(r"[:：]", t, maxsplit=1)[0]
    if not head or len(head) > 70 or re.search(r"(します|しています|ません|あります|できます)$", head):
        return None
    plain = re.sub(r"(共同して)?利用する者の利用目的|共同利用者の利用目的", "目的", head)
    if sum(bool(rx.search(plain)) for rx in _FIELD_WORDS.values()) != 1:
        return None
    if (
        "項目" in head
        and re.search(r"共同|利用される|利用する|対象", head)
        and re.search(r"項目(について)?$", head)
    ):
        found = "items"
    elif (
        "範囲" in head and re.search(r"共同|利用する者|利用者", head) and re.search(r"範囲(について)?$", head)
    ):
        found = "scope"
    elif re.search(
        r"(利用する者の利用目的|共同利用の目的|共同利用者の利用目的|共同して利用する目的|共同利用する目的|^利用目的)(について)?$",
        head,
    ):
        found = "purposes"
    elif re.search(
        r"(責任を有する者|管理責任者|管理について責任を有する者の.*氏名|管理者)(について)?$", head
    ):
        found = "manager"
    else:
        return None
    if found != "manager" and len(head) > 40:
        return None
    return found


def _inline_value(norm: str) -> str:
    """The value after a heading on the same line: "管理責任者：当組合" → "当組合"."""
    t = strip_enumeration(norm)
    parts = re.split(r"[:：]", t, maxsplit=1)
    return parts[1].strip() if len(parts) == 2 else ""


def _tokens(text: str, *, dots: bool = False) -> list[str]:
    """A listed line split into its values: "氏名、住所など" → ["氏名", "住所"]."""
    text = text.rstrip("。.")
    parts = re.split(r"[、,，]" + ("|・" if dots else ""), text)
    out = []
    for p in parts:
        p = re.sub(r"(など|等|ほか)$", "", p.strip()).strip()
        if p:
            out.append(p)
    return out


def _split_parties(text: str) -> list[str]:
    """ "A及びB", "A、B", "AとB" → [A, B] (a name's own "・" is kept)."""
    parts = re.split(r"、|,|及び|および|並びに|ならびに|(?<=[会社合団構協])と", text)
    return [p.strip() for p in parts if p.strip()]


def _looks_like_category(token: str) -> bool:
    return any(w in token for w in CATEGORY_WORDS) and not token.startswith(("株式会社", "有限会社"))


def _exclusion_codes(what: str) -> list[str]:
    codes = []
    if "要配慮" in what or "センシティブ" in what or "機微" in what:
        codes.append("special_care")
    if "個人番号" in what or "マイナンバー" in what or "特定個人情報" in what:
        codes.append("my_number")
    return codes


# --- the parser ---------------------------------------------------------------------------------------------


class _Reader:
    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.norm = [normalise(x) for x in self.lines]
        self.used: set[int] = set()  # 0-based indexes of lines placed somewhere
        self.aliases: dict[str, str] = {}
        self.region: set[int] = set()  # lines inside a joint-use section
        self.unread_exceptions: list[int] = []  # listed third-party cases that name no statutory exception

    # - organisation and aliases -
    def read_aliases(self) -> None:
        for n in self.norm:
            for m in ALIAS.finditer(n):
                name = strip_enumeration(m.group("name"))
                self.aliases[m.group("alias")] = name

    def organisation(self) -> dict[str, Fact | None]:
        org: dict[str, Fact | None] = {"name": None, "address": None, "representative": None, "date": None}
        for i, n in enumerate(self.norm):
            if i in self.region:
                continue
            label, _, value = (
                strip_enumeration(n).partition("：") if "：" in n else strip_enumeration(n).partition(":")
            )
            if value:
                if re.fullmatch(r"(名称|事業者名|組合名|会社名|法人名)", label):
                    org["name"] = org["name"] or Fact(value, i + 1)
                elif re.fullmatch(r"(住所|所在地|本部所在地|本社所在地)", label):
                    org["address"] = org["address"] or Fact(value, i + 1)
                elif re.fullmatch(r"(代表者|代表者の氏名|代表者名|代表理事|理事長)", label):
                    org["representative"] = org["representative"] or Fact(value, i + 1)
            d = DATE.search(n)
            if d and org["date"] is None and len(n) <= 30:
                org["date"] = Fact(f"{int(d['y']):04d}-{int(d['m']):02d}-{int(d['d']):02d}", i + 1)
                # a signature: the organisation's name on the line right after (or before) the date
                for j in (i + 1, i + 2, i - 1):
                    if (
                        0 <= j < len(self.norm)
                        and self.norm[j]
                        and any(w in self.norm[j] for w in NAME_WORDS)
                    ):
                        if org["name"] is None and len(self.norm[j]) <= 40:
                            org["name"] = Fact(self.norm[j], j + 1)
                        break
        if org["name"] is None and self.aliases:
            first = min(
                (i for i, n in enumerate(self.norm) if ALIAS.search(n)), default=None
            )  # the organisation usually defines its own short name first
            if first is not None:
                m = ALIAS.search(self.norm[first])
                org["name"] = Fact(strip_enumeration(m.group("name")), first + 1)
        return org

    # - purposes, outsourcing, third-party exceptions -
    def purposes(self) -> list[Fact]:
        out = []
        for i, (raw, n) in enumerate(zip(self.lines, self.norm, strict=True)):
            if i in self.region or not n:
                continue
            style = enum_style(raw) or ""
            if style.startswith("h") or style in ("article", "bracket", "mark") or len(n) <= 6:
                continue  # a heading, not a listed purpose
            if is_list_line(raw) and re.search(r"(ため|ために|目的)$", n) and not JOINT_USE.search(n):
                out.append(Fact(n, i + 1))
        return out

    def outsourcing(self) -> list[Fact]:
        return [
            Fact(n, i + 1)
            for i, n in enumerate(self.norm)
            if "委託" in n and not re.search(r"受託|委託を受け|委託業務において提供を受けた|委託元", n)
        ]

    def exceptions(self) -> list[tuple[Fact, str]]:
        """The listed cases in which the policy provides data to third parties without consent. A listed
        case that names none of the statutory exceptions is kept in `unread_exceptions`."""
        out = []
        inside, style = False, None
        for i, (raw, n) in enumerate(zip(self.lines, self.norm, strict=True)):
            if "第三者" in n and re.search(r"提供", n) and re.search(r"除き|除いて|場合を除", n):
                inside, style = True, None
                continue
            if inside:
                if not n:
                    continue
                here = enum_style(raw)
                style = style or here
                if not is_list_line(raw) or here != style:
                    inside = False
                    continue
                for code, words in EXCEPTIONS:
                    if any(w in n for w in words):
                        out.append((Fact(n, i + 1), code))
                        break
                else:
                    self.unread_exceptions.append(i)
        return out

    # - joint use -
    def _heading_ahead(self, i: int, look: int = 4) -> bool:
        """Whether a notice-item heading follows within a few lines (then line i titles an arrangement)."""
        seen = 0
        for j in range(i + 1, len(self.norm)):
            if not self.norm[j]:
                continue
            if field_of(self.norm[j]):
                return True
            seen += 1
            if seen >= look:
                return False
        return False

    def _looks_like_heading(self, i: int) -> bool:
        raw, n = self.lines[i].strip(), self.norm[i]
        if not n or len(n) > 40 or self._is_statement(n):
            return False
        return enum_style(raw) not in (None, "bullet") or n.endswith("について")

    def _is_intro(self, n: str) -> bool:
        """ "…を以下の組織と共同利用します", "次のとおり共同して利用します": the details follow."""
        return bool(
            re.search(r"(次|以下|下記|別記|別表)(の|に記載の)?(とおり|通り|組織|者|事業者|範囲|項目|内容)", n)
        )

    def _closes(self, i: int, opener: str | None, fld: str | None, seen: bool) -> bool:
        """Whether line i (no joint-use word, no notice-item heading) starts the policy's next section.
        `seen`: whether the section has held anything yet (a title that only mentions joint use has not)."""
        raw, n = self.lines[i].strip(), self.norm[i]
        if not self._looks_like_heading(i) or self._heading_ahead(i):
            return False
        style = enum_style(raw)
        if fld == "purposes" and re.search(r"(ため|ために|目的)$", n):
            return False
        if not seen:
            return True
        if style and opener and style[0] == "h" == opener[0] and style[1:].isdigit() and opener[1:].isdigit():
            return int(style[1:]) <= int(opener[1:])  # Markdown: a heading of the same or a higher level
        if opener is None:
            return style in ("article", "bracket", "dot", "mark") or n.endswith("について")
        return style == opener or (style == "article" and opener != "article")

    def joint_use(
        self,
    ) -> tuple[list[JointUseFacts], list[JointUseFacts], JointUseFacts | None, list[tuple[int, int]]]:
        general = JointUseFacts("general", 0, 0)
        prose: list[JointUseFacts] = []
        structured: list[JointUseFacts] = []
        groups: dict[str, JointUseFacts] = {}  # field-first layout: 共同利用者1, 共同利用者2 …
        common = JointUseFacts("common", 0, 0)  # field-first layout: what applies to every group
        state: dict = {
            "current": None,
            "fld": None,
            "group": None,
            "region": False,
            "opener": None,
            "unplaced_from": 0,
        }
        unplaced: list[int] = []

        def target(i: int) -> JointUseFacts:
            g = state["group"]
            if g == "common" or (g is None and groups):
                return common
            if g is not None:
                return groups.setdefault(g, JointUseFacts(f"共同利用者{g}", i + 1, i + 1))
            if state["current"] is None:
                state["current"] = JointUseFacts(f"共同利用{len(structured) + 1}", i + 1, i + 1)
                structured.append(state["current"])
            return state["current"]

        def sentence(i: int, n: str) -> bool:
            read = self._prose(n, i)
            if read is None:
                return False
            self.used.add(i)
            if read.label == "statute":
                return True
            if read.users or read.categories:
                prose.append(read)
            else:
                _merge(general, read)
            return True

        for i, n in enumerate(self.norm):
            if not n:
                continue
            raw = self.lines[i].strip()
            stripped = _heading_text(n)
            group_items, common_items = GROUP_ITEMS.match(stripped), COMMON_ITEMS.match(stripped)
            f_here = None if (group_items or common_items) else field_of(n)
            mentions = bool(JOINT_USE.search(n))
            bare = f_here == "purposes" and _unbracket(stripped).startswith("利用目的")
            inside = state["fld"] is not None or (
                state["current"] is not None and _has_content(state["current"])
            )
            if bare and not (state["region"] and inside):
                f_here = None  # a bare 「利用目的」 is the organisation's own purposes, unless inside an arrangement
            if state["region"] and not (f_here or mentions or group_items or common_items):
                seen = state["fld"] is not None or bool(groups or prose) or any(map(_has_content, structured))
                if self._closes(i, state["opener"], state["fld"], seen):
                    lost = unplaced[state["unplaced_from"] :]
                    if not seen and not any(JOINT_USE.search(self.norm[j]) for j in lost):
                        # only a title mentioned joint use: what followed was another subject
                        del unplaced[state["unplaced_from"] :]
                    if not seen:
                        structured[:] = [a for a in structured if _has_content(a)]
                    state.update(region=False, fld=None, group=None, current=None)
            if not state["region"]:
                opens = f_here or (mentions and (self._looks_like_heading(i) or self._is_intro(n)))
                if not opens:
                    # one sentence about joint use in another part of the policy
                    if mentions and not sentence(i, n):
                        unplaced.append(i)
                    continue
                state.update(region=True, opener=enum_style(raw), fld=None, group=None, current=None)
                state["unplaced_from"] = len(unplaced)
            self.region.add(i)

            if group_items or common_items:
                state.update(group=group_items["g"] if group_items else "common", fld="items")
                self.used.add(i)
                continue
            if f_here:  # a notice-item heading, perhaps with its value on the same line
                cur = state["current"]
                if not groups and cur is not None and getattr_field(cur, f_here):
                    state["current"] = None  # the item repeats: the next arrangement has begun
                state.update(fld=f_here, group=None)
                self.used.add(i)
                value = _inline_value(n)
                if value:
                    self._place(target(i), f_here, value, i)
                continue
            gm = GROUP.match(stripped)
            if gm and state["fld"] is not None:
                state["group"] = gm["g"]
                self.used.add(i)
                if gm["rest"]:
                    self._place(target(i), state["fld"], gm["rest"], i)
                continue
            if (
                mentions
                and self._looks_like_heading(i)
                and state["group"] is None
                and not re.search(r"(ため|目的)$", n)
            ):
                if not sentence(i, n) or self._heading_ahead(i):  # "1．共済事業における共同利用"
                    state["current"] = JointUseFacts(stripped, i + 1, i + 1)
                    structured.append(state["current"])
                    state["fld"] = None
                    self.used.add(i)
                continue
            if mentions and (state["fld"] is None or self._is_statement(n)):
                if self._is_intro(n) and not self._prose(n, i):
                    self.used.add(i)
                    continue
                if sentence(i, n):
                    continue
                unplaced.append(i)
                continue
            if state["fld"] is None:
                unplaced.append(i)
                continue
            self._place(target(i), state["fld"], n, i)

        for g in groups.values():
            _merge(g, common)
        arrangements = [a for a in [*groups.values(), *structured] if _has_content(a)]
        if not arrangements and _has_content(common):
            common.label = "共同利用1"
            arrangements = [common]
        elif groups and not common.manager.empty() and general.manager.empty():
            general.manager = common.manager
        for a in [*arrangements, *prose]:
            lines = self._lines_of(a)
            a.first_line = min([x for x in (a.first_line, *lines) if x], default=a.first_line)
            a.last_line = max([a.last_line, *lines])
        has_general = bool(
            general.all_items or general.purposes_by_reference or not general.manager.empty() or general.items
        )
        return arrangements, prose, general if has_general else None, _ranges(unplaced)

    @staticmethod
    def _is_statement(n: str) -> bool:
        return bool(re.search(r"(します|しています|いたします|します。|できます|あります|ものとします)$", n))

    @staticmethod
    def _lines_of(a: JointUseFacts) -> list[int]:
        facts = [*a.items, *a.users, *a.categories, *a.purposes, *a.manager.names]
        facts += [
            f
            for f in (a.all_items, a.purposes_by_reference, a.manager.address, a.manager.representative)
            if f
        ]
        return [f.line for f in facts]

    def _place(self, a: JointUseFacts, fld: str, n: str, i: int) -> bool:
        """Put the content of line i under a notice item of arrangement a. False: not understood."""
        line = i + 1
        a.first_line = min(a.first_line, line) if a.first_line else line
        a.last_line = max(a.last_line, line)
        self.used.add(i)
        if PLACEHOLDER.match(n) or PLACEHOLDER.match(_inline_value(n) or "-"):
            return True  # the generated notice's 【未記載…】: nothing is stated
        if fld == "items":
            for token in _tokens(n):
                if ALL_ITEMS.search(token):
                    a.all_items = a.all_items or Fact(token, line)
                else:
                    a.items.append(Fact(token, line))
            return True
        if fld == "scope":
            for part in _tokens(n, dots=True) if "共同利用者" not in n else _tokens(n):
                excluded = EXCLUDES.search(part)
                name = EXCLUDES.sub("", part).strip()
                if not name:
                    continue
                fact = Fact(name, line)
                if _looks_like_category(name):
                    a.categories.append(fact)
                else:
                    a.users.append(fact)
                if excluded:
                    a.exclusions += [(fact, code) for code in _exclusion_codes(excluded["what"])]
            return True
        if fld == "purposes":
            if BY_REFERENCE.search(n):
                a.purposes_by_reference = a.purposes_by_reference or Fact(n, line)
                return True
            a.purposes.append(Fact(n, line))
            return True
        if fld == "manager":
            return self._manager(a.manager, n, line)
        return False

    def _manager(self, m: ManagerFacts, n: str, line: int) -> bool:
        m.first_line = m.first_line or line
        n = strip_enumeration(n)
        inner = re.search(r"[(（](?P<inner>[^)）]*(住所|所在地|代表)[^)）]*)[)）]", n)
        if inner:  # "当組合（住所：…、代表理事：…）"; "（住所及び代表者は末尾に記載）" points elsewhere
            if not re.search(r"記載|末尾|上記|下記|別記|のとおり", inner["inner"]):
                for part in re.split(r"[、,]", inner["inner"]):
                    if part.strip():
                        self._manager(m, part.strip(), line)
            n = (n[: inner.start()] + n[inner.end() :]).strip()
            if not n:
                return True
        labelled = re.match(r"^(?P<label>[^:：()（）]{1,20})[:：](?P<value>.*)$", n)
        label = labelled["label"] if labelled else ""
        text = (labelled["value"] if labelled else n).strip()
        if label and re.search(r"住所|所在地", label):
            m.address = Fact(text, line)
        elif label and any(w in label for w in ("代表", "管理人")):
            m.representative = Fact(_clean_rep(text, label), line)
        elif label and re.search(r"名称|氏名|責任者|名$|管理者", label):
            self._manager_names(m, text, line)
        elif not label and ADDRESS.search(text) and not any(w in text for w in NAME_WORDS[:5]):
            m.address = Fact(text, line)
        elif not label and any(text.startswith(w) for w in REPRESENTATIVE_WORDS):
            m.representative = Fact(_clean_rep(text, ""), line)
        elif text:
            self._manager_names(m, text, line)
        return True

    def _manager_names(self, m: ManagerFacts, text: str, line: int) -> None:
        text = re.sub(r"(です|とします|が責任を持ちます|が責任を有します|となります)$", "", text)
        for name in _split_parties(text):
            if name in SELF_WORDS or name.startswith(SELF_WORDS):
                m.is_self = True  # "当組合": the organisation itself, whatever name it defined for itself
            m.names.append(Fact(self.aliases.get(name, name), line))

    def _subjects(self) -> tuple[str, ...]:
        return (*SELF_WORDS, *self.aliases)

    def _prose(self, n: str, i: int) -> JointUseFacts | None:
        """A sentence about joint use: the parties, items and purposes it names, if any."""
        line = i + 1
        if "特定の者" in n or all(w in n for w in ("項目", "範囲", "利用目的", "責任を有する者")):
            return JointUseFacts("statute", line, line)  # the statute paraphrased: states no arrangement
        a = JointUseFacts(f"共同利用（{line}行）", line, line, prose=True)
        found = False
        m = re.search(
            r"(?P<who>[^。]*?)(?:との間で|と共同して利用|と共同利用|と共同で利用|と共同して使用)", n
        )
        if m:
            who = m["who"]
            cuts = [
                who.rfind(k) + len(k)
                for k in (
                    "において、",
                    "は、",
                    "では、",
                    "ために、",
                    "ため、",
                    "を、",
                    "に関して、",
                    "について、",
                )
                if k in who
            ]
            who = (
                who[max(cuts) :]
                if cuts
                else re.sub(rf"^({'|'.join(map(re.escape, self._subjects()))})は", "", who)
            )
            if who and not re.search(r"以下|下記|次の|別記|別表", who):
                for part in _split_parties(who):
                    excl = EXCLUDES.search(part)
                    name = re.sub(r"[(（][^)）]*[)）]$", "", EXCLUDES.sub("", part)).strip()
                    name = self.aliases.get(name, name)
                    if not name or name in SELF_WORDS:
                        continue
                    fact = Fact(name, line)
                    (a.categories if _looks_like_category(name) else a.users).append(fact)
                    if excl:
                        a.exclusions += [(fact, c) for c in _exclusion_codes(excl["what"])]
                    found = True
        if ALL_ITEMS.search(n):
            a.all_items = Fact(n, line)
            found = True
        seg = n
        for marker in ("との間で、", "との間で", "と、"):
            if marker in seg:
                seg = seg.rsplit(marker, 1)[-1]
                break
        else:
            seg = re.sub(r"^.*?(は、|において、)", "", seg, count=1)
            seg = re.sub(rf"^({'|'.join(map(re.escape, self._subjects()))})は、?", "", seg)
        obj = re.match(r"(?P<items>[^。]*?)を、?[^。]*?(共同利用|共同して利用|共同で利用)", seg)
        if obj and not ALL_ITEMS.search(obj["items"]) and not self._is_intro(obj["items"]):
            tokens = [re.sub(r"^(組合員|ご本人|お客様|利用者|会員)の", "", t) for t in _tokens(obj["items"])]
            tokens = [t for x in tokens for t in re.split(r"及び|および|並びに", x) if t]
            a.items += [Fact(t, line) for t in tokens if not JOINT_USE.search(t)]
            found = found or bool(a.items)
        if BY_REFERENCE.search(n):
            a.purposes_by_reference = Fact(n, line)
            found = True
        for p in re.finditer(r"(?:、|^)(?P<p>[^、。]+?(?:のため|の目的))(?:に|で)?、", n):
            a.purposes.append(Fact(p["p"], line))
            found = True
        mg = re.search(
            r"管理(?:について)?(?:は|の責任者は|責任者は|責任者[:：])(?P<who>[^、。]+?)(?:が責任を持ち|が責任を有し|です|とし|が行い|$)",
            n,
        )
        if mg:
            self._manager_names(a.manager, mg["who"], line)
            a.manager.first_line = line
            found = True
        return a if found else None


def getattr_field(a: JointUseFacts, fld: str) -> bool:
    """Whether an arrangement already holds facts under a notice item (a repeat starts a new one)."""
    if fld == "items":
        return bool(a.items or a.all_items)
    if fld == "scope":
        return bool(a.users or a.categories)
    if fld == "purposes":
        return bool(a.purposes or a.purposes_by_reference)
    return not a.manager.empty()


def _clean_rep(text: str, label: str) -> str:
    text = re.sub(r"^(の氏名|氏名|名)", "", text).strip()
    role = next((w for w in REPRESENTATIVE_WORDS if label.startswith(w) and w not in ("代表者",)), "")
    return (role + text) if role and not text.startswith(role) else text


def _merge(into: JointUseFacts, other: JointUseFacts, fill_only: bool = False) -> None:
    """Add another reading's facts (the common items of every group, a general statement …)."""
    into.items = [*other.items, *into.items] if not fill_only or not into.items else into.items
    into.users += [u for u in other.users if u not in into.users]
    into.categories += [c for c in other.categories if c not in into.categories]
    into.exclusions += other.exclusions
    if not into.purposes:
        into.purposes = list(other.purposes)
    into.all_items = into.all_items or other.all_items
    into.purposes_by_reference = into.purposes_by_reference or other.purposes_by_reference
    if into.manager.empty():
        into.manager = other.manager
    into.first_line = (
        min(x for x in (into.first_line, other.first_line) if x) if other.first_line else into.first_line
    )


def _has_content(a: JointUseFacts) -> bool:
    return bool(a.items or a.all_items or a.users or a.categories or a.purposes or a.purposes_by_reference)


def _ranges(indexes: list[int]) -> list[tuple[int, int]]:
    """0-based line indexes → 1-based (first, last) ranges of consecutive lines."""
    out: list[tuple[int, int]] = []
    for i in sorted(set(indexes)):
        if out and i + 1 <= out[-1][1] + 2:  # a blank line between keeps one range
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i + 1, i + 1))
    return out


def parse_policy_text(text: str) -> PolicyText:
    """Read a published policy into facts with line numbers (see the module docstring)."""
    r = _Reader(text)
    r.read_aliases()
    arrangements, prose, general, not_understood = r.joint_use()
    exceptions = r.exceptions()
    if r.unread_exceptions:
        lines = {i for first, last in not_understood for i in range(first - 1, last)}
        not_understood = _ranges([*lines, *r.unread_exceptions])
    return PolicyText(
        lines=r.lines,
        organisation=r.organisation(),
        aliases=r.aliases,
        purposes=r.purposes(),
        joint_uses=arrangements if arrangements else prose,
        prose_joint_uses=prose,
        general=general,
        outsourcing=r.outsourcing(),
        third_party_exceptions=exceptions,
        not_understood=not_understood,
    )
