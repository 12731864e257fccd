"""Commands on the ledger itself: validate, init, synth, schema, and its other forms: the Excel workbook,
CSV, the 個人情報管理台帳 for a Privacy Mark audit, and a Fides data map."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer
from rich.markup import escape
from rich.table import Table

from ..assess.pipeline import assess, load_inventory, read_ledger, validate_ledger
from ..errors import EXIT_INVALID, EXIT_USAGE, UsageError
from ..files import write_text_atomic
from ..i18n import label, t
from ..ledger.csv_export import export_ledger_csv
from ..ledger.docs import render_fides_reference, render_ledger_reference
from ..ledger.excel import export_workbook, write_csv_ledger
from ..ledger.fides import export_fides, import_tables
from ..ledger.load import UNREADABLE_CODES, refuse_unread, resolve_ledger_dir, to_inventory
from ..ledger.scaffold import ensure_empty_dir, init_ledger, init_workbook
from ..ledger.schema import Basis, ItemCategory
from ..ledger.synth import SynthSpec, synthesize
from ..ledger.write import replace_ledger
from ..report.daicho import write_daicho
from .options import (
    AsOfOpt,
    CsvEncoding,
    FormatOpt,
    LangOpt,
    LedgerArg,
    ModelOpt,
    OutputFormat,
    chosen_language,
    optional_source,
    parse_as_of,
)
from .render import (
    column_label,
    console,
    err_console,
    mapping_table,
    print_csv,
    print_json,
    print_problems,
    records,
    table_label,
    where,
)


def validate(
    ledger: LedgerArg = None,
    fmt: FormatOpt = OutputFormat.table,
    max_problems: Annotated[int, typer.Option()] = 200,
) -> None:
    """Check a ledger against the schema: every problem with file, row, column, value and what was expected.

    Exit code 0 = valid, 1 = the ledger has errors, 2 = the path or a file cannot be read.
    """
    raw = validate_ledger(ledger)  # the ledger and its risk model
    problems = raw.all_problems()
    errors = problems[problems["severity"] == "error"]
    counts = {name: len(df) for name, df in raw.tables.items()}
    summary = None
    if errors.empty:
        summary = to_inventory(raw, problems).summary()
    if fmt is OutputFormat.json:
        print_json(
            {
                "valid": errors.empty,
                "path": str(raw.path),
                "tables": counts,
                "summary": summary,
                "encodings": raw.encodings,
                "problems": records(problems),
            }
        )
    elif fmt is OutputFormat.csv:
        print_csv(problems)
    else:
        console.print(f"{escape(t('cli.validate.ledger'))}[bold]{escape(str(raw.path))}[/]")
        console.print(rows_per_table(counts, t("cli.validate.rows_per_table")))
        if summary:
            by_category = {label(k, ItemCategory): n for k, n in summary["items_by_category"].items()}
            by_basis = {label(k, Basis): n for k, n in summary["flows_by_basis"].items()}
            console.print(mapping_table(by_category, column_label("category"), t("cli.validate.items"),
                                        title=t("cli.validate.items_per_category")))  # fmt: skip
            console.print(mapping_table(by_basis, column_label("basis"), t("cli.validate.flows"),
                                        title=t("cli.validate.flows_per_basis")))  # fmt: skip
        print_problems(problems, max_problems)
        warnings = len(problems) - len(errors)
        if errors.empty:
            console.print(f"[green]{escape(t('validate.valid', warnings=warnings))}[/]")
        else:
            console.print(f"[red]{escape(t('validate.invalid', errors=len(errors), warnings=warnings))}[/]")
    if not errors.empty:
        raise typer.Exit(EXIT_USAGE if errors["code"].isin(UNREADABLE_CODES).any() else EXIT_INVALID)


def init(
    directory: Annotated[
        Path,
        typer.Argument(
            metavar="DIRECTORY|FILE.xlsx",
        ),
    ],
) -> None:
    """Start a ledger: a directory of empty tables, or an Excel workbook to fill in.

    `init DIR` writes every table with its header, an organisation template and the risk model; it
    refuses a directory that already has files in it. `init FILE.xlsx` writes a workbook with a guide
    sheet (はじめに), dropdowns and a few example rows per sheet (ids starting with 例, which import-xlsx
    refuses until they are changed or deleted), and the 項目×提供先 matrix.
    """
    suffix = directory.suffix.lower()
    if suffix == ".xlsx":
        init_workbook(directory)
        console.print(escape(t("init.workbook", path=directory)))
        console.print(escape(t("init.workbook_next", path=directory)))
        return
    if suffix in (".xls", ".xlsm", ".ods", ".csv"):
        raise UsageError(t("init.not_xlsx", path=directory))
    written = init_ledger(directory)
    console.print(escape(t("cli.init.written", path=directory, files=", ".join(written))))
    console.print(escape(t("cli.init.next", path=directory)))


def synth(
    out: Annotated[Path, typer.Argument()],
    items: Annotated[int, typer.Option(min=1)] = 200,
    partners: Annotated[int, typer.Option(min=1)] = 40,
    flows: Annotated[int, typer.Option(min=0)] = 1000,
    seed: Annotated[int, typer.Option()] = 0,
) -> None:
    """Generate a valid synthetic ledger of any size (for tests, benchmarks and demos)."""
    ensure_empty_dir(out)
    counts = synthesize(out, SynthSpec(items=items, partners=partners, flows=flows, seed=seed))
    console.print(rows_per_table(counts, t("cli.synth.title", path=out)))


def schema(
    out: Annotated[Path | None, typer.Option()] = None,
    fides: Annotated[bool, typer.Option("--fides")] = False,
) -> None:
    """Print the ledger's column reference (Markdown), generated from the one schema definition; with
    --fides, the mapping of export-fides (docs/fides.md)."""
    text = render_fides_reference() if fides else render_ledger_reference()
    if out is None:
        sys.stdout.write(text)
    else:
        write_text_atomic(out, text)
        console.print(escape(t("cli.wrote", path=out)))


def rows_per_table(counts: dict[str, int], title: str) -> Table:
    """Rows per ledger table, the tables named for people."""
    named = {table_label(name): n for name, n in counts.items()}
    return mapping_table(named, t("cli.col.table"), t("cli.rows"), title=title)


def _check_workbook_target(out: Path, force: bool) -> None:
    if out.suffix.lower() != ".xlsx":
        raise UsageError(t("cli.xlsx.suffix", path=out))
    if out.exists() and not force:
        raise UsageError(t("cli.xlsx.exists", path=out))


def export_xlsx(
    ledger: Annotated[
        Path | None,
        typer.Argument(show_default=False),
    ] = None,
    out: Annotated[Path | None, typer.Argument(show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
) -> None:
    """The ledger as an Excel workbook for people: a guide sheet, a sheet per table with Japanese headers
    (explained in their comments), dropdowns of Japanese labels and はい/いいえ, dates as dates, and the
    項目×提供先 matrix where a 〇 adds a flow (docs/ledger.md).

    `export-xlsx OUT.xlsx` exports the bundled ledger; `export-xlsx DIR OUT.xlsx` another one.
    """
    ledger, out = optional_source(ledger, out, Path("ledger.xlsx"))
    _check_workbook_target(out, force)
    raw = read_ledger(ledger)
    problems = raw.all_problems()
    refuse_unread(raw)  # a table that could not be read is not exported as an empty sheet
    export_workbook(raw.tables, raw.organisation, out)
    errors = int((problems["severity"] == "error").sum())
    to_fix = f" [yellow]{escape(t('cli.xlsx.errors_in_it', n=errors))}[/]" if errors else ""
    console.print(escape(t("cli.wrote", path=out)) + to_fix)


def import_xlsx(
    workbook: Annotated[Path, typer.Argument()],
    directory: Annotated[Path, typer.Argument()],
    force: Annotated[bool, typer.Option("--force")] = False,
    replace: Annotated[bool, typer.Option("--replace")] = False,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Read a workbook, validate it like a CSV ledger (problems by cell, e.g. 提供・受領!D17) and write the
    CSV ledger atomically only when it is valid. Labels, English labels and codes are read as codes;
    each new 〇 of the 項目×提供先 matrix becomes a flow; example rows (ids starting with 例) are refused."""
    raw = read_ledger(resolve_ledger_dir(workbook))
    problems = raw.all_problems()
    errors = problems[problems["severity"] == "error"]
    if fmt is OutputFormat.json:
        print_json({"valid": errors.empty, "added_flows": raw.added_flows, "problems": records(problems)})
    else:
        print_problem_lines(problems)
    examples = problems[problems["code"] == "example"]
    if len(examples):
        cells = [where(p) for p in examples.itertuples()]
        shown = ", ".join(cells[:10]) + (t("xlsx.more", n=len(cells) - 10) if len(cells) > 10 else "")
        err_console.print(escape(t("xlsx.examples_left", n=len(cells), cells=shown)))
    refuse_unless_valid(problems, directory, force)
    replace_ledger(directory, lambda tmp: write_csv_ledger(raw.tables, raw.organisation, tmp), replace)
    if raw.added_flows and fmt is not OutputFormat.json:
        ids = raw.added_flows
        span = ids[0] if len(ids) == 1 else f"{ids[0]}–{ids[-1]}"
        console.print(escape(t("xlsx.matrix_added", n=len(ids), ids=span)))
    if fmt is not OutputFormat.json:
        console.print(f"[green]✓[/] {escape(t('cli.wrote_ledger', path=directory))}")


