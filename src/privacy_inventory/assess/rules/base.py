"""The rule registry. A rule is one decorated function returning finding rows; adding a rule is adding
one function in one module of this package."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ...frames import months_between, positions
from ...i18n import Vocabulary, label
from ...ledger.inventory import Inventory
from ...ledger.schema import ORGANISATION_FIELDS, TABLES_BY_NAME, Direction
from ..arrangements import Arrangement, arrangements
from ..incident_register import register_status


class Severity(Vocabulary):
    """How serious a finding is, lowest first."""

    info = "info", "情報", "info"
    low = "low", "低", "low"
    medium = "medium", "中", "medium"
    high = "high", "高", "high"


SEVERITIES = tuple(Severity.codes())
FINDING_COLUMNS = [
    "rule_id", "article", "article_en", "severity", "subject_table", "subject_id",
    "message_ja", "message_en", "fix", "fix_en", "subject_source",
]  # fmt: skip


def name_en(df: pd.DataFrame, ja: str = "name", en: str = "name_en") -> pd.Series:
    """The English name where the ledger records one, else the Japanese (an English reader still needs to
    know which row is meant)."""
    english = df[en].astype("string").str.strip() if en in df else pd.Series(pd.NA, index=df.index)
    return english.where(english.notna() & english.ne(""), df[ja].astype("string")).astype("str")


@dataclass
class RuleContext:
    inv: Inventory
    as_of: dt.date
    inspection_interval_months: int = 12  # from risk_model.yaml (inspection_overdue.interval_months)
    training_interval_months: int = 12  # policy point 8 / APPI Art.24: yearly training (assumption)
    ledger_review_interval_months: int = 12  # JIS Q 15001: the ledger confirmed "少なくとも年一回"
    _flows: pd.DataFrame | None = field(default=None, repr=False)
    _incidents: pd.DataFrame | None = field(default=None, repr=False)
    _arrangements: list[Arrangement] | None = field(default=None, repr=False)

    @property
    def arrangements(self) -> list[Arrangement]:
        """joint_uses.csv as arrangements with their parties resolved (built once; nine rules read it)."""
        if self._arrangements is None:
            self._arrangements = arrangements(self.inv)
        return self._arrangements

    @property
    def incidents(self) -> pd.DataFrame:
        """incidents.csv with the state of each duty and of the prevention action on as_of (computed once)."""
        if self._incidents is None:
            self._incidents = register_status(self.inv, self.as_of)
        return self._incidents

    @property
    def flows(self) -> pd.DataFrame:
        """flows.csv with the item's and the partner's attributes beside each flow (computed once)."""
        if self._flows is None:
            inv = self.inv
            f = inv.flows.copy()
            ip = positions(inv.items["item_id"], f["item_id"])
            pp = positions(inv.partners["partner_id"], f["partner_id"])
            for col in ("name_ja", "special_care", "my_number", "property_damage", "category", "records"):
                f["item_" + col] = inv.items[col].to_numpy()[ip]
            for col in ("name", "kind", "country", "transfer_basis", "excludes"):
                f["partner_" + col] = inv.partners[col].to_numpy()[pp]
            f["item_name_en"] = name_en(inv.items, "name_ja").to_numpy()[ip]
            f["partner_name_en"] = name_en(inv.partners).to_numpy()[pp]
            self._flows = f
        return self._flows

    @property
    def receiving_partners(self) -> pd.Series:
        """Ids of partners that receive personal data (have an outbound flow)."""
        f = self.inv.flows
        return pd.Series(f.loc[f["direction"].eq(Direction.out), "partner_id"].unique(), dtype="str")

    def months_since(self, dates: pd.Series) -> pd.Series:
        """Whole months from each date to as_of (NA where missing)."""
        return months_between(dates, self.as_of)


@dataclass(frozen=True)
class Rule:
    id: str
    area: str  # the module (law area) it lives in
    article: str  # 日本語, e.g. 個人情報保護法27条5項3号
    article_en: str
    title_ja: str
    title_en: str
    severity: Severity
    check: Callable[[RuleContext], pd.DataFrame] = field(compare=False)


REGISTRY: dict[str, Rule] = {}


def rule(rule_id: str, *, article: str, article_en: str, title_ja: str, title_en: str, severity: Severity):
    """Register a check. It returns rows with subject_table, subject_id, message_ja, message_en, fix,
    fix_en (and optionally severity to override the default); see findings()."""
    if severity not in SEVERITIES:
        raise ValueError(f"{rule_id}: severity {severity!r} not in {SEVERITIES}")

    def register(fn: Callable[[RuleContext], pd.DataFrame]):
        if rule_id in REGISTRY:
            raise ValueError(f"rule {rule_id} registered twice")
        area = fn.__module__.rsplit(".", 1)[-1]
        REGISTRY[rule_id] = Rule(
            rule_id, area, article, article_en, title_ja, title_en, Severity(severity), fn
        )
        return fn

    return register


def findings(
    table: str,
    ids: pd.Series | list | str,
    message_ja: pd.Series | str,
    message_en: pd.Series | str,
    fix: str | pd.Series,
    fix_en: str | pd.Series,
    severity: pd.Series | str | None = None,
    source: pd.Series | list | str | None = None,
) -> pd.DataFrame:
    """Finding rows for the given subjects (vectorised: messages may be Series aligned with ids).
    `source`: where the value the finding is about comes from (policy / regulation / assumption …),
    when that is not simply the subject row's source (see rules/__init__._source_of)."""
    ids = pd.Series([ids] if isinstance(ids, str) else list(ids) if not isinstance(ids, pd.Series) else ids)
    n = len(ids)
    out = pd.DataFrame(
        {
            "subject_table": table,
            "subject_id": ids.astype("str").to_numpy(),
            "message_ja": _texts(message_ja, n),
            "message_en": _texts(message_en, n),
            "fix": _texts(fix, n),
            "fix_en": _texts(fix_en, n),
        }
    )
    if severity is not None:
        out["severity"] = _values(severity, n)
    if source is not None:
        out["subject_source"] = _values(source, n)
    return out


