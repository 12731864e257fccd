"""Period commands: `review` (the quarterly report), `verify` (its manifest), `diff` (what changed)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ..errors import EXIT_INVALID, UsageError
from ..i18n import label, language, t
from ..report.history import diff, level_names
from ..report.period import current_period, parse_period, stored_periods
from ..report.review import run_review
from ..report.snapshot import ManifestStatus, verify_history, verify_manifest
from .options import (
    AsOfOpt,
    FormatOpt,
    LangOpt,
    LedgerArg,
    OutOpt,
    OutputFormat,
    chosen_language,
    parse_as_of,
)
from .render import (
    StepProgress,
    console,
    diff_csv,
    for_people,
    frame_table,
    print_csv,
    print_diff,
    print_json,
    records,
)


def review(
    ledger: LedgerArg = None,
    period: Annotated[str | None, typer.Option()] = None,
    inventory: Annotated[Path | None, typer.Option(hidden=True)] = None,  # deprecated: give LEDGER
    out: OutOpt = Path("reports"),
    lang: LangOpt = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    jobs: Annotated[int, typer.Option(min=1, max=8)] = 2,
) -> None:
    """The quarterly review: notebooks run into an offline HTML report in OUT/PERIOD/.

    Writes the executed notebooks, one HTML page each (code hidden, no network needed), index.html,
    scores.csv, findings.csv, summary.json, a snapshot of the ledger and a SHA-256 manifest. The report is
    built aside and moved into place only when complete; an existing period needs --force.
    """
    if ledger is not None and inventory is not None and ledger != inventory:
        raise UsageError(t("cli.review.two_ledgers", ledger=ledger, inventory=inventory))
    chosen = chosen_language(lang)
    p = parse_period(period) if period is not None else current_period()
    with StepProgress(f"{t('index.title')} {p}") as progress:
        outcome = run_review(p, ledger or inventory, out, chosen, force, jobs, progress.step)
    h = outcome.summary
    previous = t("cli.review.previous", period=outcome.previous) if outcome.previous else ""
    written = t("cli.review.written", period=p, seconds=f"{outcome.seconds:.1f}", previous=previous)
    console.print(f"[green]✓[/] {escape(written)}")
    counts = t("cli.review.counts", flows=f"{h['flows']:,}", high=h["high_risk_flows_residual"],
               findings_high=h["findings"]["high"], findings_medium=h["findings"]["medium"],
               overdue=h["actions"]["overdue"])  # fmt: skip
    console.print(f"  {escape(counts)}")
    index = escape(str((outcome.path / "index.html").resolve()))
    console.print(f"  {escape(t('cli.review.open'))}[bold]{index}[/]")


def verify(
    period: Annotated[
        str | None,
        typer.Argument(),
    ] = None,
    out: OutOpt = Path("reports"),
    key: Annotated[
        Path | None,
        typer.Option(),
    ] = None,
) -> None:
    """Check finished reports against their SHA-256 manifests: changed, missing or added files; with no
    PERIOD, every stored period and the chain between them (each manifest holds the previous one's hash)."""
    if period is not None:
        target = out / str(parse_period(period, "PERIOD"))
        if not target.is_dir():
            raise UsageError(t("cli.verify.no_report", path=target, period=period))
        problems = verify_manifest(target)
        checked, intact = str(target), t("verify.intact_period")
    else:
        if not out.is_dir():
            raise UsageError(t("cli.verify.no_folder", path=out))
        problems = verify_history(out, key)
        checked = t("verify.history", periods=", ".join(str(p) for p in stored_periods(out)) or "-")
        intact = t("verify.intact")
    if problems.empty:
        console.print(f"[green]✓[/] {escape(checked)}: {escape(intact)}")
        return
    shown = problems.assign(status=problems["status"].map(lambda s: label(s, ManifestStatus)))
    console.print(frame_table(for_people(shown), title=f"{checked}: {t('verify.problems')}"))
    raise typer.Exit(EXIT_INVALID)


def diff_command(
    source: Annotated[str, typer.Argument(metavar="FROM")],
    target: Annotated[str, typer.Argument(metavar="TO")],
    out: OutOpt = Path("reports"),
    fmt: FormatOpt = OutputFormat.table,
    as_of: AsOfOpt = None,
) -> None:
    """What changed from FROM to TO: rows added, removed and changed (old → new), risk levels that moved
    and why, findings opened and resolved, joint-use arrangements whose change needs a notice to the
    people (APPI Art.27(6)), and incidents added and closed."""
    d = diff(source, target, out, parse_as_of(as_of) if as_of else None)
    if fmt is OutputFormat.json:
        print_json({"from": d.source, "to": d.target, "counts": d.counts(), "changes": records(d.changes),
                    "risk_moves": records(d.flow_moves), "item_risk_moves": records(d.item_moves),
                    "findings": records(d.findings), "joint_use_notices": records(d.notices),
                    "incidents": records(d.incidents)})  # fmt: skip
    elif fmt is OutputFormat.csv:
        print_csv(diff_csv(d))
    else:
        lang = language()
        print_diff(d, level_names(source, out, lang) | level_names(target, out, lang))