def export_csv(
    ledger: Annotated[
        Path | None,
        typer.Argument(show_default=False),
    ] = None,
    out: Annotated[Path | None, typer.Argument(show_default=False)] = None,
    encoding: Annotated[CsvEncoding, typer.Option()] = CsvEncoding.utf_8_sig,
) -> None:
    """The ledger's tables as CSV for Excel users: formula-like cells defused; with cp932, characters it
    cannot hold are reported by cell and nothing is written. `export-csv OUT` exports the bundled ledger."""
    ledger, out = optional_source(ledger, out, Path("ledger-csv"))
    ensure_empty_dir(out)
    raw = read_ledger(ledger)
    refuse_unread(raw)  # a table that could not be read is not exported as an empty file
    bad = export_ledger_csv(raw.tables, out, str(encoding))
    if bad:
        for file, cell, value, lacking in bad[:50]:
            where = f"{file} {cell}"
            err_console.print(escape(t("cli.csv.cell_not_written", where=where, value=value, chars=lacking,
                                       encoding=encoding)))  # fmt: skip
        cells = t("cli.csv.cells_not_written", n=len(bad), encoding=encoding)
        err_console.print(f"[red]{escape(cells)}[/]{escape(t('cli.csv.nothing_written'))}")
        raise typer.Exit(EXIT_INVALID)
    console.print(escape(t("cli.csv.written", n=len(list(out.iterdir())), path=out, encoding=encoding)))


