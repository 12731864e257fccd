"""The in-memory ledger every part of the package reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .schema import INCIDENTS, JOINT_USES, TABLES, Table


def dotted_get(data: Any, dotted: str) -> Any:
    """data["a"]["b"] for "a.b", or None where any level is missing."""
    node: Any = data
    for part in dotted.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(part)
    return node


_DTYPES = {"bool": "boolean", "int": "Int64", "date": "datetime64[us]"}  # as load.typed() types them


def empty_frame(table: Table) -> pd.DataFrame:
    """A table with no rows and every schema column, typed as a loaded ledger types it."""
    return pd.DataFrame({c.name: pd.Series(dtype=_DTYPES.get(c.kind, "str")) for c in table.columns})


def with_schema_columns(df: pd.DataFrame, table: Table) -> pd.DataFrame:
    """Add the schema's columns a frame lacks (empty, typed), e.g. a snapshot stored by an older version."""
    missing = [c for c in table.columns if c.name not in df.columns]
    if not missing:
        return df
    empty = empty_frame(table)
    return df.assign(
        **{c.name: pd.Series(pd.NA, index=df.index).astype(empty[c.name].dtype) for c in missing}
    )


@dataclass
class Inventory:
    """Typed tables of one ledger: ids and text as strings, flags as boolean, counts as Int64, dates as
    datetime64. `warnings` holds the non-fatal validation problems (e.g. unknown columns)."""

    path: Path
    organisation: dict[str, Any]
    items: pd.DataFrame
    purposes: pd.DataFrame
    uses: pd.DataFrame
    partners: pd.DataFrame
    flows: pd.DataFrame
    departments: pd.DataFrame
    controls: pd.DataFrame
    actions: pd.DataFrame
    joint_uses: pd.DataFrame = field(default_factory=lambda: empty_frame(JOINT_USES))
    incidents: pd.DataFrame = field(default_factory=lambda: empty_frame(INCIDENTS))
    warnings: pd.DataFrame = field(default_factory=pd.DataFrame)
    encodings: dict[str, str] = field(default_factory=dict)

    def table(self, name: str) -> pd.DataFrame:
        return getattr(self, name)

    def counts(self) -> dict[str, int]:
        return {t.name: len(self.table(t.name)) for t in TABLES}

    def org(self, dotted: str) -> Any:
        """organisation.yaml value at a dotted path, or None."""
        return dotted_get(self.organisation, dotted)

    def display_name(self, lang: str) -> Any:
        """The organisation's name in `lang`: its English name in English when it has one."""
        return self.org("name_en") if lang == "en" and self.org("name_en") else self.org("name")

    def summary(self) -> dict[str, Any]:
        """Headline figures for people: rows per table, items per category, flows per basis."""
        items, flows = self.items, self.flows
        return {
            "organisation": self.org("name"),
            "tables": self.counts(),
            "items_by_category": items["category"].value_counts().sort_index().astype(int).to_dict(),
            "special_care_items": int(items["special_care"].fillna(False).sum()),
            "my_number_items": int(items["my_number"].fillna(False).sum()),
            "assumption_rows": {
                t.name: int(self.table(t.name)["source"].str.startswith("assumption").sum()) for t in TABLES
            },
            "flows_by_basis": flows["basis"].value_counts().sort_index().astype(int).to_dict(),
            "partners_by_kind": self.partners["kind"].value_counts().sort_index().astype(int).to_dict(),
        }
