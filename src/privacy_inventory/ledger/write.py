"""Changing a ledger file safely: append rows in the file's own encoding, atomically."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ..errors import UsageError
from ..files import built_aside, check_folder, naming, write_with
from ..i18n import t
from .textio import decode, parse_header


def append_rows(path: Path, rows: pd.DataFrame, columns: list[str] | None = None) -> None:
    """Append rows under the file's existing header; existing bytes are kept exactly. A file that does not
    exist yet (an optional table of an older ledger) is created with `columns` as its header, in UTF-8."""
    if not path.exists() and columns is not None:
        head = io.StringIO()
        csv.writer(head, lineterminator="\n").writerow(columns)
        data = head.getvalue().encode("utf-8")
    else:
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


def replace_ledger(directory: Path, write: Callable[[Path], None], replace: bool) -> None:
    """Write a ledger into a new temporary folder beside `directory`, then swap it in. An existing ledger
    is replaced only with `replace`; its files that the new one lacks (risk_model.yaml, …) are kept."""
    check_folder(directory)
    if directory.exists() and any(directory.iterdir()) and not replace:
        raise UsageError(t("write.not_empty", path=directory))
    # built aside and swapped in atomically (files.built_aside): a killed run leaves the old ledger or the
    # new one, never neither; the emptiness check above stands for `replace`
    with built_aside(directory, replace=True) as tmp:
        with naming(directory):  # a full disk names the ledger being written
            write(tmp)
        if directory.exists():
            for extra in directory.iterdir():
                if not (tmp / extra.name).exists() and extra.is_file():
                    shutil.copy2(extra, tmp / extra.name, follow_symlinks=False)