def export_daicho(
    ledger: Annotated[
        Path | None,
        typer.Argument(show_default=False),
    ] = None,
    out: Annotated[Path | None, typer.Argument(show_default=False)] = None,
    as_of: AsOfOpt = None,
    model: ModelOpt = None,
    lang: LangOpt = None,
    force: Annotated[bool, typer.Option("--force")] = False,
) -> None:
    """The 個人情報管理台帳 as a Privacy Mark (JIS Q 15001) auditor expects it: one row per item (and per
    group of purposes where the partners differ), the customary columns, labels not codes, 【未記載】 for
    what the ledger lacks, risks as of --as-of; A3 landscape, header repeated on every page.

    `export-daicho OUT.xlsx` exports the bundled ledger; `export-daicho DIR OUT.xlsx` another one.
    """
    chosen = chosen_language(lang)
    ledger, out = optional_source(ledger, out, Path("daicho.xlsx"))
    _check_workbook_target(out, force)
    result = write_daicho(assess(ledger, model=model, as_of=parse_as_of(as_of)), out, chosen)
    overdue = t("cli.daicho.overdue", n=result.overdue) if result.overdue else ""
    written = t("cli.daicho.written", path=out, rows=result.rows, items=result.items)
    console.print(escape(written) + (f" [yellow]{escape(overdue)}[/]" if overdue else ""))


