"""Reading the ledger's text files (encodings, CSV parsing) and writing CSV for spreadsheets."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from ..files import write_with
from ..i18n import t

_BOM = b"\xef\xbb\xbf"


class UnreadableText(Exception):
    """A file that is not text in an accepted encoding; `detail` says why, `line` where (when known)."""

    def __init__(self, detail: str, line: int | None = None):
        super().__init__(detail)
        self.detail = detail
        self.line = line


def line_of(data: bytes, offset: int) -> int:
    """The line (1-based) that byte `offset` is on, counting LF, CRLF or (in a CR-only file) CR endings."""
    ending = b"\n" if b"\n" in data else b"\r"
    return data.count(ending, 0, offset) + 1


@dataclass(frozen=True)
class DecodedText:
    utf8: bytes  # the content re-encoded as UTF-8 without BOM (what the CSV parser reads)
    encoding: str  # "utf-8", "utf-8-sig" or "cp932"


def decode(data: bytes) -> DecodedText:
    """Detect UTF-8 (with or without BOM) or cp932; anything else raises UnreadableText."""
    nul = data.find(b"\x00")  # anywhere: a NUL after the first few KB is as fatal as one at the start
    if nul >= 0:
        utf16 = data[:2] in (b"\xff\xfe", b"\xfe\xff")
        key = "textio.utf16" if utf16 else "textio.nul"
        raise UnreadableText(t(key, line=line_of(data, nul), byte=nul), line_of(data, nul))
    if data.startswith(_BOM):
        body = data[len(_BOM) :]
        try:
            body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise UnreadableText(t("textio.bom", byte=exc.start + 3)) from None
        return DecodedText(body, "utf-8-sig")
    try:
        data.decode("utf-8")
        return DecodedText(data, "utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return DecodedText(data.decode("cp932").encode("utf-8"), "cp932")
        except UnicodeDecodeError:
            byte = utf8_error.start
            raise UnreadableText(
                t("textio.encoding", byte=byte, hex=f"0x{data[byte]:02x}", accepted=t("textio.accepted"))
            ) from None


def read_text(path: Path) -> str:
    return decode(path.read_bytes()).utf8.decode("utf-8")


def parse_header(utf8: bytes) -> list[str]:
    first = re.split(rb"\r\n|\r|\n", utf8, maxsplit=1)[0].decode("utf-8")  # CR-only files too (old Mac Excel)
    row = next(csv.reader([first]), [])
    return [name.strip() for name in row]


def _arrow_table(utf8: bytes, header: list[str]) -> pa.Table:
    return pacsv.read_csv(
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


def read_csv_strings(utf8: bytes, header: list[str]) -> pd.DataFrame:
    """Every cell as text (ids keep leading zeros), trimmed; empty cells are missing (NA), never "nan".
    A cell export-csv defused for spreadsheets ('=1+1) reads back as it was (=1+1)."""
    return _frame(_arrow_table(utf8, header), header)


def _frame(table: pa.Table, header: list[str]) -> pd.DataFrame:
    trimmed = []
    for column in table.columns:
        text = pc.utf8_trim_whitespace(column)
        text = _undefuse(text)
        trimmed.append(pc.if_else(pc.equal(text, ""), pa.scalar(None, pa.string()), text))
    return pa.table(trimmed, names=header).to_pandas()


def read_csv_checked(utf8: bytes, header: list[str]) -> pd.DataFrame:
    """read_csv_strings, with the quoting checked first-hand: raises CsvSyntax naming the line where a
    quote opened and never closed, or where a quoted value spanning lines left a row with the wrong
    number of values (both would otherwise swallow the rows after it without a word)."""
    try:
        table = _arrow_table(utf8, header)
    except pa.ArrowException as exc:  # wrong field count, bad quoting: find the line ourselves
        found = scan_csv(utf8, len(header))
        if found is not None:
            raise found from None
        detail = str(exc).strip().splitlines()[0]
        match = re.search(r"[Rr]ow #(\d+)", detail)
        raise CsvSyntax(int(match.group(1)) if match else None, detail) from None
    if _may_hide_rows(utf8, table.num_rows):
        found = scan_csv(utf8, len(header))
        if found is not None:
            raise found
    return _frame(table, header)


# --- the structure of a CSV file: where a quote opened and never closed ------------------------------


class CsvSyntax(Exception):
    """Malformed CSV: `line` where the trouble starts, `detail` what is wrong there."""

    def __init__(self, line: int | None, detail: str):
        super().__init__(f"line {line}: {detail}")
        self.line = line
        self.detail = detail


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _may_hide_rows(utf8: bytes, rows: int) -> bool:
    """Cheap test of whether a quote may have run across lines: an odd number of quote characters, or
    more line breaks than rows (a value spanning lines, or blank lines). Files that pass are scanned no
    further; the others are scanned with the csv module (scan_csv)."""
    if utf8.count(b'"') % 2:
        return True
    breaks = utf8.count(b"\n") or utf8.count(b"\r")
    return breaks > rows + 1


def scan_csv(utf8: bytes, columns: int) -> CsvSyntax | None:
    """Read the file record by record, as a spreadsheet would, and return the first structural problem:
    a quote still open at the end of the file, a record spanning lines with the wrong number of values,
    or a line with the wrong number of values. Lines are counted as the file shows them."""
    text = utf8.decode("utf-8")
    limit = csv.field_size_limit()
    csv.field_size_limit(
        max(limit, len(text) + 1)
    )  # a swallowed file is one huge value: read it, then say so
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    end = 0
    try:
        for record in reader:
            start, end = end + 1, reader.line_num
            if not record or start == 1:
                continue  # a blank line, or the header (checked on its own)
            if len(record) != columns:
                if end > start:
                    opened = _quote_opened_on(text, start)
                    return CsvSyntax(opened, t("textio.quote_spans", opened=opened, end=end,
                                               found=len(record), expected=columns))  # fmt: skip
                return CsvSyntax(start, t("textio.field_count", found=len(record), expected=columns))
    except csv.Error as exc:
        start = end + 1
        if "unexpected end of data" in str(exc):
            opened = _quote_opened_on(text, start)
            return CsvSyntax(
                opened, t("textio.quote_open", opened=opened, lines=reader.line_num - opened + 1)
            )
        return CsvSyntax(reader.line_num, t("textio.bad_quoting", detail=str(exc)))
    finally:
        csv.field_size_limit(limit)
    return None


def _quote_opened_on(text: str, record_line: int) -> int:
    """The line on which a quote of the record starting at `record_line` opened: the quote still open at
    the end of the file if there is one, else the first quoted value that runs past the end of its line
    (the record's own line when neither is found)."""
    offset = 0
    for n, match in enumerate(_LINE_BREAK.finditer(text), 2):
        if n > record_line:
            break
        offset = match.end()
    line, i, field_start, crossing = record_line, offset, True, None
    while i < len(text):
        c = text[i]
        if c == '"' and field_start:
            close = i + 1
            while True:  # the closing quote: the next '"' that is not doubled
                close = text.find('"', close)
                if close < 0 or text[close + 1 : close + 2] != '"':
                    break
                close += 2
            if close < 0:
                return line  # open until the end of the file
            breaks = len(_LINE_BREAK.findall(text, i, close))
            if breaks and crossing is None:
                crossing = line
            line += breaks
            i, field_start = close + 1, False
            continue
        if c in "\r\n":
            break  # the end of the record
        field_start = c == ","
        i += 1
    return crossing if crossing is not None else record_line


# --- spreadsheet safety ------------------------------------------------------------------------------

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# A defused cell is the value with one apostrophe put before it: '=1+1. A value that already starts with
# apostrophes before a formula character ('=x) gets one more (''=x), so reading back (remove one
# apostrophe where apostrophes precede a formula character) gives every value exactly as it was. The
# ledger loader reads export-csv's folder back this way, as Excel reads a typed leading apostrophe.
DEFUSED = r"^'*[=+\-@\t\r]"
_REVERSIBLE = r"^'+[=+\-@\t\r]"


def _undefuse(text: pa.Array) -> pa.Array:
    if not pc.any(pc.starts_with(text, "'")).as_py():
        return text
    return pc.if_else(
        pc.fill_null(pc.match_substring_regex(text, _REVERSIBLE), False),
        pc.utf8_slice_codeunits(text, 1),
        text,
    )


def defuse_frame(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for name in out.columns:
        col = out[name]
        if pd.api.types.is_string_dtype(col) or col.dtype == object:
            text = col.astype("string")
            risky = text.str.contains(DEFUSED, regex=True).fillna(False)
            if risky.any():
                out[name] = col.astype(object).where(~risky, "'" + text.astype(object))
    return out


def write_csv_atomic(df: pd.DataFrame, target: Path, *, for_spreadsheet: bool = True) -> None:
    """CSV for people: UTF-8 with BOM (Excel opens it correctly), formulas defused."""
    frame = defuse_frame(df) if for_spreadsheet else df
    write_with(target, lambda tmp: frame.to_csv(tmp, index=False, encoding="utf-8-sig"))
