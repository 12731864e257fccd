"""How ledger rows are named on a page: in the page's language, never by a code or a field key."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from ..assess.actions import SUBJECT_TABLE
from ..assess.model import RiskModel
from ..assess.risk import LIK_FACTORS, SEV_FACTORS
from ..assess.rules import REGISTRY, Severity
from ..i18n import label, t
from ..ledger.inventory import Inventory
from ..ledger.schema import (
    LIST_SEPARATOR,
    ORGANISATION_FIELDS,
    SOURCE_KINDS,
    TABLES_BY_NAME,
    ControlCategory,
)


@dataclass
class Names:
    """Display names of a ledger's rows in one language: English pages use name_en where present."""

    inv: Inventory
    lang: str

    def _named(self, table: str, key: str, ja: str, en: str) -> pd.Series:
        df = self.inv.table(table)
        names = df[ja] if self.lang == "ja" or en not in df else df[en].fillna(df[ja])
        return pd.Series(names.to_numpy(), index=df[key].to_numpy())

    @cached_property
    def items(self) -> pd.Series:
        return self._named("items", "item_id", "name_ja", "name_en")

    @cached_property
    def partners(self) -> pd.Series:
        return self._named("partners", "partner_id", "name", "name_en")

    @cached_property
    def departments(self) -> pd.Series:
        return self._named("departments", "department_id", "name", "name_en")

    @cached_property
    def controls(self) -> pd.Series:
        return self._named("controls", "control_id", "name", "name_en")

    @cached_property
    def purposes(self) -> pd.Series:
        return self._named("purposes", "purpose_id", "text_ja", "text_en")

    @cached_property
    def actions(self) -> pd.Series:
        return self._named("actions", "action_id", "title", "title")

    @cached_property
    def _flow_ends(self) -> pd.DataFrame:
        """item and partner of every flow, by flow id (built once: findings name flows one by one)."""
        return self.inv.flows.set_index("flow_id")[["item_id", "partner_id"]]

    @cached_property
    def _joint_use_titles(self) -> dict[str, str]:
        ju = self.inv.joint_uses
        return dict(zip(ju["joint_use_id"], ju["title"], strict=True))

    def of(self, table: str, ids: pd.Series) -> pd.Series:
        """Names of the given ids (the id itself where a row has no name)."""
        mapping = getattr(self, table)
        return ids.map(mapping).fillna(ids)

    def flow(self, flows: pd.DataFrame) -> pd.Series:
        """'item → partner' for each flow."""
        return self.of("items", flows["item_id"]) + " → " + self.of("partners", flows["partner_id"])

    def organisation_field(self, path: str) -> str:
        for fld in ORGANISATION_FIELDS:
            if fld.path == path:
                return fld.ja if self.lang == "ja" else fld.en
        return path

    def column(self, table: str, column: str) -> str:
        """A ledger column's label (e.g. 'last_inspection' → 直近の点検日)."""
        spec = TABLES_BY_NAME.get(table)
        if spec is None or column not in spec.column_names:
            return column
        col = spec.column(column)
        return col.ja if self.lang == "ja" else col.en

    def value(self, table: str, column: object, value: object) -> str:
        """A ledger cell as a person reads it: a code by its label, a flag as yes or no."""
        if not isinstance(value, str) or not isinstance(column, str):
            return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
        spec = TABLES_BY_NAME.get(table)
        col = spec.column(column) if spec is not None and column in spec.column_names else None
        if col is not None and col.kind == "enum" and col.allowed is not None:
            if col.multiple:
                parts = [p.strip() for p in value.split(LIST_SEPARATOR) if p.strip()]
                return t("reason.sep", self.lang).join(label(p, col.allowed, self.lang) for p in parts)
            return label(value, col.allowed, self.lang)
        if col is not None and col.kind == "bool" and value in ("true", "false"):
            return t(f"value.{'yes' if value == 'true' else 'no'}", self.lang)
        return value

    def table(self, table: str) -> str:
        spec = TABLES_BY_NAME.get(table)
        if spec is None:
            return t(f"subject.{table}", self.lang) if f"subject.{table}" in _SUBJECT_KEYS else table
        return spec.ja if self.lang == "ja" else spec.en

    def subject(self, table: str, ident: str) -> str:
        """What a finding is about, as a person names it."""
        if table in ("items", "partners", "departments", "controls", "purposes", "actions"):
            name = getattr(self, table).get(ident)
            return f"{ident} {name}" if isinstance(name, str) and name != ident else str(ident)
        if table == "flows":
            ends = self._flow_ends
            if ident not in ends.index:
                return str(ident)
            item, partner = ends.loc[ident]
            return f"{ident} {self.items.get(item, item)} → {self.partners.get(partner, partner)}"
        if table == "organisation":
            return self.organisation_field(str(ident))
        if table == "uses" and ":" in str(ident):
            item, purpose = str(ident).split(":", 1)
            return f"{self.items.get(item, item)} × {self.purposes.get(purpose, purpose)}"
        if table == "control_category":
            return label(ident, ControlCategory, self.lang)
        if table == "joint_uses":
            title = self._joint_use_titles.get(ident)
            return f"{ident} {title}" if isinstance(title, str) and title else str(ident)
        if table == "incidents":
            return t("subject.incident", self.lang, id=ident)
        return str(ident)

    def source(self, source: object) -> str:
        """Where a fact comes from: policy, regulation, record, assumption."""
        kind = str(source).split(":", 1)[0] if isinstance(source, str) else ""
        return t(f"source.{kind}", self.lang) if kind in SOURCE_KINDS else ""


