"""The ledger schema, declared once.

Validation (validate.py), the generated column reference (docs/ledger.md), `init`, the synthetic
generator and the Excel template all read these declarations; nothing else lists columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..i18n import Vocabulary

Kind = Literal["id", "text", "enum", "bool", "int", "date", "ref"]
LIST_SEPARATOR = ";"  # a cell of a `multiple` column holds several values: "I001;I002"
# The example rows of a new workbook (`init FILE.xlsx`) have ids starting with this; a ledger with such a
# row left in is refused until the row is changed or deleted.
EXAMPLE_PREFIX = "例"

# --- allowed values: each code with its Japanese and English label ---------------------------------


class ItemCategory(Vocabulary):
    identity = "identity", "本人特定情報", "identity"
    contact = "contact", "連絡先", "contact"
    demographic = "demographic", "属性情報", "demographic"
    membership = "membership", "組合員資格情報", "membership"
    behavioural = "behavioural", "行動・嗜好情報", "behavioural"
    transaction = "transaction", "取引・購買情報", "transaction"
    financial = "financial", "金融・決済情報", "financial"
    complaint = "complaint", "苦情・問合せ情報", "complaint"
    health_care = "health_care", "健康・介護情報", "health and care"
    my_number = "my_number", "個人番号（特定個人情報）", "My Number"
    employment = "employment", "雇用・人事情報", "employment"
    other = "other", "その他", "other"


class Subject(Vocabulary):
    member = "member", "組合員", "members"
    service_user = "service_user", "福祉サービス利用者", "welfare service users"
    employee = "employee", "役職員", "staff"
    applicant = "applicant", "採用応募者", "job applicants"
    family = "family", "家族・扶養親族", "family members"
    entrusted_member = "entrusted_member", "委託元生協の組合員", "members of entrusting co-ops"
    visitor = "visitor", "来店者", "store visitors"


class Identifiability(Vocabulary):
    """ENISA (2013) "ease of identification" levels."""

    negligible = "negligible", "識別困難", "negligible"
    limited = "limited", "限定的", "limited"
    significant = "significant", "相当程度", "significant"
    maximum = "maximum", "直接識別可能", "maximum"


class Acquisition(Vocabulary):
    direct_written = "direct_written", "本人から書面・Webで取得", "from the person, in writing or online"
    direct_oral = "direct_oral", "本人から口頭で取得", "from the person, orally"
    indirect = "indirect", "第三者から取得", "from a third party"
    joint_use = "joint_use", "共同利用者から取得", "from a joint user"
    entrusted = "entrusted", "委託元から受託", "entrusted by another business"
    generated = "generated", "業務で生成", "generated in operations"


class PurposeKind(Vocabulary):
    own = "own", "利用目的（別記1）", "own purpose of use"
    entrusted = "entrusted", "受託業務", "entrusted business"
    joint_use = "joint_use", "共同利用の目的", "joint-use purpose"
    internal = "internal", "内部管理（雇用等）", "internal administration"


class PurposeCategory(Vocabulary):
    """What a purpose of use is for, in general terms: the published purposes are free text, this is
    their classification (also what the Fides export maps to a data use; see docs/fides.md)."""

    service = "service", "商品・サービスの提供", "providing products and services"
    billing = "billing", "代金の請求・決済", "billing and payment"
    support = "support", "問合せ・苦情・アフターサービス", "enquiries, complaints and after-sales service"
    notification = "notification", "緊急連絡・重要なお知らせ", "urgent contact and service notices"
    marketing = "marketing", "商品・サービスの案内・組合員募集", "marketing and recruiting members"
    improvement = "improvement", "商品開発・サービス改善", "product and service improvement"
    membership = "membership", "組合員資格・出資金の管理", "membership and share capital"
    governance = "governance", "機関運営・組合員活動", "governance and member activities"
    entrusted = "entrusted", "受託業務（委託元の目的）", "business entrusted by another organisation"
    employment = "employment", "雇用管理", "employment"
    recruitment = "recruitment", "採用選考", "recruitment"
    legal_obligation = (
        "legal_obligation",
        "法令上の義務（個人番号関係事務等）",
        "legal obligations (e.g. My Number affairs)",
    )


# A purpose with no category is classified by its kind.
PURPOSE_CATEGORY_OF_KIND = {
    PurposeKind.own: PurposeCategory.service,
    PurposeKind.entrusted: PurposeCategory.entrusted,
    PurposeKind.joint_use: PurposeCategory.service,
    PurposeKind.internal: PurposeCategory.employment,
}


class Disposal(Vocabulary):
    """How an item is disposed of when its retention ends (JIS Q 15001 / Pマーク ledger practice)."""

    shred = "shred", "シュレッダー裁断", "shredding"
    dissolve = "dissolve", "溶解処理", "pulping (dissolution)"
    erase = "erase", "データ消去（復元不可能な方法）", "secure erasure"
    destroy_media = "destroy_media", "媒体の物理的破壊", "physical destruction of media"
    contractor = "contractor", "廃棄業者へ委託（廃棄証明書を取得）", "disposal contractor (with certificate)"
    return_ = "return", "委託元へ返却", "returned to the entrusting party"


class PartnerKind(Vocabulary):
    internal = "internal", "自組織・子会社", "internal"
    joint_user = "joint_user", "共同利用者", "joint user"
    outsourcee = "outsourcee", "委託先", "outsourcee"
    sub_outsourcee = "sub_outsourcee", "再委託先", "sub-outsourcee"
    third_party = "third_party", "第三者", "third party"
    statutory = "statutory", "法令に基づく提供先", "statutory recipient"
    entrusting_coop = "entrusting_coop", "委託元（他生協等）", "entrusting co-op"


class TransferBasis(Vocabulary):
    """APPI Art.28(1)."""

    consent = "consent", "外国提供への本人同意", "consent to foreign transfer"
    equivalent_country = "equivalent_country", "同等水準国（EU・英国）", "country with an equivalent system"
    standard_system = "standard_system", "基準適合体制", "recipient meets the PPC standards"


class Subcontracting(Vocabulary):
    none = "none", "再委託なし", "none"
    known = "known", "再委託先を把握", "known and recorded"
    unknown = "unknown", "不明", "unknown"


class EntityType(Vocabulary):
    """What kind of person a party is. APPI Arts. 27(5)(iii), 32(1)(i) ask a legal person (法人) for its
    representative's name; the statute counts a group that is not a legal person but has a representative or
    administrator as one (法人でない団体で代表者又は管理人の定めのあるもの, Art.27(2)(i))."""

    company = "company", "会社等の法人", "company or other corporation"
    association = "association", "協同組合・社団等の法人", "co-operative or association (a legal person)"
    individual = "individual", "個人（個人事業者）", "individual"
    unincorporated = "unincorporated", "法人でない団体", "group that is not a legal person"
    public_body = "public_body", "国の機関・地方公共団体等", "public body"


# The parties whose representative's name must be stated (法人, and a group with a representative).
NEEDS_REPRESENTATIVE = (EntityType.company, EntityType.association, EntityType.unincorporated)


class ItemsStatement(Vocabulary):
    """How a joint-use notice states the items jointly used (APPI Art.27(5)(iii))."""

    listed = "listed", "項目を列挙", "items listed"
    all = "all", "「全ての項目」と記載", "stated as all items"


class PurposesStatement(Vocabulary):
    """How a joint-use notice states the joint users' purposes of use (APPI Art.27(5)(iii))."""

    listed = "listed", "利用目的を列挙", "purposes listed"
    same_as_own = (
        "same_as_own",
        "自組織の利用目的と同じ（参照）",
        "by reference: the organisation's own purposes",
    )


