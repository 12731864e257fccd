"""Printing results for people (rich tables) and machines (JSON, CSV)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Any

import numpy as np
import pandas as pd
from rich.console import Console
from rich.markup import escape
from rich.table import Table

console = Console(highlight=False, soft_wrap=False)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)  # messages stay one greppable line


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def jsonable(value: Any) -> Any:
    """Plain JSON types for pandas / numpy values (NA → null, timestamps → ISO dates)."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, np.generic):
        return jsonable(value.item())
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [jsonable(r) for r in df.astype(object).to_dict(orient="records")]


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(jsonable(data), ensure_ascii=False, indent=2) + "\n")


def print_csv(df: pd.DataFrame) -> None:
    from .textio import defuse_frame

    sys.stdout.write(defuse_frame(df).to_csv(index=False, lineterminator="\n"))


def frame_table(df: pd.DataFrame, title: str | None = None, max_rows: int | None = None) -> Table:
    """A rich table of a DataFrame; every cell escaped, so ledger text never becomes markup."""
    table = Table(title=title, show_lines=False, title_justify="left")
    for name in df.columns:
        table.add_column(str(name), overflow="fold")
    shown = df if max_rows is None else df.head(max_rows)
    for row in shown.itertuples(index=False):
        table.add_row(*(escape(_cell(v)) for v in row))
    return table


def _cell(value: Any) -> str:
    value = jsonable(value)
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def mapping_table(data: dict[str, Any], key: str, value: str, title: str | None = None) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(key)
    table.add_column(value, justify="right")
    for k, v in data.items():
        table.add_row(escape(str(k)), escape(_cell(v)))
    return table
