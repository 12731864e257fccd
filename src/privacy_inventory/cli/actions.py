"""The action register (PDCA): `actions status` and `actions suggest`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ..assess.actions import Register, register, suggest
from ..assess.pipeline import Assessment, assess
from ..ledger.write import append_rows
from .options import AsOfOpt, FormatOpt, LedgerArg, OutputFormat, parse_as_of
from .render import console, err_console, frame_table, mapping_table, print_csv, print_json, records

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
    console.print(frame_table(reg.actions[columns], title="Actions"))
    console.print(mapping_table(reg.counts(), "check", "rows", title="Register"))


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
        err_console.print(
            f"{len(drafts)} draft action(s); add --write to append them to {escape(str(target))}"
        )
        return
    append_rows(target, drafts)
    console.print(f"Appended {len(drafts)} action(s) to {escape(str(target))}")