class Exclusion(Vocabulary):
    """What a published joint-use statement excludes for a joint user (「要配慮個人情報を除く」)."""

    special_care = "special_care", "要配慮個人情報を除く", "special-care information excluded"
    my_number = "my_number", "特定個人情報を除く", "My Numbers excluded"


class ContractTerm(Vocabulary):
    """What an outsourcing contract covers: the elements PPC GL (通則編) 3-4-4 and the My Number GL expect."""

    safety_measures = "safety_measures", "安全管理措置", "safety-management measures"
    subcontracting = "subcontracting", "再委託の条件", "conditions for sub-contracting"
    incident_reporting = "incident_reporting", "漏えい等の報告", "reporting of incidents"
    audit = "audit", "監査・実地調査の権限", "audit and inspection rights"
    return_deletion = "return_deletion", "契約終了時の返却・消去", "return or deletion at the end"


class Basis(Vocabulary):
    joint_use = "joint_use", "共同利用（法27条5項3号）", "joint use, Art.27(5)(iii)"
    outsourcing = "outsourcing", "委託（法27条5項1号）", "outsourcing, Art.27(5)(i)"
    consent = "consent", "本人同意（法27条1項）", "consent, Art.27(1)"
    statutory_law = "statutory_law", "法令に基づく（法27条1項1号）", "required by law, Art.27(1)(i)"
    statutory_life = (
        "statutory_life",
        "生命・身体・財産の保護（法27条1項2号）",
        "life, body or property, Art.27(1)(ii)",
    )
    statutory_public_health = (
        "statutory_public_health",
        "公衆衛生・児童の健全育成（法27条1項3号）",
        "public health or children, Art.27(1)(iii)",
    )
    statutory_government = (
        "statutory_government",
        "国の機関等への協力（法27条1項4号）",
        "cooperation with the state, Art.27(1)(iv)",
    )
    opt_out = "opt_out", "オプトアウト（法27条2項）", "opt-out, Art.27(2)"
    my_number_19 = "my_number_19", "番号法19条に基づく提供", "My Number Act Art.19"
    inbound_entrusted = "inbound_entrusted", "受託による受領（別記1-2）", "received as an entrusted business"
    internal = "internal", "組織内の利用", "internal use"


STATUTORY_BASES = (
    Basis.statutory_law,
    Basis.statutory_life,
    Basis.statutory_public_health,
    Basis.statutory_government,
)


class Direction(Vocabulary):
    out = "out", "提供", "outbound"
    in_ = "in", "受領", "inbound"


