"""Small helpers to corrupt a copy of a ledger in tests."""

from __future__ import annotations

from pathlib import Path

import pandas as pd


def read(ledger: Path, file: str) -> pd.DataFrame:
    return pd.read_csv(ledger / file, dtype=str, keep_default_na=False)


def write(ledger: Path, file: str, df: pd.DataFrame, encoding: str = "utf-8") -> None:
    df.to_csv(ledger / file, index=False, encoding=encoding, lineterminator="\n")


def set_cell(ledger: Path, file: str, index: int, column: str, value: str) -> int:
    """Set one cell; return the spreadsheet row number of it (header = row 1)."""
    df = read(ledger, file)
    df.loc[index, column] = value
    write(ledger, file, df)
    return index + 2
