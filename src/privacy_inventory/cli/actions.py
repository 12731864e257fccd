"""The action register (PDCA): `actions status` and `actions suggest`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ..assess.action_state import ActionState
from ..assess.actions import Register, register, suggest
from ..assess.pipeline import Assessment, assess
from ..i18n import label, t
from ..ledger.schema import ActionStatus
from ..ledger.write import append_rows
from .options import AsOfOpt, FormatOpt, LedgerArg, OutputFormat, parse_as_of
from .render import (
    console,
    err_console,
    for_people,
    frame_table,
    mapping_table,
    print_csv,
    print_json,
    records,
)

app = typer.Typer(no_args_is_help=True)


def _register(ledger: Path | None, as_of: str | None) -> tuple[Assessment, Register]:
    a = assess(ledger, as_of=parse_as_of(as_of))
    return a, register(a)


@app.command("status")
def status(ledger: LedgerArg = None, fmt: FormatOpt = OutputFormat.table, as_of: AsOfOpt = None) -> None:
    """Overdue actions, high findings and risks with no action, actions ready to close, actions closed
    without evidence."""
    _, reg = _register(ledger, as_of)
    if fmt is OutputFormat.json:
        print_json({"counts": reg.counts(), "actions": records(reg.actions), "overdue": records(reg.overdue),
                    "unaddressed_findings": records(reg.unaddressed_findings.astype({"severity": str})),
                    "ready_to_close": records(reg.ready_to_close), "closed_without_evidence": records(reg.closed_without_evidence)})  # fmt: skip
        return
    columns = ["action_id", "title", "refers_to", "owner", "due", "status", "state"]
    shown = reg.actions[columns].assign(
        status=reg.actions["status"].map(lambda s: label(s, ActionStatus)),
        state=reg.actions["state"].map(lambda s: label(s, ActionState)),
    )
    console.print(frame_table(for_people(shown), title=t("cli.actions.title")))
    counts = {t(f"cli.actions.count.{k}"): n for k, n in reg.counts().items()}
    console.print(
        mapping_table(counts, t("cli.actions.check"), t("cli.rows"), title=t("cli.actions.register"))
    )


@app.command("suggest")
def suggest_command(
    ledger: LedgerArg = None,
    write: Annotated[bool, typer.Option("--write")] = False,
    as_of: AsOfOpt = None,
) -> None:
    """Draft actions for unaddressed high findings and high residual risks. Prints them as CSV; only
    --write appends them to actions.csv (existing rows are never changed)."""
    a, reg = _register(ledger, as_of)
    drafts = suggest(a.inventory, reg, a.as_of)
    target = a.inventory.path / "actions.csv"
    if not write:
        print_csv(drafts)
        err_console.print(escape(t("cli.actions.drafts", n=len(drafts), path=target)))
        return
    append_rows(target, drafts)
    console.print(escape(t("cli.actions.appended", n=len(drafts), path=target)))