class Channel(Vocabulary):
    system = "system", "システム連携", "system link"
    sftp = "sftp", "SFTP等の暗号化転送", "SFTP / encrypted transfer"
    api = "api", "API", "API"
    email = "email", "電子メール", "email"
    paper = "paper", "紙", "paper"
    courier = "courier", "媒体の搬送", "courier / media"
    phone = "phone", "電話", "phone"
    in_person = "in_person", "対面", "in person"


class ControlCategory(Vocabulary):
    """PPC guidelines (通則編) 10-1 … 10-7."""

    basic_policy = "basic_policy", "基本方針の策定（10-1）", "basic policy (10-1)"
    rules = "rules", "取扱規律の整備（10-2）", "handling rules (10-2)"
    organisational = "organisational", "組織的安全管理措置（10-3）", "organisational (10-3)"
    human = "human", "人的安全管理措置（10-4）", "human (10-4)"
    physical = "physical", "物理的安全管理措置（10-5）", "physical (10-5)"
    technical = "technical", "技術的安全管理措置（10-6）", "technical (10-6)"
    external_environment = "external_environment", "外的環境の把握（10-7）", "external environment (10-7)"


class Axis(Vocabulary):
    """The two axes of a risk; what a control lowers."""

    likelihood = "likelihood", "発生可能性", "likelihood"
    severity = "severity", "影響度", "severity"


class ControlStatus(Vocabulary):
    implemented = "implemented", "実施済", "implemented"
    planned = "planned", "計画中", "planned"
    retired = "retired", "廃止", "retired"


class ActionStatus(Vocabulary):
    open = "open", "未着手", "open"
    in_progress = "in_progress", "対応中", "in progress"
    done = "done", "完了", "done"
    cancelled = "cancelled", "取消", "cancelled"


# --- incidents (breach triage and the incident register) --------------------------------------------


class Cause(Vocabulary):
    """What happened. Each cause gives the default circumstances of the breach (risk_model.yaml,
    breach.enisa.causes); an incident may state its own."""

    loss = "loss", "紛失", "loss"
    theft = "theft", "盗難", "theft"
    misdelivery = (
        "misdelivery",
        "誤送付・誤配達・誤送信",
        "sent to the wrong recipient (post, parcel, e-mail)",
    )
    accidental_publication = (
        "accidental_publication",
        "誤った公開（設定ミス等でWeb上に閲覧可能）",
        "accidental publication (exposed on the web by mistake)",
    )
    unauthorized_access = "unauthorized_access", "不正アクセス", "unauthorised access"
    malware = "malware", "マルウェア感染", "malware"
    insider = "insider", "内部不正（従業者による持ち出し等）", "insider (staff taking data out)"


class Confidentiality(Vocabulary):
    """ENISA (2013) circumstances of breach: loss of confidentiality."""

    none = "none", "機密性の喪失なし", "no loss of confidentiality"
    exposed = "exposed", "さらされたが不正な取扱いの証拠なし", "exposed, no evidence of unlawful processing"
    known_recipients = "known_recipients", "特定の（既知の）受領者に開示", "disclosed to known recipients"
    unknown_recipients = (
        "unknown_recipients",
        "不特定多数の（未知の）受領者に開示",
        "disclosed to an unknown number of recipients",
    )


class Integrity(Vocabulary):
    """ENISA (2013) circumstances of breach: loss of integrity."""

    none = "none", "完全性の喪失なし", "no loss of integrity"
    altered = "altered", "改変されたが不正利用の証拠なし", "altered, no evidence of misuse"
    recoverable = (
        "recoverable",
        "改変・不正利用のおそれ（復元可能）",
        "altered and possibly misused, recoverable",
    )
    not_recoverable = (
        "not_recoverable",
        "改変・不正利用のおそれ（復元不能）",
        "altered and possibly misused, not recoverable",
    )


class Availability(Vocabulary):
    """ENISA (2013) circumstances of breach: loss of availability."""

    none = "none", "可用性の喪失なし", "no loss of availability"
    recoverable = "recoverable", "支障なく復旧できる", "recoverable without difficulty"
    temporary = "temporary", "一時的に利用できない", "temporarily unavailable"
    permanent = "permanent", "恒久的に利用できない（復元不能）", "permanently unavailable"


class Adjustment(Vocabulary):
    """ENISA (2013) contextual adjustments of one incident: the DPC raised or lowered for the volume or
    nature of the breached data, the EI lowered where identification needs more than the data itself.
    The amounts are in risk_model.yaml (breach.enisa.adjustments); the method's rules in texts.py."""

    profile = "profile", "量・内容からプロファイルが作れる", "volume or nature allows a profile"
    sensitive_profile = (
        "sensitive_profile",
        "機微な事項（健康・信条等）を推測できる",
        "allows assumptions about sensitive matters",
    )
    critical_for_vulnerable = (
        "critical_for_vulnerable",
        "弱い立場の本人の安全に関わる",
        "critical for the safety of vulnerable individuals",
    )
    no_insight = (
        "no_insight",
        "実質的な情報を含まない・公開情報から容易に得られる",
        "no substantial insight, or public",
    )
    limited_insight = "limited_insight", "一部の情報のみで大きな推測はできない", "little insight"
    assumptions_only = (
        "assumptions_only",
        "機微な事項の推測にとどまる",
        "only assumptions about sensitive matters",
    )
    pseudonymised = (
        "pseudonymised",
        "仮名化されている（この事案のデータ）",
        "pseudonymised (in this incident)",
    )


