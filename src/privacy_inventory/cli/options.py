"""Options several commands share, and the closed choices typer checks for us."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import UsageError
from ..i18n import Lang, language, t, use_language


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


# The help of every parameter is in texts_cli.py (`help.<command>.<parameter>`), applied by language.py.
LedgerArg = Annotated[Path | None, typer.Argument(show_default=False)]
FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f")]
ModelOpt = Annotated[Path | None, typer.Option("--model")]
AsOfOpt = Annotated[str | None, typer.Option("--as-of")]
OutOpt = Annotated[Path, typer.Option()]
# A command's own --lang: the language of what it writes (a report, a notice) and of its messages; by
# default the current language (the global --lang, else PRIVACY_INVENTORY_LANG, else the locale).
LangOpt = Annotated[Lang | None, typer.Option("--lang", show_default=False)]


def chosen_language(lang: Lang | None) -> str:
    """The command's language: its --lang, which then also sets the messages', else the current one."""
    if lang is not None:
        use_language(str(lang))
    return language()


def parse_as_of(value: str | None, option: str = "--as-of") -> dt.date:
    """A date option (YYYY-MM-DD); today when not given. A bad value is a usage error naming `option`."""
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(t("cli.not_a_date", option=option, value=repr(value))) from None


def ids(values: list[str] | None) -> list[str]:
    """Repeated options and comma-separated lists both work: --item I001 --item I002 or --item I001,I002."""
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


def optional_source(ledger: Path | None, out: Path | None, default_out: Path) -> tuple[Path | None, Path]:
    """`CMD OUT` (bundled ledger) or `CMD LEDGER OUT`: a single argument is the output."""
    if out is None:
        return None, ledger if ledger is not None else default_out
    return ledger, out
