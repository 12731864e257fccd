"""Joint-use arrangements (共同利用, joint_uses.csv) resolved against the rest of the ledger: who manages
each one (the organisation itself or a partner, with that party's name, address, representative and entity
type), who is in its scope, which items and purposes it states. The rules, the notice and `diff` read them
from here, so the three cannot disagree on what an arrangement says."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ..frames import list_values, split_reference
from ..ledger.inventory import Inventory
from ..ledger.schema import NEEDS_REPRESENTATIVE, ItemsStatement, PurposesStatement

SELF = "self"


def _text(value: object) -> str | None:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    text = str(value).strip()
    return text or None


@dataclass(frozen=True)
class Party:
    """One party named as a manager: the organisation itself (`self`) or a partner row."""

    ref: str  # "self" or "partner:ID" as written in the ledger
    table: str  # "organisation" or "partners" ("unknown" for a reference to nothing)
    ident: str  # the partner id, or "" for the organisation
    name: str | None
    name_en: str | None
    address: str | None
    representative: str | None
    entity_type: str | None

    @property
    def is_self(self) -> bool:
        return self.table == "organisation"

    @property
    def needs_representative(self) -> bool | None:
        """True for a legal person (or a group with a representative), False for an individual or a public
        body, None when the entity type is not recorded."""
        if self.entity_type is None:
            return None
        return self.entity_type in NEEDS_REPRESENTATIVE

    def label(self, lang: str = "ja") -> str:
        if lang == "en" and self.name_en:
            return self.name_en
        return self.name or self.ref


def party(inv: Inventory, ref: str) -> Party:
    """The organisation (`self`) or the partner a manager reference names."""
    if ref == SELF:
        return Party(ref, "organisation", "", _text(inv.org("name")), _text(inv.org("name_en")),
                     _text(inv.org("address")), _text(inv.org("representative")), _text(inv.org("entity_type")))  # fmt: skip
    prefix, ident = split_reference(pd.Series([ref], dtype="str"))
    pid = ident.iloc[0]
    rows = (
        inv.partners[inv.partners["partner_id"].eq(pid)]
        if prefix.iloc[0] == "partner"
        else inv.partners.head(0)
    )
    if rows.empty:
        return Party(ref, "unknown", pid, None, None, None, None, None)
    r = rows.iloc[0]
    return Party(ref, "partners", pid, _text(r["name"]), _text(r.get("name_en")), _text(r.get("address")),
                 _text(r.get("representative")), _text(r.get("entity_type")))  # fmt: skip


@dataclass
class Arrangement:
    """One row of joint_uses.csv, its lists split and its manager resolved."""

    joint_use_id: str
    title: str | None
    items_stated: str | None
    items: list[str]
    members: list[str]
    categories: list[str]
    purposes_stated: str | None
    purposes: list[str]
    managers: list[Party]
    manager_category: str | None
    start_date: pd.Timestamp | None
    notice_date: pd.Timestamp | None
    source: str | None
    row: pd.Series = field(repr=False, default_factory=pd.Series)

    @property
    def all_items(self) -> bool:
        return self.items_stated == ItemsStatement.all

    @property
    def purposes_by_reference(self) -> bool:
        return self.purposes_stated == PurposesStatement.same_as_own

    @property
    def manager(self) -> Party | None:
        """The one manager, when exactly one party is named and no group is described."""
        return self.managers[0] if len(self.managers) == 1 and not self.manager_category else None


def _date(value: object) -> pd.Timestamp | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value)


def arrangements(inv: Inventory) -> list[Arrangement]:
    """Every joint-use arrangement of the ledger, in ledger order."""
    out = []
    for _, r in inv.joint_uses.iterrows():
        out.append(
            Arrangement(
                joint_use_id=str(r["joint_use_id"]),
                title=_text(r.get("title")),
                items_stated=_text(r.get("items_stated")),
                items=list_values(r.get("items")),
                members=list_values(r.get("members")),
                categories=list_values(r.get("member_categories")),
                purposes_stated=_text(r.get("purposes_stated")),
                purposes=list_values(r.get("purposes")),
                managers=[party(inv, ref) for ref in list_values(r.get("manager"))],
                manager_category=_text(r.get("manager_category")),
                start_date=_date(r.get("start_date")),
                notice_date=_date(r.get("notice_date")),
                source=_text(r.get("source")),
                row=r,
            )
        )
    return out