class Band(Vocabulary):
    """ENISA (2013) severity bands of SE."""

    low = "low", "低", "low"
    medium = "medium", "中", "medium"
    high = "high", "高", "high"
    very_high = "very_high", "非常に高い", "very high"


class Duty(Vocabulary):
    """Whether a law requires a report to the PPC and notice to the individuals for one incident."""

    required = "required", "報告・本人通知が必要", "report and notice required"
    not_reportable = "not_reportable", "報告対象の事態に該当しない", "not a reportable event"
    exempt_encrypted = "exempt_encrypted", "高度な暗号化等により報告対象外", "exempt: advanced encryption"
    not_a_leak = "not_a_leak", "漏えい等に該当しない（閲覧前に回収）", "not a leak (recovered unread)"
    not_involved = "not_involved", "特定個人情報を含まない", "no My Number data involved"


class IncidentStatus(Vocabulary):
    open = "open", "対応中", "open"
    closed = "closed", "完了", "closed"


# Where a fact comes from: a clause of the published policy, the published internal rules, an internal
# record, an illustrative assumption, or the synthetic generator.
SOURCE_KINDS = ("policy", "regulation", "record", "assumption", "synthetic")  # where a row's facts come from
SOURCE_PATTERN = rf"^({'|'.join(SOURCE_KINDS)})(:.+)?$"
SOURCE_HELP = "policy:<clause> | regulation:<article> | record:<ref> | assumption[:note] | synthetic"

# applies_to / refers_to: a typed reference to a row of another table (or the whole ledger).
CONTROL_SCOPE_PREFIXES = {
    "item": "items",
    "partner": "partners",
    "flow": "flows",
    "department": "departments",
}
ACTION_REF_PREFIXES = {
    **CONTROL_SCOPE_PREFIXES,
    "control": "controls",
    "incident": "incidents",
    "finding": None,
}


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    ja: str
    en: str
    required: bool = False  # an empty cell is an error
    allowed: type[Vocabulary] | None = None  # for kind="enum"
    references: str | None = None  # "table.column" for kind="ref"
    minimum: int | None = None  # for kind="int"
    pattern: str | None = None  # regex a text value must match
    pattern_help: str = ""
    example: str = ""
    multiple: bool = False  # several values separated by ";" (enum codes, ids or typed references)

    def values_help(self) -> str:
        return "; で区切って複数可 / several values separated by ;" if self.multiple else ""


@dataclass(frozen=True)
class Table:
    name: str
    file: str
    key: tuple[str, ...]
    ja: str
    en: str
    columns: tuple[Column, ...]
    min_rows: int = 0
    optional: bool = False  # a ledger without this file (or sheet) has the table empty: older ledgers
    polymorphic: dict[str, dict[str, str | None]] = field(default_factory=dict)  # column -> prefix map
    sheet: str = ""  # the table's sheet in the Excel workbook (Japanese: the people filling it in read it)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)


def _source() -> Column:
    return Column(
        "source",
        "text",
        "出典（方針の条項・規則・記録・仮定）",
        "where the fact comes from",
        required=True,
        pattern=SOURCE_PATTERN,
        pattern_help=SOURCE_HELP,
        example="policy:別記1-1",
    )


def _notes() -> Column:
    return Column("notes", "text", "備考", "free-text notes")


def _assumed(*columns: str) -> Column:
    """Which of the row's values are assumptions even though the row itself comes from the policy."""
    names = "|".join(columns)
    return Column(
        "assumed",
        "text",
        "仮定の値の列（;区切り）",
        "columns whose value is an assumption (;-separated)",
        pattern=rf"^({names})(;({names}))*$",
        pattern_help="column names of this table separated by ';'",
        example="records;retention",
    )


