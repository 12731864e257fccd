"""Reading the ledger's text files (encodings, CSV parsing) and writing CSV for spreadsheets."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from ..files import write_with

ACCEPTED_ENCODINGS = "UTF-8, UTF-8 with BOM, or cp932 (Japanese Excel)"
_BOM = b"\xef\xbb\xbf"


class UnreadableText(Exception):
    """A file that is not text in an accepted encoding; `detail` says why."""

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


@dataclass(frozen=True)
class DecodedText:
    utf8: bytes  # the content re-encoded as UTF-8 without BOM (what the CSV parser reads)
    encoding: str  # "utf-8", "utf-8-sig" or "cp932"


def decode(data: bytes) -> DecodedText:
    """Detect UTF-8 (with or without BOM) or cp932; anything else raises UnreadableText."""
    if b"\x00" in data[:8192]:
        raise UnreadableText("contains NUL bytes: not a text file")
    if data.startswith(_BOM):
        body = data[len(_BOM) :]
        try:
            body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise UnreadableText(f"starts with a UTF-8 BOM but byte {exc.start + 3} is not UTF-8") from None
        return DecodedText(body, "utf-8-sig")
    try:
        data.decode("utf-8")
        return DecodedText(data, "utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return DecodedText(data.decode("cp932").encode("utf-8"), "cp932")
        except UnicodeDecodeError:
            raise UnreadableText(
                f"byte {utf8_error.start} (0x{data[utf8_error.start]:02x}) is neither UTF-8 nor cp932; "
                f"save the file as {ACCEPTED_ENCODINGS}"
            ) from None


def read_text(path: Path) -> str:
    return decode(path.read_bytes()).utf8.decode("utf-8")


def parse_header(utf8: bytes) -> list[str]:
    first = utf8.split(b"\n", 1)[0].decode("utf-8").rstrip("\r")
    row = next(csv.reader([first]), [])
    return [name.strip() for name in row]


def read_csv_strings(utf8: bytes, header: list[str]) -> pd.DataFrame:
    """Every cell as text (ids keep leading zeros), trimmed; empty cells are missing (NA), never "nan"."""
    table = pacsv.read_csv(
        io.BytesIO(utf8),
        read_options=pacsv.ReadOptions(column_names=header, skip_rows=1),
        parse_options=pacsv.ParseOptions(newlines_in_values=True),
        convert_options=pacsv.ConvertOptions(
            column_types=dict.fromkeys(header, pa.string()),
            strings_can_be_null=True,
            quoted_strings_can_be_null=True,
            null_values=[""],
        ),
    )
    trimmed = []
    for column in table.columns:
        text = pc.utf8_trim_whitespace(column)
        trimmed.append(pc.if_else(pc.equal(text, ""), pa.scalar(None, pa.string()), text))
    return pa.table(trimmed, names=header).to_pandas()


# --- spreadsheet safety ------------------------------------------------------------------------------

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def defuse_frame(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for name in out.columns:
        col = out[name]
        if pd.api.types.is_string_dtype(col) or col.dtype == object:
            text = col.astype("string")
            risky = text.str.startswith(FORMULA_PREFIXES).fillna(False)
            if risky.any():
                out[name] = col.astype(object).where(~risky, "'" + text.astype(object))
    return out


def write_csv_atomic(df: pd.DataFrame, target: Path, *, for_spreadsheet: bool = True) -> None:
    """CSV for people: UTF-8 with BOM (Excel opens it correctly), formulas defused."""
    frame = defuse_frame(df) if for_spreadsheet else df
    write_with(target, lambda tmp: frame.to_csv(tmp, index=False, encoding="utf-8-sig"))
