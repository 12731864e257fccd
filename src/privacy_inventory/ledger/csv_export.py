"""Ledger tables as CSV for Excel users (UTF-8 with BOM or cp932), formula-like cells defused."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl.utils import get_column_letter

from ..files import built_aside, naming
from .schema import TABLES
from .textio import defuse_frame


def unencodable_cells(df: pd.DataFrame, file: str, encoding: str) -> list[tuple[str, str, str]]:
    """(file, cell, value) of every cell the encoding cannot hold; cells as Excel names them (B7)."""
    bad = []
    for j, name in enumerate(df.columns):
        for i, value in df[name].items():
            if isinstance(value, str):
                try:
                    value.encode(encoding)
                except UnicodeEncodeError:
                    bad.append((file, f"{get_column_letter(j + 1)}{int(i) + 2}", value))
        try:
            str(name).encode(encoding)
        except UnicodeEncodeError:
            bad.append((file, f"{get_column_letter(j + 1)}1", str(name)))
    return bad


def export_ledger_csv(
    tables: dict[str, pd.DataFrame], out: Path, encoding: str
) -> list[tuple[str, str, str]]:
    """Write every table; if any cell cannot be encoded, write nothing and return those cells."""
    frames = {
        t.file: defuse_frame(tables.get(t.name, pd.DataFrame(columns=t.column_names)).reset_index(drop=True))
        for t in TABLES
    }
    if encoding != "utf-8-sig":
        bad = [cell for file, df in frames.items() for cell in unencodable_cells(df, file, encoding)]
        if bad:
            return bad
    with built_aside(out, replace=out.exists()) as tmp:  # `out` is new or empty (the command checks)
        for file, df in frames.items():
            with naming(out / file):  # a full disk names the file, not only the error number
                df.to_csv(tmp / file, index=False, encoding=encoding, lineterminator="\r\n")
    return []