def export_fides_map(
    ledger: Annotated[
        Path | None,
        typer.Argument(show_default=False),
    ] = None,
    out: Annotated[Path | None, typer.Argument(show_default=False)] = None,
) -> None:
    """The ledger as a Fides data map (fideslang YAML): a system per storage system of items and per
    partner, privacy declarations per purpose, egress/ingress as in flows.csv, datasets of the items,
    and the taxonomy labels added where fideslang has none (docs/fides.md).

    `export-fides OUT` exports the bundled ledger; `export-fides DIR OUT` another one.
    """
    ledger, out = optional_source(ledger, out, Path("fides"))
    result = export_fides(load_inventory(resolve_ledger_dir(ledger)), out)
    console.print(escape(t("cli.fides.written", path=out, systems=result.systems, datasets=result.datasets,
                           declarations=result.declarations, edges=result.edges)))  # fmt: skip


def import_fides_map(
    source: Annotated[Path, typer.Argument()],
    directory: Annotated[Path, typer.Argument()],
    force: Annotated[bool, typer.Option("--force")] = False,
    replace: Annotated[bool, typer.Option("--replace")] = False,
) -> None:
    """Read a Fides data map written by export-fides back into a ledger: items, purposes, uses, partners,
    flows, departments and joint-use arrangements (names, categories, subjects and addresses as they now stand in Fides).
    Controls, actions and most of organisation.yaml do not come back (docs/fides.md). Validated like
    any ledger; written atomically only when valid."""
    tables, organisation = import_tables(source)
    directory.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".fides-import-", dir=directory.parent) as tmp:
        write_csv_ledger(tables, organisation, Path(tmp))
        problems = read_ledger(Path(tmp)).all_problems()
    print_problem_lines(problems)
    refuse_unless_valid(problems, directory, force)
    replace_ledger(directory, lambda tmp: write_csv_ledger(tables, organisation, tmp), replace)
    counts = t("cli.findings.sep").join(
        f"{table_label(n)} {len(tables[n])}" for n in ("items", "purposes", "partners", "flows")
    )
    console.print(f"[green]✓[/] {escape(t('cli.wrote_ledger', path=directory))} ({escape(counts)})")


def print_problem_lines(problems: pd.DataFrame) -> None:
    """One line per problem of a ledger about to be written: error or warning, where, value, expected."""
    for p in problems.itertuples():
        value = (
            "" if p.value is None or pd.isna(p.value) or p.value == "" else t("problem.value", value=p.value)
        )
        level = t("problem.error") if p.severity == "error" else t("problem.warning")
        level = f"[red]{level}[/]" if p.severity == "error" else f"[yellow]{level}[/]"
        line = t("problem.line", level="\0", where=where(p), value=value, expected=p.expected)
        console.print(level.join(escape(part) for part in line.split("\0", 1)))


def refuse_unless_valid(problems: pd.DataFrame, directory: Path, force: bool) -> None:
    """Nothing is written with an error, nor with a warning unless --force (exit 1 either way)."""
    errors = problems[problems["severity"] == "error"]
    if not errors.empty:
        err_console.print(f"[red]{escape(t('problem.nothing_written', n=len(errors), path=directory))}[/]")
        raise typer.Exit(EXIT_INVALID)
    if len(problems) and not force:
        err_console.print(escape(t("problem.warnings_nothing_written", n=len(problems))))
        raise typer.Exit(EXIT_INVALID)
