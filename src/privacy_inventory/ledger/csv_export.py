"""Ledger tables as CSV for Excel users (UTF-8 with BOM or cp932), formula-like cells defused."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl.utils import get_column_letter

from ..files import built_aside, naming
from .schema import TABLES
from .textio import defuse_frame

Unencodable = tuple[str, str, str, str]  # file, cell (B7), the value, the characters the encoding lacks


def _lacking(text: str, encoding: str) -> str:
    """The characters of `text` the encoding cannot hold, each once, in order; "" when it holds them all
    (the whole text is tried first: the characters one by one only for the rare cell that fails)."""
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return "".join(dict.fromkeys(ch for ch in text if not _encodes(ch, encoding)))
    return ""


def _encodes(ch: str, encoding: str) -> bool:
    try:
        ch.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def unencodable_cells(df: pd.DataFrame, file: str, encoding: str) -> list[Unencodable]:
    """Every cell (and header) the encoding cannot hold, with the characters it lacks (🍣 in 氏名🍣);
    cells as Excel names them (B7)."""
    bad = []
    for j, name in enumerate(df.columns):
        letter = get_column_letter(j + 1)
        for i, value in df[name].items():
            if isinstance(value, str) and (lacking := _lacking(value, encoding)):
                bad.append((file, f"{letter}{int(i) + 2}", value, lacking))
        if lacking := _lacking(str(name), encoding):
            bad.append((file, f"{letter}1", str(name), lacking))
    return bad


def export_ledger_csv(tables: dict[str, pd.DataFrame], out: Path, encoding: str) -> list[Unencodable]:
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
