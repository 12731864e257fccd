"""The command line: thin wrappers around library functions; errors become exit codes here only."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer
from rich.markup import escape

from .errors import EXIT_INVALID, EXIT_USAGE, LedgerInvalid, PrivacyInventoryError
from .output import (
    OutputFormat,
    console,
    err_console,
    frame_table,
    mapping_table,
    print_csv,
    print_json,
    records,
)

app = typer.Typer(
    name="privacy-inventory",
    help=(
        "Keep a personal-data ledger (個人情報管理台帳), score its risks, check it against APPI and the "
        "My Number Act, and produce the quarterly review. Every command defaults to the bundled example "
        "ledger of a Japanese consumer co-op when no ledger directory is given."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode="rich",
)

LedgerArg = Annotated[
    Path | None,
    typer.Argument(
        help="Ledger directory (CSV + YAML). Default: the bundled co-op ledger.", show_default=False
    ),
]
FormatOpt = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="table for people, json or csv for machines.")
]


def _print_problems(problems: pd.DataFrame, limit: int) -> None:
    if problems.empty:
        return
    shown = problems.drop(columns=["code"])
    console.print(frame_table(shown, title="Problems", max_rows=limit))
    if len(problems) > limit:
        console.print(f"… and {len(problems) - limit} more (use --max-problems or --format json for all)")


def report_ledger_invalid(exc: LedgerInvalid) -> None:
    """Shown by every command that needed a valid ledger and did not get one."""
    err_console.print(f"[bold red]The ledger {escape(exc.path)} has errors[/]; nothing was written.")
    errors = exc.problems[exc.problems["severity"] == "error"]
    for p in errors.head(30).itertuples():
        where = (
            p.file
            + (f" row {p.row}" if pd.notna(p.row) else "")
            + (f", column {p.column}" if p.column else "")
        )
        value = "" if p.value is None or pd.isna(p.value) else f": {p.value!r}"
        err_console.print(f"  {escape(where)}{escape(value)} — expected {escape(str(p.expected))}")
    if len(errors) > 30:
        err_console.print(f"  … and {len(errors) - 30} more: run `privacy-inventory validate` to see all")


@app.command()
def validate(
    ledger: LedgerArg = None,
    fmt: FormatOpt = OutputFormat.table,
    max_problems: Annotated[int, typer.Option(help="Problems to list in table output.")] = 200,
) -> None:
    """Check a ledger against the schema: every problem with file, row, column, value and what was expected.

    Exit code 0 = valid, 1 = the ledger has errors, 2 = the path or a file cannot be read.
    """
    from .load import UNREADABLE_CODES, read_raw, to_inventory

    raw = read_raw(ledger)
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
        console.print(f"Ledger: [bold]{escape(str(raw.path))}[/]")
        console.print(mapping_table(counts, "table", "rows", title="Rows per table"))
        if summary:
            console.print(
                mapping_table(summary["items_by_category"], "category", "items", title="Items per category")
            )
            console.print(mapping_table(summary["flows_by_basis"], "basis", "flows", title="Flows per basis"))
        _print_problems(problems, max_problems)
        warnings = len(problems) - len(errors)
        if errors.empty:
            console.print(f"[green]✓ valid[/] ({warnings} warning(s))")
        else:
            console.print(f"[red]✗ {len(errors)} error(s)[/], {warnings} warning(s)")
    if not errors.empty:
        raise typer.Exit(EXIT_USAGE if errors["code"].isin(UNREADABLE_CODES).any() else EXIT_INVALID)


@app.command()
def init(directory: Annotated[Path, typer.Argument(help="A new or empty directory.")]) -> None:
    """Write an empty ledger (every table with its header, an organisation template, the risk model).

    Refuses a directory that already has files in it.
    """
    from .scaffold import init_ledger

    written = init_ledger(directory)
    console.print(f"Empty ledger written to [bold]{escape(str(directory))}[/]: {', '.join(written)}")
    console.print(
        "Fill in organisation.yaml and the CSV files, then run: privacy-inventory validate "
        + escape(str(directory))
    )


@app.command()
def synth(
    out: Annotated[Path, typer.Argument(help="A new or empty directory for the synthetic ledger.")],
    items: Annotated[int, typer.Option(min=1, help="Number of data items.")] = 200,
    partners: Annotated[int, typer.Option(min=1, help="Number of partners.")] = 40,
    flows: Annotated[int, typer.Option(min=0, help="Number of flows.")] = 1000,
    seed: Annotated[int, typer.Option(help="Random seed: the same seed gives the same ledger.")] = 0,
) -> None:
    """Generate a valid synthetic ledger of any size (for tests, benchmarks and demos)."""
    from .scaffold import ensure_empty_dir
    from .synth import SynthSpec, synthesize

    ensure_empty_dir(out)
    counts = synthesize(out, SynthSpec(items=items, partners=partners, flows=flows, seed=seed))
    console.print(mapping_table(counts, "table", "rows", title=f"Synthetic ledger in {escape(str(out))}"))


@app.command()
def schema(
    out: Annotated[Path | None, typer.Option(help="Write the Markdown here instead of printing it.")] = None,
) -> None:
    """Print the ledger's column reference (Markdown), generated from the one schema definition."""
    from .ledger_docs import render_ledger_reference
    from .textio import write_text_atomic

    text = render_ledger_reference()
    if out is None:
        sys.stdout.write(text)
    else:
        write_text_atomic(out, text)
        console.print(f"Wrote {escape(str(out))}")


def main(argv: list[str] | None = None) -> None:
    """Entry point: maps the package's errors to exit codes and messages, never to a traceback."""
    try:
        app(args=argv, prog_name="privacy-inventory")
    except LedgerInvalid as exc:
        report_ledger_invalid(exc)
        sys.exit(exc.exit_code)
    except PrivacyInventoryError as exc:
        err_console.print(f"[bold red]Error:[/] {escape(str(exc))}")
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err_console.print("Interrupted.")
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("PRIVACY_INVENTORY_DEBUG"):
            raise
        err_console.print(
            f"[bold red]Internal error[/] ({type(exc).__name__}: {escape(str(exc))}). This is a bug in "
            "privacy-inventory, not in your ledger; run again with PRIVACY_INVENTORY_DEBUG=1 for details."
        )
        sys.exit(3)
