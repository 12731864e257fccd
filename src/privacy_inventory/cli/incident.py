"""The `incident` command group: triage an incident (`incident [LEDGER] --partner … --cause …`), record it
in the register (`--record`), and read the register (`incident list`, `incident show ID`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import click
import pandas as pd
import typer
from rich.markup import escape
from typer.core import TyperGroup

from ..assess.incident import Incident, Selection, assess_incident, report_markdown
from ..assess.incident_register import incident_from_row, next_incident_id, register_row, register_status
from ..assess.model import load_model, model_path
from ..assess.pipeline import load_inventory
from ..errors import UsageError
from ..i18n import t
from ..ledger.load import is_workbook, resolve_ledger_dir
from ..ledger.schema import (
    INCIDENTS,
    Adjustment,
    Availability,
    Cause,
    Confidentiality,
    IncidentStatus,
    Integrity,
)
from ..ledger.write import append_rows
from ..report.incident import write_incident_report
from .options import (
    AsOfOpt,
    FormatOpt,
    IncidentFormat,
    LangOpt,
    LedgerArg,
    ModelOpt,
    OutputFormat,
    chosen_language,
    ids,
    parse_as_of,
)
from .render import (
    console,
    err_console,
    print_csv,
    print_incident,
    print_incident_record,
    print_json,
    print_register,
    records,
)

RECORD_SOURCE = "record:privacy-inventory incident --record"
LIST_COLUMNS = ["incident_id", "discovered", "cause", "people", "band", "appi_status", "mn_status", "notice_status",
                "status", "action_id", "action_state"]  # fmt: skip


class IncidentGroup(TyperGroup):
    """`incident [LEDGER] [OPTIONS]` triages; `incident list …` and `incident show …` read the register. A
    first argument that names a subcommand is never taken for the ledger directory."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if len(args) > 1 and not args[0].startswith("-") and args[1] in self.commands:
            args = [args[1], args[0], *args[2:]]  # `incident LEDGER list …` is `incident list LEDGER …`
        if args and args[0] in self.commands:
            super().parse_args(ctx, [])  # the triage's options stay at their defaults
            ctx._protected_args, ctx.args = args[:1], args[1:]
            return ctx.args
        ctx.allow_interspersed_args = True  # `incident LEDGER --item …`: options after the ledger too
        return super().parse_args(ctx, args)


app = typer.Typer(cls=IncidentGroup, invoke_without_command=True, no_args_is_help=False)