ITEMS = Table(
    "items",
    "items.csv",
    ("item_id",),
    "個人情報の項目（個人情報管理台帳）",
    "personal-data items",
    (
        Column("item_id", "id", "項目ID", "item id", required=True, example="I001"),
        Column("name_ja", "text", "項目名", "item name (Japanese)", required=True, example="氏名"),
        Column("name_en", "text", "項目名（英語）", "item name (English)", example="name"),
        Column("category", "enum", "区分", "category", required=True, allowed=ItemCategory),
        Column(
            "special_care",
            "bool",
            "要配慮個人情報（法2条3項）",
            "special-care information, APPI Art.2(3)",
            required=True,
        ),
        Column(
            "my_number",
            "bool",
            "特定個人情報（番号法）",
            "My Number (specific personal information)",
            required=True,
        ),
        Column(
            "identifier_code", "bool", "個人識別符号（法2条2項）", "individual identification code, Art.2(2)"
        ),
        Column(
            "property_damage",
            "bool",
            "財産的被害のおそれ（規則7条2号）",
            "misuse may cause financial damage, PPC Rules Art.7(ii)",
        ),
        Column(
            "identifiability",
            "enum",
            "識別容易性（ENISA）",
            "ease of identification (ENISA)",
            allowed=Identifiability,
        ),
        Column("subjects", "enum", "本人の区分", "whose data", required=True, allowed=Subject),
        Column("records", "int", "件数（人数）", "number of people", minimum=0, example="120000"),
        Column("retention", "text", "保存期間", "retention period (Art.22)", example="脱退後5年"),
        Column("acquisition", "enum", "取得方法", "how it is acquired", allowed=Acquisition),
        Column(
            "consent_special_care",
            "bool",
            "要配慮の取得同意（法20条2項）",
            "consent to acquire special-care data, Art.20(2)",
        ),
        Column("system", "text", "保管システム・媒体", "system or medium holding it"),
        Column(
            "department_id",
            "ref",
            "管理部門",
            "responsible department",
            required=True,
            references="departments.department_id",
        ),
        # What a Privacy Mark (JIS Q 15001) auditor expects in the ledger besides the above: 保管場所,
        # 保管方法, アクセス権を有する者, 利用期限, 保管期限 (retention), 廃棄方法, confirmed at least yearly.
        Column("storage_location", "text", "保管場所", "where it is kept", example="本部サーバ室"),
        Column("storage_method", "text", "保管方法", "how it is kept", example="アクセス制御・暗号化"),
        Column(
            "access_holders",
            "text",
            "アクセス権を有する者",
            "who may access it (roles, not names)",
            example="管理部 組合員管理担当",
        ),
        Column("use_until", "text", "利用期限", "until when it is used", example="脱退まで"),
        Column(
            "disposal",
            "enum",
            "廃棄方法",
            "how it is disposed of (one or more, ;-separated)",
            allowed=Disposal,
            multiple=True,
            example="dissolve;erase",
        ),
        Column(
            "last_confirmed",
            "date",
            "最終確認日（台帳の内容）",
            "when this row was last confirmed (JIS Q 15001: at least yearly)",
        ),
        _source(),
        _assumed(
            "records",
            "retention",
            "acquisition",
            "consent_special_care",
            "system",
            "department_id",
            "identifiability",
            "property_damage",
            "identifier_code",
            "category",
            "subjects",
            "storage_location",
            "storage_method",
            "access_holders",
            "use_until",
            "disposal",
            "last_confirmed",
            "special_care",
            "my_number",
        ),
        _notes(),
    ),
    min_rows=1,
    sheet="項目",
)

PURPOSES = Table(
    "purposes",
    "purposes.csv",
    ("purpose_id",),
    "利用目的",
    "purposes of use",
    (
        Column("purpose_id", "id", "利用目的ID", "purpose id", required=True, example="P01"),
        Column("text_ja", "text", "利用目的（公表文）", "purpose as published (Japanese)", required=True),
        Column("text_en", "text", "利用目的（英語）", "purpose (English)"),
        Column("kind", "enum", "種別", "kind", required=True, allowed=PurposeKind),
        Column(
            "category",
            "enum",
            "利用目的の分類",
            "what the purpose is for (empty: by its kind)",
            allowed=PurposeCategory,
        ),
        Column("scope", "text", "事業の範囲", "service scope", example="宅配;店舗"),
        Column("my_number_affairs", "bool", "個人番号関係事務（番号法9条）", "My Number affairs, Act Art.9"),
        _source(),
        _assumed("category", "kind", "scope", "my_number_affairs"),
        _notes(),
    ),
    min_rows=1,
    sheet="利用目的",
)

USES = Table(
    "uses",
    "uses.csv",
    ("item_id", "purpose_id"),
    "項目×利用目的",
    "item × purpose",
    (
        Column("item_id", "ref", "項目ID", "item", required=True, references="items.item_id"),
        Column("purpose_id", "ref", "利用目的ID", "purpose", required=True, references="purposes.purpose_id"),
        _source(),
    ),
    min_rows=1,
    sheet="項目×利用目的",
)

PARTNERS = Table(
    "partners",
    "partners.csv",
    ("partner_id",),
    "提供先・委託先・共同利用者",
    "partners",
    (
        Column("partner_id", "id", "提供先ID", "partner id", required=True, example="PJ01"),
        Column("name", "text", "名称", "name", required=True),
        Column("name_en", "text", "名称（英語）", "name (English)"),
        Column("kind", "enum", "種別", "kind", required=True, allowed=PartnerKind),
        Column("entity_type", "enum", "法人・団体の別", "entity type", allowed=EntityType),
        Column(
            "country",
            "text",
            "所在国（ISO 3166）",
            "country (ISO 3166 alpha-2)",
            required=True,
            pattern=r"^[A-Z]{2}$",
            pattern_help="two capital letters, e.g. JP",
            example="JP",
        ),
        Column(
            "transfer_basis",
            "enum",
            "外国提供の根拠（法28条）",
            "basis of a foreign transfer, Art.28",
            allowed=TransferBasis,
        ),
        Column("address", "text", "住所", "address"),
        Column("representative", "text", "代表者", "representative"),
        Column(
            "excludes",
            "enum",
            "共同利用で除くと公表した情報",
            "what the published joint use excludes for this partner",
            allowed=Exclusion,
            multiple=True,
        ),
        Column("contract_date", "date", "契約締結日", "contract date"),
        Column(
            "contract_covers",
            "enum",
            "委託契約に定めた事項（GL通則3-4-4）",
            "what the outsourcing contract covers (PPC GL 3-4-4)",
            allowed=ContractTerm,
            multiple=True,
            example="safety_measures;subcontracting;incident_reporting;audit;return_deletion",
        ),
        Column("last_inspection", "date", "直近の点検日", "last inspection"),
        Column("subcontracting", "enum", "再委託", "sub-contracting", allowed=Subcontracting),
        Column(
            "parent_partner_id",
            "ref",
            "委託元の委託先ID（再委託）",
            "outsourcee this one works for",
            references="partners.partner_id",
        ),
        Column(
            "subcontract_permitted_on",
            "date",
            "再委託の許諾日（最初の委託者、番号法10条）",
            "sub-contracting permitted by the original entruster on (My Number Act Art.10)",
        ),
        _source(),
        _assumed(
            "name",
            "entity_type",
            "country",
            "transfer_basis",
            "address",
            "representative",
            "contract_date",
            "contract_covers",
            "last_inspection",
            "subcontracting",
            "parent_partner_id",
            "subcontract_permitted_on",
            "kind",
        ),
        _notes(),
    ),
    min_rows=1,
    sheet="提供先",
)

