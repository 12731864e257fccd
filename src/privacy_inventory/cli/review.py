"""Period commands: `review` (the quarterly report), `verify` (its manifest), `diff` (what changed)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ..errors import EXIT_INVALID, UsageError
from ..i18n import Lang, label, t
from ..report.history import diff
from ..report.period import current_period, parse_period, stored_periods
from ..report.review import run_review
from ..report.snapshot import SIGNING_KEY_ENV, ManifestStatus, verify_history, verify_manifest
from .options import AsOfOpt, FormatOpt, OutOpt, OutputFormat, parse_as_of
from .render import (
    StepProgress,
    console,
    diff_csv,
    frame_table,
    print_csv,
    print_diff,
    print_json,
    records,
)


def review(
    period: Annotated[
        str | None, typer.Option(help="Quarter to review, YYYYQn (default: the current quarter).")
    ] = None,
    inventory: Annotated[
        Path | None, typer.Option(help="Ledger directory (default: the bundled co-op ledger).")
    ] = None,
    out: OutOpt = Path("reports"),
    lang: Annotated[Lang, typer.Option(help="Report language: ja or en.")] = Lang.ja,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing report of the same period.")
    ] = False,
    jobs: Annotated[int, typer.Option(min=1, max=8, help="Notebooks run at once.")] = 2,
) -> None:
    """The quarterly review: notebooks run into an offline HTML report in OUT/PERIOD/.

    Writes the executed notebooks, one HTML page each (code hidden, no network needed), index.html,
    scores.csv, findings.csv, summary.json, a snapshot of the ledger and a SHA-256 manifest. The report is
    built aside and moved into place only when complete; an existing period needs --force.
    """
    p = parse_period(period) if period is not None else current_period()
    with StepProgress(f"{t('index.title')} {p}") as progress:
        outcome = run_review(p, inventory, out, str(lang), force, jobs, progress.step)
    h = outcome.summary
    console.print(
        f"[green]✓[/] Review {p} written in {outcome.seconds:.1f} s"
        + (f" (previous period: {outcome.previous})" if outcome.previous else "")
    )
    console.print(
        f"  flows {h['flows']:,}, high+ after controls {h['high_risk_flows_residual']}, "
        f"findings high {h['findings']['high']} / medium {h['findings']['medium']}, "
        f"overdue actions {h['actions']['overdue']}"
    )
    console.print(f"  Open: [bold]{escape(str((outcome.path / 'index.html').resolve()))}[/]")


def verify(
    period: Annotated[
        str | None,
        typer.Argument(help="The period to check, YYYYQn (default: every stored period and the chain)."),
    ] = None,
    out: OutOpt = Path("reports"),
    key: Annotated[
        Path | None,
        typer.Option(
            help=f"The signing key file (default: ${SIGNING_KEY_ENV}); signatures are checked when given."
        ),
    ] = None,
) -> None:
    """Check finished reports against their SHA-256 manifests: changed, missing or added files; with no
    PERIOD, every stored period and the chain between them (each manifest holds the previous one's hash)."""
    if period is not None:
        target = out / str(parse_period(period))
        if not target.is_dir():
            raise UsageError(f"{target}: no report for period {period}")
        problems = verify_manifest(target)
        checked, intact = str(target), t("verify.intact_period")
    else:
        if not out.is_dir():
            raise UsageError(f"{out}: no reports folder")
        problems = verify_history(out, key)
        checked = t("verify.history", periods=", ".join(str(p) for p in stored_periods(out)) or "-")
        intact = t("verify.intact")
    if problems.empty:
        console.print(f"[green]✓[/] {escape(checked)}: {escape(intact)}")
        return
    shown = problems.assign(status=problems["status"].map(lambda s: label(s, ManifestStatus)))
    console.print(frame_table(shown, title=f"{checked}: {t('verify.problems')}"))
    raise typer.Exit(EXIT_INVALID)


def diff_command(
    source: Annotated[
        str, typer.Argument(metavar="FROM", help="A period (YYYYQn, from OUT) or a ledger directory.")
    ],
    target: Annotated[
        str, typer.Argument(metavar="TO", help="A period (YYYYQn, from OUT) or a ledger directory.")
    ],
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
        print_diff(d)