@app.callback()
def incident(
    ctx: typer.Context,
    ledger: LedgerArg = None,
    partner: Annotated[str | None, typer.Option()] = None,
    item: Annotated[list[str] | None, typer.Option()] = None,
    department: Annotated[str | None, typer.Option()] = None,
    flow: Annotated[list[str] | None, typer.Option()] = None,
    records_: Annotated[int | None, typer.Option("--records")] = None,
    my_number_people: Annotated[
        int | None,
        typer.Option(),
    ] = None,
    cause: Annotated[Cause, typer.Option()] = Cause.loss,
    discovered: Annotated[str | None, typer.Option()] = None,
    occurred: Annotated[str | None, typer.Option()] = None,
    confidentiality: Annotated[Confidentiality | None, typer.Option()] = None,
    integrity: Annotated[Integrity | None, typer.Option()] = None,
    availability: Annotated[Availability | None, typer.Option()] = None,
    malicious: Annotated[
        bool | None,
        typer.Option("--malicious/--not-malicious"),
    ] = None,
    publicly_viewable: Annotated[
        bool | None,
        typer.Option(
            "--publicly-viewable/--not-publicly-viewable",
        ),
    ] = None,
    recovered_unread: Annotated[
        bool,
        typer.Option("--recovered-unread"),
    ] = False,
    encrypted: Annotated[bool, typer.Option("--encrypted")] = False,
    mn_network: Annotated[bool, typer.Option("--mn-network")] = False,
    adjust: Annotated[
        list[Adjustment] | None,
        typer.Option(),
    ] = None,
    fmt: Annotated[IncidentFormat, typer.Option("--format", "-f")] = IncidentFormat.table,
    lang: LangOpt = None,
    report: Annotated[bool, typer.Option("--report")] = False,
    out: Annotated[Path, typer.Option()] = Path("reports"),
    record: Annotated[bool, typer.Option("--record")] = False,
    incident_id: Annotated[str | None, typer.Option("--id")] = None,
    notes: Annotated[str | None, typer.Option()] = None,
    model: ModelOpt = None,
) -> None:
    """Breach triage: who and what is affected, ENISA severity, and whether and by when the APPI (Art.26)
    and the My Number Act (Art.29-4) require a report to the PPC and notice to the people. `incident list`
    and `incident show ID` read the incident register."""
    if ctx.invoked_subcommand is not None:
        return
    path = resolve_ledger_dir(ledger)
    if record and (ledger is None or is_workbook(path)):
        raise UsageError(t("cli.incident.record_needs_ledger"))
    inv = load_inventory(path)
    risk_model = load_model(model or model_path(path))
    inc = Incident(
        Selection(partner, ids(item), department, ids(flow)),
        str(cause),
        parse_as_of(discovered, "--discovered"),
        records_,
        malicious,
        encrypted,
        confidentiality=None if confidentiality is None else str(confidentiality),
        integrity=None if integrity is None else str(integrity),
        availability=None if availability is None else str(availability),
        publicly_viewable=publicly_viewable,
        recovered_unread=recovered_unread,
        mn_network=mn_network,
        adjustments=tuple(str(a) for a in adjust or ()),
        my_number_people=my_number_people,
        occurred=parse_as_of(occurred, "--occurred") if occurred else None,
    )
    a = assess_incident(inv, risk_model, inc)
    recorded = None
    if record:
        target = Path(path) / INCIDENTS.file
        existing = inv.incidents["incident_id"]
        recorded = incident_id or next_incident_id(existing, inc.discovered)
        if recorded in set(existing.dropna()):
            raise UsageError(t("cli.incident.id_taken", id=recorded, path=target))
        row = register_row(a, recorded, RECORD_SOURCE, notes or "")
        append_rows(target, pd.DataFrame([row]), INCIDENTS.column_names)
    chosen = chosen_language(lang)
    if fmt is IncidentFormat.json:
        print_json(a.as_dict() | ({"recorded": recorded} if recorded else {}))
    elif fmt is IncidentFormat.md:
        sys.stdout.write(report_markdown(a, inv))
    else:
        print_incident(a, inv, chosen)
    for warning in a.warnings:
        err_console.print(f"[yellow]{escape(warning)}[/]")
    if recorded:
        err_console.print(
            escape(t("register.recorded", chosen, id=recorded, path=str(Path(path) / INCIDENTS.file)))
        )
    if report:
        target = write_incident_report(path, inc, out, chosen)
        index = (target / "index.html").resolve()
        err_console.print(escape(t("cli.incident.report_written", path=index)))


@app.command("list")
def list_command(
    ledger: LedgerArg = None,
    status: Annotated[IncidentStatus | None, typer.Option()] = None,
    fmt: FormatOpt = OutputFormat.table,
    as_of: AsOfOpt = None,
    lang: LangOpt = None,
) -> None:
    """The incident register: each incident with its duties and whether each report and the notice were
    made on time (as of --as-of), and its recurrence-prevention action."""
    chosen = chosen_language(lang)
    when = parse_as_of(as_of)
    r = register_status(load_inventory(resolve_ledger_dir(ledger)), when)
    if status is not None:
        r = r[r["status"] == status]
    if fmt is OutputFormat.json:
        print_json(records(r))
    elif fmt is OutputFormat.csv:
        print_csv(r)
    elif r.empty:
        console.print(t("register.empty", chosen))
    else:
        print_register(r[LIST_COLUMNS], chosen, t("register.title", chosen, as_of=when.isoformat()))


@app.command("show")
def show(
    incident_id: Annotated[str, typer.Argument()],
    ledger: LedgerArg = None,
    fmt: Annotated[IncidentFormat, typer.Option("--format", "-f")] = IncidentFormat.table,
    as_of: AsOfOpt = None,
    lang: LangOpt = None,
    model: ModelOpt = None,
) -> None:
    """One recorded incident: every field, the state of each duty (as of --as-of); --format md drafts its
    report again from the ledger."""
    chosen = chosen_language(lang)
    path = resolve_ledger_dir(ledger)
    inv = load_inventory(path)
    r = register_status(inv, parse_as_of(as_of))
    match = r[r["incident_id"] == incident_id]
    if match.empty:
        known = ", ".join(r["incident_id"].dropna().astype(str)) or t("cli.none")
        raise UsageError(t("cli.incident.unknown", id=repr(incident_id), known=known))
    row = match.iloc[0]
    if fmt is IncidentFormat.json:
        print_json(records(match)[0])
    elif fmt is IncidentFormat.md:
        a = assess_incident(inv, load_model(model or model_path(path)), incident_from_row(row))
        sys.stdout.write(report_markdown(a, inv))
    else:
        print_incident_record(row, chosen)
