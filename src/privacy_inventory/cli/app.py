"""The command line: the app with every command, and the one place errors become exit codes."""

from __future__ import annotations

import os
import sys

import typer
from rich.markup import escape

from ..errors import EXIT_USAGE, FileSystemError, LedgerInvalid, PrivacyInventoryError
from ..i18n import t
from . import actions, compliance, draft, incident, ledger, review, risk
from .render import err_console, report_ledger_invalid

EXIT_BUG = 3  # only for real bugs: every expected failure has its own error and exit code

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

app.command()(ledger.validate)
app.command()(ledger.init)
app.command()(draft.draft)
app.command()(ledger.synth)
app.command()(risk.score)
app.command()(compliance.check)
app.command()(compliance.rules)
app.command()(compliance.notice)
app.command()(review.review)
app.command()(review.verify)
app.command("diff")(review.diff_command)
app.add_typer(actions.app, name="actions")
app.add_typer(incident.app, name="incident")
app.command("export-xlsx")(ledger.export_xlsx)
app.command("import-xlsx")(ledger.import_xlsx)
app.command("export-csv")(ledger.export_csv)
app.command("export-daicho")(ledger.export_daicho)
app.command("export-fides")(ledger.export_fides_map)
app.command("import-fides")(ledger.import_fides_map)
app.command()(ledger.schema)


def main(argv: list[str] | None = None) -> None:
    """Entry point: maps the package's errors to exit codes and messages, never to a traceback."""
    try:
        app(args=argv, prog_name="privacy-inventory")
    except LedgerInvalid as exc:
        report_ledger_invalid(exc)
        sys.exit(exc.exit_code)
    except PrivacyInventoryError as exc:
        err_console.print(f"[bold red]Error:[/] {escape(str(exc))}", soft_wrap=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err_console.print("Interrupted.")
        sys.exit(130)
    except OSError as exc:  # the file system failed us (full disk, read-only, no permission): not a bug
        if os.environ.get("PRIVACY_INVENTORY_DEBUG"):
            raise
        fs = FileSystemError.of(exc, "?")
        err_console.print(f"[bold red]Error:[/] {escape(t('files.failed', path=fs.path, reason=fs.reason))}")
        sys.exit(EXIT_USAGE)
    except Exception as exc:
        if os.environ.get("PRIVACY_INVENTORY_DEBUG"):
            raise
        err_console.print(
            f"[bold red]Internal error[/] ({type(exc).__name__}: {escape(str(exc))}). This is a bug in "
            "privacy-inventory, not in your ledger; run again with PRIVACY_INVENTORY_DEBUG=1 for details."
        )
        sys.exit(EXIT_BUG)