JOINT_USES = Table(
    "joint_uses",
    "joint_uses.csv",
    ("joint_use_id",),
    "共同利用（法27条5項3号）",
    "joint-use arrangements, APPI Art.27(5)(iii)",
    (
        Column("joint_use_id", "id", "共同利用ID", "joint-use id", required=True, example="JU1"),
        Column(
            "title", "text", "共同利用の名称", "what the arrangement is", example="共済事業における共同利用"
        ),
        Column(
            "items_stated",
            "enum",
            "共同利用する項目の記載",
            "how the notice states the items",
            required=True,
            allowed=ItemsStatement,
        ),
        Column(
            "items",
            "ref",
            "共同利用する項目",
            "items jointly used",
            references="items.item_id",
            multiple=True,
            example="I001;I004",
        ),
        Column(
            "members",
            "ref",
            "共同利用者（名称で記載）",
            "joint users named in the notice",
            references="partners.partner_id",
            multiple=True,
            example="PJ01;PJ02",
        ),
        Column(
            "member_categories",
            "text",
            "共同利用者の範囲（区分で記載）",
            "joint users described by category",
            example="会員生協",
        ),
        Column(
            "purposes_stated",
            "enum",
            "利用する者の利用目的の記載",
            "how the notice states the joint users' purposes",
            allowed=PurposesStatement,
        ),
        Column(
            "purposes",
            "ref",
            "利用する者の利用目的",
            "the joint users' purposes",
            references="purposes.purpose_id",
            multiple=True,
            example="JU1A;JU1B",
        ),
        Column(
            "manager",
            "text",
            "管理について責任を有する者",
            "manager: self (this organisation) | partner:ID",
            example="self",
            multiple=True,
        ),
        Column(
            "manager_category",
            "text",
            "管理責任者（区分で記載）",
            "manager described as a group, not a party",
            example="会員生協",
        ),
        Column("start_date", "date", "共同利用の開始日", "joint use started on"),
        Column("notice_date", "date", "通知・公表日", "notified or published on"),
        _source(),
        _assumed("start_date", "notice_date", "items", "members", "purposes", "manager"),
        _notes(),
    ),
    polymorphic={"manager": {"self": None, "partner": "partners"}},
    sheet="共同利用",
)

FLOWS = Table(
    "flows",
    "flows.csv",
    ("flow_id",),
    "提供・受領の流れ",
    "data flows",
    (
        Column("flow_id", "id", "フローID", "flow id", required=True, example="F0001"),
        Column("item_id", "ref", "項目ID", "item", required=True, references="items.item_id"),
        Column("partner_id", "ref", "提供先ID", "partner", required=True, references="partners.partner_id"),
        Column(
            "purpose_id",
            "ref",
            "利用目的ID",
            "purpose (empty for a statutory exception)",
            references="purposes.purpose_id",
        ),
        Column("basis", "enum", "根拠", "legal basis", required=True, allowed=Basis),
        Column(
            "joint_use_id",
            "ref",
            "共同利用ID",
            "joint-use arrangement (for basis joint use)",
            references="joint_uses.joint_use_id",
        ),
        Column("direction", "enum", "方向", "direction", required=True, allowed=Direction),
        Column("channel", "enum", "経路", "channel", allowed=Channel),
        Column("encrypted", "bool", "暗号化", "encrypted in transit and at the partner"),
        Column("records", "int", "件数（人数）", "people per year (empty: the item's count)", minimum=0),
        Column(
            "record_kept",
            "bool",
            "提供・受領記録（法29・30条）",
            "provision / receipt record kept, Art.29/30",
        ),
        Column("start_date", "date", "提供開始日", "first provided on"),
        _source(),
        _assumed("basis", "channel", "encrypted", "records", "record_kept", "purpose_id", "start_date"),
        _notes(),
    ),
    sheet="提供・受領",
)

DEPARTMENTS = Table(
    "departments",
    "departments.csv",
    ("department_id",),
    "部門・管理者",
    "departments",
    (
        Column("department_id", "id", "部門ID", "department id", required=True, example="D01"),
        Column("name", "text", "部門名", "name", required=True),
        Column("name_en", "text", "部門名（英語）", "name (English)"),
        Column("manager", "text", "個人情報管理者", "manager (policy point 7)"),
        Column("last_training", "date", "直近の教育実施日", "last staff training (point 8)"),
        _source(),
        _notes(),
    ),
    min_rows=1,
    sheet="部門",
)