def _values(v, n):
    if isinstance(v, pd.Series | pd.Index | np.ndarray):
        return list(v)
    return list(v) if isinstance(v, list | tuple) else [v] * n


def _texts(v, n) -> list[str]:
    """Message cells are always plain text, one per subject (never an array inside a cell)."""
    values = _values(v, n)
    if len(values) != n:
        raise ValueError(f"{len(values)} texts for {n} subjects")
    return ["" if x is None or x is pd.NA else str(x) for x in values]


# --- what people read: labels of columns and codes, never the ledger's developer names ---------------


def column_label(table: str, column: str) -> tuple[str, str]:
    """How a person names a ledger column: 「提供先・委託先・共同利用者」の「住所」 / the partners' 'address'."""
    t = TABLES_BY_NAME[table]
    c = t.column(column)
    return f"台帳「{t.ja}」の「{c.ja}」", f"the '{c.en}' column of the {t.en} table"


def org_label(path: str) -> tuple[str, str]:
    """How a person names an organisation fact: 組織情報の「住所（法32条1項1号）」."""
    field_ = next(f for f in ORGANISATION_FIELDS if f.path == path)
    return f"組織情報の「{field_.ja}」", f"the organisation's '{field_.en}'"


def code_labels(codes: pd.Series, vocabulary: type[Vocabulary]) -> tuple[pd.Series, pd.Series]:
    """A column of codes shown as their Japanese and English labels (an unknown code as it is)."""
    text = codes.astype("str").fillna("")
    return (
        text.map(lambda c: label(c, vocabulary, "ja")).astype("str"),
        text.map(lambda c: label(c, vocabulary, "en")).astype("str"),
    )


def source_kind(source: object) -> str | None:
    """'policy:別記1-3' → 'policy'."""
    if source is None or source is pd.NA or (isinstance(source, float) and np.isnan(source)):
        return None
    return str(source).split(":", 1)[0] or None


def value_source(inv: Inventory, table: str, ids: pd.Series, column: str | None = None) -> pd.Series:
    """Where a value of the subject rows comes from: 'assumption' when the row lists the column among its
    assumed values, else the row's own source (policy, regulation, record, assumption, synthetic)."""
    key = TABLES_BY_NAME[table].key[0]
    wanted = [key, "source"] + (["assumed"] if column is not None and "assumed" in inv.table(table) else [])
    df = inv.table(table)[wanted].drop_duplicates(key).set_index(key)  # only what is read: flows are 1M rows
    src = ids.map(df["source"]).astype(object).astype("string").str.split(":").str[0]
    if column is not None and "assumed" in df:
        assumed = ids.map(df["assumed"]).astype(object).astype("string").fillna("")
        marked = assumed.map(lambda a: column in str(a).split(";")).astype(bool)
        src = src.where(~marked, "assumption")
    return src.astype("str")


def org_source(inv: Inventory, path: str) -> str | None:
    """Where an organisation fact comes from: `sources.<path>` or `sources.<top key>` of its YAML."""
    sources = inv.organisation.get("sources") or {}
    found = sources.get(path, sources.get(path.split(".")[0]))
    return source_kind(found)


def none() -> pd.DataFrame:
    return pd.DataFrame(columns=["subject_table", "subject_id", "message_ja", "message_en", "fix", "fix_en"])