def source_text(source: str, lang: str) -> str:
    """A row's source for people, with its detail: `assumption:例示の事案` → 仮定（例示の事案）."""
    kind, _, detail = source.partition(":")
    if kind not in SOURCE_KINDS:
        return source
    word = t(f"source.{kind}", lang)
    return t("source.with_detail", lang, kind=word, detail=detail) if detail else word


_SUBJECT_KEYS = {
    "subject.organisation",
    "subject.control_category",
    "subject.rule",
}


def severity_label(code: str, lang: str) -> str:
    return label(code, Severity, lang)


def rule_title(rule_id: str, lang: str) -> str:
    r = REGISTRY.get(rule_id)
    return (r.title_ja if lang == "ja" else r.title_en) if r else rule_id


def reference(names: Names, ref: str) -> str:
    """`partner:PO01` → the partner's name; `finding:RULE:subject` → the rule's title and subject."""
    kind, _, ident = str(ref).partition(":")
    table = SUBJECT_TABLE | {"joint_use": "joint_uses"}  # a finding's subject may be an arrangement
    if kind in table:
        return names.subject(table[kind], ident)
    if kind == "finding":
        rule, _, subject = ident.partition(":")
        return rule_title(rule, names.lang) + (f"（{subject}）" if subject else "")
    return t("value.all", names.lang) if kind == "all" else str(ref)


def remedies(model: RiskModel, names: Names, rows: pd.DataFrame) -> pd.Series:
    """What would lower each scored row's risk: the planned controls that would (and to which level),
    else the remedy of its largest factor."""
    lang, out = names.lang, []
    for r in rows.to_dict(orient="records"):
        planned = [c for c in str(r.get("planned_controls") or "").split(",") if c]
        if planned and str(r.get("whatif_level")) != str(r.get("residual_level")):
            listed = t("reason.sep", lang).join(f"{c} {names.controls.get(c, '')}".strip() for c in planned)
            out.append(
                t(
                    "mitigation.planned",
                    lang,
                    controls=listed,
                    level=model.level_label(str(r["whatif_level"]), lang),
                )
            )
            continue
        factors = {k: int(r.get(k) or 0) for k in FACTOR_COLUMNS if k in r}
        # the largest factor; on a tie, one about how data is passed on (something the office can change)
        top = max(factors, key=lambda k: (factors[k], k.startswith("lik_"), k), default=None)
        out.append(t(f"mitigation.{top}", lang) if top and factors[top] > 0 else t("mitigation.base", lang))
    return pd.Series(out, index=rows.index, dtype="object")


FACTOR_COLUMNS = (*SEV_FACTORS[1:], *LIK_FACTORS[1:])