CONTROLS = Table(
    "controls",
    "controls.csv",
    ("control_id",),
    "安全管理措置",
    "safety-management controls",
    (
        Column("control_id", "id", "措置ID", "control id", required=True, example="C01"),
        Column("name", "text", "措置", "control", required=True),
        Column("name_en", "text", "措置（英語）", "control (English)"),
        Column(
            "category",
            "enum",
            "区分（GL通則10）",
            "category (PPC GL 10)",
            required=True,
            allowed=ControlCategory,
        ),
        Column(
            "applies_to",
            "text",
            "適用範囲",
            "scope: all | item:ID | partner:ID | flow:ID | department:ID",
            required=True,
            example="partner:PO01",
        ),
        Column("reduces", "enum", "低減する軸", "what it lowers", allowed=Axis),
        Column("effect", "int", "低減幅（段階）", "levels it lowers (0–3)", minimum=0, example="1"),
        Column("status", "enum", "状態", "status", required=True, allowed=ControlStatus),
        Column("evidence", "text", "根拠資料", "evidence"),
        Column("last_reviewed", "date", "直近の見直し日", "last reviewed"),
        _source(),
        _notes(),
    ),
    polymorphic={"applies_to": {**CONTROL_SCOPE_PREFIXES, "all": None}},
    sheet="安全管理措置",
)

ACTIONS = Table(
    "actions",
    "actions.csv",
    ("action_id",),
    "改善処置（PDCA）",
    "improvement actions (PDCA)",
    (
        Column("action_id", "id", "処置ID", "action id", required=True, example="A001"),
        Column("title", "text", "内容", "what is to be done", required=True),
        Column(
            "refers_to",
            "text",
            "対象",
            "finding:RULE[:subject] | item:ID | flow:ID | partner:ID | …",
            required=True,
            example="partner:PO01",
        ),
        Column("owner", "text", "担当", "owner"),
        Column("due", "date", "期限", "due date"),
        Column("status", "enum", "状態", "status", required=True, allowed=ActionStatus),
        Column("closed_on", "date", "完了日", "closed on"),
        Column("evidence", "text", "完了の根拠", "evidence of completion"),
        _source(),
        _notes(),
    ),
    polymorphic={"refers_to": ACTION_REF_PREFIXES},
    sheet="改善処置",
)


def _date(name: str, ja: str, en: str) -> Column:
    return Column(name, "date", ja, en)


