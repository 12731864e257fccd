"""The command line: the app with every command, and the one place errors become exit codes."""

from __future__ import annotations

import contextvars
import os
import sys
from importlib.metadata import PackageNotFoundError, version
from typing import Annotated

import typer
from rich.markup import escape
from typer._click.exceptions import ClickException
from typer._click.exceptions import UsageError as ClickUsageError

from ..errors import EXIT_USAGE, FileSystemError, LedgerInvalid, PrivacyInventoryError
from ..i18n import Lang, t, use_language
from . import actions, compliance, draft, incident, ledger, review, risk
from .language import (
    CONTEXT_SETTINGS,
    lang_from_argv,
    localise,
    show_usage_error,
    use_typer_texts,
    without_lang,
)
from .render import err_console, report_ledger_invalid

EXIT_BUG = 3  # only for real bugs: every expected failure has its own error and exit code
PROG = "privacy-inventory"

app = typer.Typer(
    name=PROG,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings=CONTEXT_SETTINGS,
)


def _version(shown: bool) -> None:
    if shown:
        try:
            number = version(PROG)
        except PackageNotFoundError:  # run from a source tree that was never installed
            number = "unknown"
        typer.echo(f"{PROG} {number}")
        raise typer.Exit()


@app.callback()
def root(
    lang: Annotated[Lang | None, typer.Option("--lang")] = None,
    show_version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True)] = False,
) -> None:
    """The options every command shares (the help text is in texts_cli.py, key `help`)."""
    if lang is not None:
        use_language(str(lang))


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


def run(args: list[str]) -> int:
    """Parse and run one command line in the chosen language; the exit code of a typer.Exit.

    `--lang` is read before parsing so that --help and parsing errors are already in that language;
    the app runs with standalone_mode=False so that click's usage errors come back here to be shown
    in it (see language.py).
    """
    chosen = lang_from_argv(args)
    if chosen is not None:
        use_language(chosen)
    command = typer.main.get_command(app)
    localise(command)
    use_typer_texts()
    try:
        code = command.main(args=without_lang(args), prog_name=PROG, standalone_mode=False)
    except ClickUsageError as exc:
        show_usage_error(exc)
        return exc.exit_code
    except ClickException as exc:  # e.g. a file click could not open: shown as click would, translated
        err_console.print(f"[bold red]{escape(t('cli.error'))}[/] {escape(exc.format_message())}")
        return exc.exit_code
    except typer.Abort:
        err_console.print(t("cli.aborted"))
        return 1
    return code if isinstance(code, int) else 0


def main(argv: list[str] | None = None) -> None:
    """Entry point: maps the package's errors to exit codes and messages, never to a traceback.

    Runs in a copy of the caller's context: a language chosen on this command line ends with it, and
    one the caller chose with use_language() holds unless --lang says otherwise."""
    contextvars.copy_context().run(_main, sys.argv[1:] if argv is None else list(argv))


def _main(args: list[str]) -> None:
    try:
        sys.exit(run(args))
    except LedgerInvalid as exc:
        report_ledger_invalid(exc)
        sys.exit(exc.exit_code)
    except PrivacyInventoryError as exc:
        err_console.print(f"[bold red]{escape(t('cli.error'))}[/] {escape(str(exc))}", soft_wrap=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err_console.print(t("cli.interrupted"))
        sys.exit(130)
    except OSError as exc:  # the file system failed us (full disk, read-only, no permission): not a bug
        if os.environ.get("PRIVACY_INVENTORY_DEBUG"):
            raise
        fs = FileSystemError.of(exc, "?")
        err_console.print(
            f"[bold red]{escape(t('cli.error'))}[/] {escape(t('files.failed', path=fs.path, reason=fs.reason))}"
        )
        sys.exit(EXIT_USAGE)
    except Exception as exc:
        if os.environ.get("PRIVACY_INVENTORY_DEBUG"):
            raise
        err_console.print(t("cli.bug", kind=type(exc).__name__, detail=escape(str(exc))))
        sys.exit(EXIT_BUG)
