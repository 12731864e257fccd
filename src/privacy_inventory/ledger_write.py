"""Changing a ledger file safely: append rows in the file's own encoding, atomically."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from .textio import decode, parse_header, write_with


def append_rows(path: Path, rows: pd.DataFrame) -> None:
    """Append rows under the file's existing header; existing bytes are kept exactly."""
    data = path.read_bytes()
    decoded = decode(data)
    header = parse_header(decoded.utf8)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    for rec in (
        rows.reindex(columns=header)
        .astype(object)
        .where(rows.reindex(columns=header).notna(), "")
        .itertuples(index=False)
    ):
        writer.writerow(["" if v is None else str(v) for v in rec])
    text = buf.getvalue()
    encoding = "cp932" if decoded.encoding == "cp932" else "utf-8"
    sep = b"" if data.endswith(b"\n") or not data else b"\n"
    write_with(path, lambda tmp: tmp.write_bytes(data + sep + text.encode(encoding)))