INCIDENTS = Table(
    "incidents",
    "incidents.csv",
    ("incident_id",),
    "漏えい等事案の記録",
    "incident register",
    (
        Column("incident_id", "id", "事案ID", "incident id", required=True, example="INC-2026-001"),
        Column(
            "discovered",
            "date",
            "発覚日（事態を知った日）",
            "discovered (the day it became known)",
            required=True,
        ),
        _date("occurred", "発生日", "occurred"),
        Column("cause", "enum", "原因", "cause", required=True, allowed=Cause),
        Column(
            "confidentiality",
            "enum",
            "機密性の喪失（ENISA）",
            "loss of confidentiality (ENISA)",
            allowed=Confidentiality,
        ),
        Column("integrity", "enum", "完全性の喪失（ENISA）", "loss of integrity (ENISA)", allowed=Integrity),
        Column(
            "availability",
            "enum",
            "可用性の喪失（ENISA）",
            "loss of availability (ENISA)",
            allowed=Availability,
        ),
        Column(
            "malicious", "bool", "不正の目的・悪意（規則7条3号）", "malicious intent, PPC Rules Art.7(iii)"
        ),
        Column(
            "publicly_viewable",
            "bool",
            "不特定多数が閲覧できる状態（番号法規則2条3号）",
            "viewable by the public, My Number breach rules Art.2(iii)",
        ),
        Column(
            "mn_network",
            "bool",
            "情報提供ネットワークシステム等の特定個人情報（番号法規則2条1号）",
            "in the information-provision network, My Number breach rules Art.2(i)",
        ),
        Column(
            "recovered_unread",
            "bool",
            "閲覧前に全て回収（GL通則3-5-1-1）",
            "all recovered before anyone saw it, PPC GL 3-5-1-1",
        ),
        Column(
            "encrypted", "bool", "高度な暗号化等（鍵の漏えいなし）", "advanced encryption, key not leaked"
        ),
        Column(
            "adjustments",
            "enum",
            "ENISAの文脈による調整",
            "ENISA context adjustments",
            allowed=Adjustment,
            multiple=True,
            example="profile;pseudonymised",
        ),
        Column(
            "partner_id",
            "ref",
            "発生した提供先・委託先",
            "partner where it happened",
            references="partners.partner_id",
        ),
        Column(
            "item_ids",
            "ref",
            "影響を受けた項目",
            "affected items",
            references="items.item_id",
            multiple=True,
            example="I001;I004",
        ),
        Column(
            "flow_ids",
            "ref",
            "影響を受けたフロー",
            "affected flows",
            references="flows.flow_id",
            multiple=True,
        ),
        Column(
            "department_id",
            "ref",
            "発生した部門",
            "department where it happened",
            references="departments.department_id",
        ),
        Column("people", "int", "本人の数", "people affected", required=True, minimum=0, example="120"),
        Column(
            "my_number_people",
            "int",
            "個人番号が漏えい等した本人の数",
            "people whose My Number was affected",
            minimum=0,
        ),
        Column(
            "se",
            "text",
            "重大度 SE（ENISA）",
            "severity SE (ENISA)",
            pattern=r"^\d+(\.\d+)?$",
            pattern_help="a number such as 2.25",
            example="2.25",
        ),
        Column("band", "enum", "重大度の区分（ENISA）", "severity band (ENISA)", allowed=Band),
        Column(
            "appi_duty",
            "enum",
            "個人情報保護法26条の報告・本人通知",
            "APPI Art.26 report and notice",
            required=True,
            allowed=Duty,
        ),
        Column(
            "mn_duty",
            "enum",
            "番号法29条の4の報告・本人通知",
            "My Number Act Art.29-4 report and notice",
            required=True,
            allowed=Duty,
        ),
        _date(
            "appi_preliminary_due", "速報の目安（個人情報保護法）", "APPI preliminary report: guidance date"
        ),
        _date("appi_preliminary_sent", "速報の提出日（個人情報保護法）", "APPI preliminary report sent"),
        _date("appi_final_due", "確報の期限（個人情報保護法）", "APPI final report due"),
        _date("appi_final_sent", "確報の提出日（個人情報保護法）", "APPI final report sent"),
        _date("mn_preliminary_due", "速報の目安（番号法）", "My Number preliminary report: guidance date"),
        _date("mn_preliminary_sent", "速報の提出日（番号法）", "My Number preliminary report sent"),
        _date("mn_final_due", "確報の期限（番号法）", "My Number final report due"),
        _date("mn_final_sent", "確報の提出日（番号法）", "My Number final report sent"),
        _date("notice_due", "本人通知の目安", "notice to the individuals: target date"),
        _date("notice_sent", "本人通知の実施日", "notice to the individuals given"),
        Column("status", "enum", "状態", "status", required=True, allowed=IncidentStatus),
        _date("closed_on", "完了日", "closed on"),
        Column(
            "action_id",
            "ref",
            "再発防止の処置ID",
            "recurrence-prevention action",
            references="actions.action_id",
        ),
        _source(),
        _assumed(
            "occurred",
            "people",
            "my_number_people",
            "cause",
            "confidentiality",
            "integrity",
            "availability",
            "malicious",
            "publicly_viewable",
            "partner_id",
            "item_ids",
            "department_id",
        ),
        _notes(),
    ),
    optional=True,
    sheet="漏えい等事案",
)

TABLES: tuple[Table, ...] = (
    ITEMS,
    PURPOSES,
    USES,
    PARTNERS,
    JOINT_USES,
    FLOWS,
    DEPARTMENTS,
    CONTROLS,
    ACTIONS,
    INCIDENTS,
)
TABLES_BY_NAME = {t.name: t for t in TABLES}


# --- organisation.yaml -------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrgField:
    path: str  # dotted path in the YAML
    kind: Literal["text", "date", "bool", "enum"]
    ja: str
    en: str
    required: bool = False
    allowed: type[Vocabulary] | None = None  # for kind="enum"


ORGANISATION_FILE = "organisation.yaml"
ORGANISATION_SHEET = "組織"  # its sheet in the Excel workbook
ORGANISATION_FIELDS: tuple[OrgField, ...] = (
    OrgField("name", "text", "名称", "name", required=True),
    OrgField("name_en", "text", "名称（英語）", "name (English)"),
    OrgField("entity_type", "enum", "法人・団体の別", "entity type", allowed=EntityType),
    OrgField("address", "text", "住所（法32条1項1号）", "address, Art.32(1)(i)"),
    OrgField("representative", "text", "代表者（法32条1項1号）", "representative, Art.32(1)(i)"),
    OrgField("contact.department", "text", "問合せ・苦情窓口", "contact and complaints desk"),
    OrgField("contact.phone", "text", "電話番号", "phone"),
    OrgField("policy_date", "date", "基本方針の制定日", "policy date"),
    OrgField("covers_subsidiaries", "bool", "子会社を含む", "policy covers subsidiaries"),
    OrgField(
        "request_procedure", "text", "開示等の請求手続（法32条1項3号）", "request procedure, Art.32(1)(iii)"
    ),
    OrgField(
        "safety_measures_published",
        "bool",
        "安全管理措置の公表（令10条1号）",
        "safety measures published, Cabinet Order Art.10(i)",
    ),
    OrgField("notes", "text", "備考", "free-text notes (e.g. the policy's outsourcing statements)"),
)

# Keys of organisation.yaml that earlier versions read, and where their facts live now.
RETIRED_ORGANISATION_KEYS = {
    "joint_use_manager": "joint_uses.csv: manager (self, or partner:ID) — the manager's address and "
    "representative are those of the organisation or of the partner",
    "joint_use_all_items": "joint_uses.csv: items_stated = all",
}
