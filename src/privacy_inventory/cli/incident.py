"""The `incident` command: breach impact, ENISA severity, APPI Art.26 and My Number duties."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ..assess.incident import Cause, Incident, Selection, assess_incident, report_markdown
from ..assess.model import load_model, model_path
from ..assess.pipeline import load_inventory
from ..ledger.load import resolve_ledger_dir
from ..report.incident import write_incident_report
from .options import IncidentFormat, LedgerArg, ModelOpt, ids, parse_as_of
from .render import err_console, print_incident, print_json


def incident(
    ledger: LedgerArg = None,
    partner: Annotated[
        str | None, typer.Option(help="The partner where it happened (its outbound flows are affected).")
    ] = None,
    item: Annotated[
        list[str] | None, typer.Option(help="Affected item id(s); repeat or separate with commas.")
    ] = None,
    department: Annotated[
        str | None, typer.Option(help="The department where it happened (its items are affected).")
    ] = None,
    flow: Annotated[
        list[str] | None, typer.Option(help="Affected flow id(s); repeat or separate with commas.")
    ] = None,
    records: Annotated[int | None, typer.Option(help="People affected (default: from the ledger).")] = None,
    cause: Annotated[Cause, typer.Option(help="What happened.")] = Cause.loss,
    discovered: Annotated[
        str | None, typer.Option(help="The day the incident became known, YYYY-MM-DD (default: today).")
    ] = None,
    malicious: Annotated[bool, typer.Option("--malicious", help="Evidence of malicious intent.")] = False,
    encrypted: Annotated[
        bool, typer.Option("--encrypted", help="Advanced encryption, key not leaked.")
    ] = False,
    fmt: Annotated[
        IncidentFormat, typer.Option("--format", "-f", help="table, json or md (the drafted report).")
    ] = IncidentFormat.table,
    report: Annotated[
        bool, typer.Option("--report", help="Also write an offline HTML incident report (notebook 05).")
    ] = False,
    out: Annotated[Path, typer.Option(help="Folder for --report (a sub-folder incidents/…).")] = Path(
        "reports"
    ),
    model: ModelOpt = None,
) -> None:
    """Breach impact: who and what is affected, ENISA severity, and whether and by when APPI Art.26 (and
    the My Number rules) require a report to the PPC and notice to the people."""
    path = resolve_ledger_dir(ledger)
    inv = load_inventory(path)
    risk_model = load_model(model or model_path(path))
    inc = Incident(Selection(partner, ids(item), department, ids(flow)), str(cause), parse_as_of(discovered),
                   records, malicious, encrypted)  # fmt: skip
    a = assess_incident(inv, risk_model, inc)
    if fmt is IncidentFormat.json:
        print_json(a.as_dict())
    elif fmt is IncidentFormat.md:
        sys.stdout.write(report_markdown(a, inv))
    else:
        print_incident(a)
    for warning in a.warnings:
        err_console.print(f"[yellow]{escape(warning)}[/]")
    if report:
        target = write_incident_report(path, inc, out)
        err_console.print(f"Incident report: {escape(str((target / 'index.html').resolve()))}")
