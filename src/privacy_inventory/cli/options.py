"""Options several commands share, and the closed choices typer checks for us."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import UsageError


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class NoticeFormat(StrEnum):
    md = "md"
    html = "html"
    json = "json"
    table = "table"  # with --compare: the differences as a table (the default for --compare)


class IncidentFormat(StrEnum):
    table = "table"
    json = "json"
    md = "md"


class ScoreTable(StrEnum):
    flows = "flows"
    items = "items"
    partners = "partners"


class CsvEncoding(StrEnum):
    utf_8_sig = "utf-8-sig"
    cp932 = "cp932"


LedgerArg = Annotated[
    Path | None,
    typer.Argument(
        help="Ledger directory (CSV + YAML). Default: the bundled co-op ledger.", show_default=False
    ),
]
FormatOpt = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="table for people, json or csv for machines.")
]
ModelOpt = Annotated[
    Path | None,
    typer.Option("--model", help="risk_model.yaml to use (default: the ledger's own, else bundled)."),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option("--as-of", help="Date inspection ages are counted to, YYYY-MM-DD (default: today)."),
]
OutOpt = Annotated[Path, typer.Option(help="Folder that holds one sub-folder per period.")]


def parse_as_of(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--as-of: {value!r} is not a date; expected YYYY-MM-DD") from None


def ids(values: list[str] | None) -> list[str]:
    """Repeated options and comma-separated lists both work: --item I001 --item I002 or --item I001,I002."""
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


def optional_source(ledger: Path | None, out: Path | None, default_out: Path) -> tuple[Path | None, Path]:
    """`CMD OUT` (bundled ledger) or `CMD LEDGER OUT`: a single argument is the output."""
    if out is None:
        return None, ledger if ledger is not None else default_out
    return ledger, out
