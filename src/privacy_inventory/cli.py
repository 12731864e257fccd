"""The command line: thin wrappers around library functions; errors become exit codes here only."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer
from rich.markup import escape

from .errors import EXIT_INVALID, EXIT_USAGE, LedgerInvalid, PrivacyInventoryError, UsageError
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


LEVEL_CHOICES = ("low", "medium", "high", "critical")
ModelOpt = Annotated[
    Path | None,
    typer.Option("--model", help="risk_model.yaml to use (default: the ledger's own, else bundled)."),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option("--as-of", help="Date inspection ages are counted to, YYYY-MM-DD (default: today)."),
]


def parse_as_of(value: str | None):
    import datetime as dt

    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--as-of: {value!r} is not a date; expected YYYY-MM-DD") from None


def load_scored(ledger: Path | None, model: Path | None, as_of: str | None):
    """Load the ledger and its risk model, and score it (used by several commands)."""
    from .load import load_inventory, resolve_ledger_dir
    from .risk import score
    from .risk_model import load_model, model_path

    path = resolve_ledger_dir(ledger)
    inv = load_inventory(path)
    risk_model = load_model(model or model_path(path))
    return inv, score(inv, risk_model, parse_as_of(as_of))


SCORE_FIELDS = {
    "flows": ["flow_id", "item_id", "item_name", "partner_id", "partner_name", "purpose_id", "basis"],
    "items": ["item_id", "name_ja", "category", "n_flows", "n_high_flows", "worst_flow_id"],
    "partners": [
        "partner_id",
        "name",
        "kind",
        "country",
        "n_flows",
        "n_items",
        "n_high_flows",
        "worst_flow_id",
    ],
}
SCORE_COLUMNS = [
    "severity", "likelihood", "score", "level",
    "residual_severity", "residual_likelihood", "residual_score", "residual_level",
    "whatif_level",
]  # fmt: skip


@app.command()
def score(
    ledger: LedgerArg = None,
    top: Annotated[
        int | None, typer.Option(min=1, help="Rows per table (default 15 in a table, all otherwise).")
    ] = None,
    level: Annotated[
        str | None, typer.Option(help="Only rows at this level or worse: low, medium, high, critical.")
    ] = None,
    table: Annotated[str, typer.Option(help="For csv: flows, items or partners.")] = "flows",
    fmt: FormatOpt = OutputFormat.table,
    model: ModelOpt = None,
    as_of: AsOfOpt = None,
) -> None:
    """Score every item, flow and partner: severity × likelihood, inherent and residual, with the reason.

    Ranked worst first. Each row says why, in Japanese and English, from the factors in risk_model.yaml.
    """
    from .explain import explain

    if level is not None and level not in LEVEL_CHOICES:
        raise UsageError(f"--level: {level!r} is not a level; expected one of {', '.join(LEVEL_CHOICES)}")
    if table not in SCORE_FIELDS:
        raise UsageError(f"--table: {table!r}; expected flows, items or partners")
    inv, result = load_scored(ledger, model, as_of)
    limit = top if top is not None else (15 if fmt is OutputFormat.table else None)

    def rows(name: str):
        from .risk import rank_rows

        df = getattr(result, name)
        if level is not None:
            df = df[df["level"] >= level]
        df = rank_rows(df, SCORE_FIELDS[name][0], limit)
        return explain(result, inv, name, df)[
            SCORE_FIELDS[name] + SCORE_COLUMNS + ["factors", "reason_ja", "reason_en"]
        ]

    if fmt is OutputFormat.json:
        print_json(
            {"as_of": result.as_of, "model": result.model.file, **{n: records(rows(n)) for n in SCORE_FIELDS}}
        )
        return
    if fmt is OutputFormat.csv:
        print_csv(rows(table).drop(columns=["factors"]))
        return
    console.print(
        f"Risk as of {result.as_of} — levels (flows): {result.level_counts()}; "
        f"residual: {result.level_counts(residual=True)}"
    )
    colour = {"critical": "bold red", "high": "red", "medium": "yellow", "low": "green"}
    titles = {"flows": "Flows", "items": "Items", "partners": "Partners"}
    for name in ("flows", "items", "partners"):
        console.print(f"\n[bold]{titles[name]}[/] (worst first)")
        for rank, r in enumerate(rows(name).itertuples(), 1):
            if name == "flows":
                what = f"{r.flow_id}  {r.item_name} → {r.partner_name}"
            elif name == "items":
                what = f"{r.item_id}  {r.name_ja}"
            else:
                what = f"{r.partner_id}  {r.name}"
            console.print(
                f"{rank:3d}. {escape(what)}  [{colour[r.level]}]{r.level} {r.score}[/]"
                f" → residual [{colour[r.residual_level]}]{r.residual_level} {r.residual_score}[/]"
            )
            console.print(f"     {escape(r.reason_ja)}", style="dim")


SEVERITY_CHOICES = ("info", "low", "medium", "high")


def _severity(value: str | None, option: str) -> str | None:
    if value is not None and value not in SEVERITY_CHOICES:
        raise UsageError(
            f"{option}: {value!r} is not a severity; expected one of {', '.join(SEVERITY_CHOICES)}"
        )
    return value


def run_checks(ledger: Path | None, model: Path | None, as_of: str | None):
    """Load the ledger and run every compliance rule (the inspection interval comes from the model)."""
    from .load import load_inventory, resolve_ledger_dir
    from .risk_model import load_model, model_path
    from .rules import run_rules

    path = resolve_ledger_dir(ledger)
    inv = load_inventory(path)
    risk_model = load_model(model or model_path(path))
    interval = risk_model.likelihood.get("inspection_overdue", {}).get("interval_months", 12)
    return inv, run_rules(inv, parse_as_of(as_of), inspection_interval_months=interval)


@app.command()
def check(
    ledger: LedgerArg = None,
    min_severity: Annotated[
        str, typer.Option(help="Show findings at or above: info, low, medium, high.")
    ] = "low",
    fail_on: Annotated[
        str | None, typer.Option(help="Exit 1 when a finding at or above this severity exists (for CI).")
    ] = None,
    fmt: FormatOpt = OutputFormat.table,
    model: ModelOpt = None,
    as_of: AsOfOpt = None,
) -> None:
    """Compliance findings under APPI and the My Number Act: each with its article and the fix.

    Exit 0, or 1 when --fail-on is given and a finding at or above it exists.
    """
    _severity(min_severity, "--min-severity")
    _severity(fail_on, "--fail-on")
    _, found = run_checks(ledger, model, as_of)
    shown = found[found["severity"] >= min_severity]
    if fmt is OutputFormat.json:
        counts = shown["severity"].value_counts().reindex(list(SEVERITY_CHOICES), fill_value=0)
        print_json(
            {"counts": counts.astype(int).to_dict(), "findings": records(shown.astype({"severity": str}))}
        )
    elif fmt is OutputFormat.csv:
        print_csv(shown)
    else:
        colour = {"high": "bold red", "medium": "yellow", "low": "cyan", "info": "dim"}
        for r in shown.itertuples():
            console.print(
                f"[{colour[r.severity]}]{r.severity:<6}[/] [bold]{escape(r.rule_id)}[/] "
                f"{escape(r.article)}  {escape(r.subject_table)}:{escape(r.subject_id)}"
                + ("  [dim](assumption)[/]" if r.subject_source == "assumption" else "")
            )
            console.print(f"       {escape(r.message_ja)}")
            console.print(f"       → {escape(r.fix)}", style="green")
        counts = shown["severity"].value_counts()
        console.print("\n" + ", ".join(f"{s}: {int(counts.get(s, 0))}" for s in reversed(SEVERITY_CHOICES)))
    if fail_on is not None and (found["severity"] >= fail_on).any():
        raise typer.Exit(EXIT_INVALID)


@app.command()
def rules(fmt: FormatOpt = OutputFormat.table) -> None:
    """List the compliance rules: id, article, title and default severity."""
    from .rules import catalogue

    cat = catalogue()
    if fmt is OutputFormat.json:
        print_json(records(cat))
    elif fmt is OutputFormat.csv:
        print_csv(cat)
    else:
        console.print(frame_table(cat[["rule_id", "article", "title_ja", "severity"]], title="Rules"))


@app.command()
def notice(
    ledger: LedgerArg = None,
    lang: Annotated[str, typer.Option(help="ja or en.")] = "ja",
    fmt: Annotated[str, typer.Option("--format", "-f", help="md or html.")] = "md",
    compare: Annotated[
        Path | None, typer.Option(help="A published policy text to compare with, both ways.")
    ] = None,
    out: Annotated[
        Path | None, typer.Option(help="Write the notice to this file instead of printing it.")
    ] = None,
) -> None:
    """The public notice (purposes of use, joint use) generated from the ledger.

    With --compare FILE, lists the purposes, joint-use items and joint users that appear in one and not
    the other (after folding full/half-width, whitespace and list numbering); exit 1 when any differ.
    """
    from .load import load_inventory, resolve_ledger_dir
    from .notice import build_notice, compare_with_policy, render_html, render_markdown
    from .textio import UnreadableText, read_text, write_text_atomic

    if lang not in ("ja", "en"):
        raise UsageError(f"--lang: {lang!r}; expected ja or en")
    if fmt not in ("md", "html"):
        raise UsageError(f"--format: {fmt!r}; expected md or html")
    inv = load_inventory(resolve_ledger_dir(ledger))
    if compare is not None:
        if not compare.is_file():
            raise UsageError(f"{compare}: no such file")
        try:
            text = read_text(compare)
        except UnreadableText as exc:
            raise UsageError(f"{compare}: {exc.detail}") from None
        diff = compare_with_policy(inv, text)
        counts = diff.attrs["counts"]
        console.print(
            f"Published policy {escape(str(compare))}: {counts['purposes']} purposes, "
            f"{counts['items']} joint-use items, {counts['joint_users']} joint users"
        )
        if diff.empty:
            console.print("[green]✓ no difference[/] between the ledger and the published policy")
        else:
            console.print(
                frame_table(
                    diff,
                    title="Differences (ledger_only: done but not published; policy_only: published but not in the ledger)",
                )
            )
        if diff.attrs["open_categories"]:
            console.print(
                "Open categories in the policy (not compared): "
                + escape("、".join(diff.attrs["open_categories"]))
            )
        if not diff.empty:
            raise typer.Exit(EXIT_INVALID)
        return
    n = build_notice(inv, lang)
    text = render_html(n) if fmt == "html" else render_markdown(n)
    if out is None:
        sys.stdout.write(text)
    else:
        write_text_atomic(out, text)
        console.print(f"Wrote {escape(str(out))}")
    for gap in n.gaps:
        err_console.print(
            f"[yellow]Warning:[/] the joint-use manager's {gap} is missing (APPI Art.27(5)(iii)); a placeholder is shown."
        )


@app.command()
def review(
    period: Annotated[
        str | None, typer.Option(help="Quarter to review, YYYYQn (default: the current quarter).")
    ] = None,
    inventory: Annotated[
        Path | None, typer.Option(help="Ledger directory (default: the bundled co-op ledger).")
    ] = None,
    out: Annotated[Path, typer.Option(help="Folder that holds one sub-folder per period.")] = Path("reports"),
    lang: Annotated[str, typer.Option(help="Report language: ja or en.")] = "ja",
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
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from .period import current_period, parse_period
    from .review import NOTEBOOKS, run_review

    p = parse_period(period) if period is not None else current_period()
    steps = ["scored", "results", *NOTEBOOKS]
    with Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(), console=err_console,
                  transient=True) as progress:  # fmt: skip
        task = progress.add_task(f"Review {p}", total=len(steps))

        def step(name: str) -> None:
            progress.update(task, advance=1, description=f"Review {p}: {name} done")

        outcome = run_review(p, inventory, out, lang, force, jobs, step)
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


@app.command()
def verify(
    period: Annotated[str, typer.Argument(help="The period to check, YYYYQn.")],
    out: Annotated[Path, typer.Option(help="Folder that holds one sub-folder per period.")] = Path("reports"),
) -> None:
    """Check a finished period's report against its SHA-256 manifest: changed, missing or added files."""
    from .period import parse_period
    from .snapshot import verify_manifest

    target = out / str(parse_period(period))
    if not target.is_dir():
        raise UsageError(f"{target}: no report for period {period}")
    problems = verify_manifest(target)
    if problems.empty:
        console.print(f"[green]✓[/] {escape(str(target))}: every file matches its manifest")
        return
    console.print(frame_table(problems, title=f"{target}: files that do not match the manifest"))
    raise typer.Exit(EXIT_INVALID)


@app.command("diff")
def diff_command(
    source: Annotated[
        str, typer.Argument(metavar="FROM", help="A period (YYYYQn, from OUT) or a ledger directory.")
    ],
    target: Annotated[
        str, typer.Argument(metavar="TO", help="A period (YYYYQn, from OUT) or a ledger directory.")
    ],
    out: Annotated[Path, typer.Option(help="Folder that holds one sub-folder per period.")] = Path("reports"),
    fmt: FormatOpt = OutputFormat.table,
    as_of: AsOfOpt = None,
) -> None:
    """What changed from FROM to TO: rows added, removed and changed (old → new), risk levels that moved
    and why, findings opened and resolved."""
    from .diff import diff

    d = diff(source, target, out, parse_as_of(as_of) if as_of else None)
    if fmt is OutputFormat.json:
        print_json({"from": d.source, "to": d.target, "counts": d.counts(), "changes": records(d.changes),
                    "risk_moves": records(d.flow_moves), "item_risk_moves": records(d.item_moves),
                    "findings": records(d.findings)})  # fmt: skip
        return
    if fmt is OutputFormat.csv:
        parts = [d.changes.assign(section="change"), d.flow_moves.rename(columns={"flow_id": "key"}).assign(section="risk", table="flows"),
                 d.findings.rename(columns={"subject_id": "key"}).assign(section="finding")]  # fmt: skip
        print_csv(
            pd.concat([p for p in parts if not p.empty], ignore_index=True)
            if any(not p.empty for p in parts)
            else d.changes
        )
        return
    console.print(f"[bold]{escape(d.source)} → {escape(d.target)}[/]: {d.counts()}")
    if d.empty:
        console.print("No differences.")
        return
    if len(d.changes):
        console.print(frame_table(d.changes, title="Ledger changes", max_rows=200))
    if len(d.flow_moves):
        cols = [
            c
            for c in ("flow_id", "measure", "direction", "old_level", "new_level", "new_reason_ja")
            if c in d.flow_moves
        ]
        console.print(frame_table(d.flow_moves[cols], title="Risk moves (flows)", max_rows=100))
    if len(d.findings):
        console.print(
            frame_table(
                d.findings[["change", "rule_id", "subject_id", "severity", "message_ja"]],
                title="Findings",
                max_rows=100,
            )
        )


actions_app = typer.Typer(
    help="The action register (PDCA): status, and drafts for what nobody is acting on.", no_args_is_help=True
)
app.add_typer(actions_app, name="actions")


def _register(ledger: Path | None, as_of: str | None, model: Path | None = None):
    from .actions import register

    inv, result = load_scored(ledger, model, as_of)
    _, found = run_checks(ledger, model, as_of)
    return (
        inv,
        register(inv, found, result.flows, result.as_of, tuple(result.model.high_levels)),
        result.as_of,
    )


@actions_app.command("status")
def actions_status_command(
    ledger: LedgerArg = None, fmt: FormatOpt = OutputFormat.table, as_of: AsOfOpt = None
) -> None:
    """Overdue actions, high findings and risks with no action, actions ready to close, actions closed
    without evidence."""
    _, reg, _ = _register(ledger, as_of)
    if fmt is OutputFormat.json:
        print_json({"counts": reg.counts(), "actions": records(reg.actions), "overdue": records(reg.overdue),
                    "unaddressed_findings": records(reg.unaddressed_findings.astype({"severity": str})),
                    "ready_to_close": records(reg.ready_to_close), "closed_without_evidence": records(reg.closed_without_evidence)})  # fmt: skip
        return
    console.print(
        frame_table(
            reg.actions[["action_id", "title", "refers_to", "owner", "due", "status", "state"]],
            title="Actions",
        )
    )
    console.print(mapping_table(reg.counts(), "check", "rows", title="Register"))


@actions_app.command("suggest")
def actions_suggest_command(
    ledger: LedgerArg = None,
    write: Annotated[
        bool, typer.Option("--write", help="Append the drafts to the ledger's actions.csv.")
    ] = False,
    as_of: AsOfOpt = None,
) -> None:
    """Draft actions for unaddressed high findings and high residual risks. Prints them as CSV; only
    --write appends them to actions.csv (existing rows are never changed)."""
    from .actions import suggest
    from .ledger_write import append_rows

    inv, reg, when = _register(ledger, as_of)
    drafts = suggest(inv, reg, when)
    if not write:
        print_csv(drafts)
        err_console.print(
            f"{len(drafts)} draft action(s); add --write to append them to {escape(str(inv.path / 'actions.csv'))}"
        )
        return
    append_rows(inv.path / "actions.csv", drafts)
    console.print(f"Appended {len(drafts)} action(s) to {escape(str(inv.path / 'actions.csv'))}")


def _ids(values: list[str] | None) -> list[str]:
    """Repeated options and comma-separated lists both work: --item I001 --item I002 or --item I001,I002."""
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


@app.command()
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
    cause: Annotated[
        str, typer.Option(help="loss, theft, misdelivery, unauthorized_access, malware or insider.")
    ] = "loss",
    discovered: Annotated[
        str | None, typer.Option(help="The day the incident became known, YYYY-MM-DD (default: today).")
    ] = None,
    malicious: Annotated[bool, typer.Option("--malicious", help="Evidence of malicious intent.")] = False,
    encrypted: Annotated[
        bool, typer.Option("--encrypted", help="Advanced encryption, key not leaked.")
    ] = False,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="table, json or md (the drafted report).")
    ] = "table",
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
    from .incident import Incident, Selection, assess, report_markdown
    from .load import load_inventory, resolve_ledger_dir
    from .risk_model import load_model, model_path

    if fmt not in ("table", "json", "md"):
        raise UsageError(f"--format: {fmt!r}; expected table, json or md")
    path = resolve_ledger_dir(ledger)
    inv = load_inventory(path)
    risk_model = load_model(model or model_path(path))
    when = parse_as_of(discovered) if discovered else parse_as_of(None)
    inc = Incident(
        Selection(partner, _ids(item), department, _ids(flow)), cause, when, records, malicious, encrypted
    )
    a = assess(inv, risk_model, inc)
    if fmt == "json":
        print_json(a.as_dict())
    elif fmt == "md":
        sys.stdout.write(report_markdown(a, inv))
    else:
        _print_incident(a)
    if report:
        from .incident_report import write_incident_report

        target = write_incident_report(path, inc, out)
        err_console.print(f"Incident report: {escape(str((target / 'index.html').resolve()))}")


def _print_incident(a) -> None:
    e, appi = a.enisa, a.appi
    verdict = "[bold red]REPORT REQUIRED[/]" if appi["report_required"] else "[green]no report required[/]"
    console.print(
        f"Incident discovered {a.incident.discovered} — cause {escape(a.incident.cause)}: {verdict}"
    )
    console.print(
        f"  people affected: {a.people:,} ({escape(', '.join(a.subjects))}); items: "
        + escape("、".join(a.items["name_ja"]))
    )
    if a.partners:
        console.print("  partners: " + escape(", ".join(a.partners)) + f"; flows: {len(a.flows)}")
    console.print(
        f"  ENISA severity SE = DPC {e['dpc']:g} × EI {e['ei']:g} + CB {e['cb']:g} = [bold]{e['se']:g}[/] ({e['band']})"
    )
    console.print(
        f"    DPC: {escape(e['dpc_rule'])}; EI: {escape(e['ei_rule'])}; CB: {escape(str(e['cb_parts']))}"
    )
    for k, v in appi["triggers"].items():
        console.print(f"  APPI Art.26 trigger {k}: {'YES' if v else 'no'}")
    if appi["exempt_by_encryption"]:
        console.print("  exempt: advanced encryption with the key not leaked (PPC Rules Art.7)")
    if appi.get("deadlines"):
        d = appi["deadlines"]
        console.print(
            f"  preliminary report (速報): promptly — guidance {d['preliminary_from']} … {d['preliminary_by']}"
        )
        console.print(f"  final report (確報): by {d['final_by']} ({d['final_days']} days from discovery)")
        console.print("  notify the individuals promptly (Art.26(2))")
    if a.my_number.get("involved"):
        console.print(
            f"  My Number involved: report under the My Number rules "
            f"{'required' if a.my_number['report_required'] else 'to be checked'}: {a.my_number['triggers']}"
        )


def _optional_source(ledger: Path | None, out: Path | None, default_out: Path) -> tuple[Path | None, Path]:
    """`CMD OUT` (bundled ledger) or `CMD LEDGER OUT`: a single argument is the output."""
    if out is None:
        return None, ledger if ledger is not None else default_out
    return ledger, out


@app.command("export-xlsx")
def export_xlsx(
    ledger: Annotated[
        Path | None,
        typer.Argument(help="Ledger directory (default: the bundled ledger).", show_default=False),
    ] = None,
    out: Annotated[
        Path | None, typer.Argument(help="The workbook to write (.xlsx).", show_default=False)
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing workbook.")] = False,
) -> None:
    """The ledger as an Excel workbook: a sheet per table, headers explained, dropdowns, typed dates.

    `export-xlsx OUT.xlsx` exports the bundled ledger; `export-xlsx DIR OUT.xlsx` another one.
    """
    from .excel import export_workbook
    from .load import UNREADABLE_CODES, read_raw

    ledger, out = _optional_source(ledger, out, Path("ledger.xlsx"))
    if out.suffix.lower() != ".xlsx":
        raise UsageError(f"{out}: the workbook name must end in .xlsx")
    if out.exists() and not force:
        raise UsageError(f"{out} already exists (use --force to replace it)")
    raw = read_raw(ledger)
    problems = raw.all_problems()
    if problems["code"].isin(UNREADABLE_CODES).any():
        raise LedgerInvalid(problems, str(raw.path), exit_code=EXIT_USAGE)
    export_workbook(raw.tables, raw.organisation, out)
    errors = int((problems["severity"] == "error").sum())
    console.print(
        f"Wrote {escape(str(out))}"
        + (f" ([yellow]the ledger has {errors} error(s) to fix in it[/])" if errors else "")
    )


@app.command("import-xlsx")
def import_xlsx(
    workbook: Annotated[Path, typer.Argument(help="The workbook to read (.xlsx).")],
    directory: Annotated[
        Path, typer.Argument(help="The ledger directory to write (new or empty, or see --replace).")
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Write even when there are warnings (never with errors).")
    ] = False,
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace the CSV tables of an existing ledger directory.")
    ] = False,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """Read a workbook, validate it like a CSV ledger (problems by cell, e.g. flows!D17) and write the
    CSV ledger atomically only when it is valid."""
    from .excel import write_csv_ledger
    from .ledger_write import replace_ledger
    from .load import read_raw, resolve_ledger_dir

    raw = read_raw(resolve_ledger_dir(workbook))
    problems = raw.all_problems()
    errors = problems[problems["severity"] == "error"]
    warnings = problems[problems["severity"] != "error"]
    if fmt is OutputFormat.json:
        print_json({"valid": errors.empty, "problems": records(problems)})
    else:
        for p in problems.itertuples():
            where = p.cell or f"{p.file}" + (f" row {p.row}" if pd.notna(p.row) else "")
            value = "" if p.value is None or pd.isna(p.value) else f" {p.value!r}:"
            console.print(
                f"{'[red]error[/]' if p.severity == 'error' else '[yellow]warning[/]'} {escape(where)}{escape(value)} expected {escape(str(p.expected))}"
            )
    if not errors.empty:
        err_console.print(f"[red]{len(errors)} error(s)[/]: nothing was written to {escape(str(directory))}")
        raise typer.Exit(EXIT_INVALID)
    if len(warnings) and not force:
        err_console.print(f"{len(warnings)} warning(s): nothing was written; use --force to write anyway")
        raise typer.Exit(EXIT_INVALID)
    replace_ledger(directory, lambda tmp: write_csv_ledger(raw.tables, raw.organisation, tmp), replace)
    console.print(f"[green]✓[/] Wrote the ledger to {escape(str(directory))}")


@app.command("export-csv")
def export_csv(
    ledger: Annotated[
        Path | None,
        typer.Argument(help="Ledger directory (default: the bundled ledger).", show_default=False),
    ] = None,
    out: Annotated[
        Path | None, typer.Argument(help="A new or empty folder for the CSV files.", show_default=False)
    ] = None,
    encoding: Annotated[
        str, typer.Option(help="utf-8-sig (Excel, any language) or cp932 (Japanese Excel).")
    ] = "utf-8-sig",
) -> None:
    """The ledger's tables as CSV for Excel users: formula-like cells defused; with cp932, characters it
    cannot hold are reported by cell and nothing is written. `export-csv OUT` exports the bundled ledger."""
    from .excel_csv import export_ledger_csv
    from .load import read_raw
    from .scaffold import ensure_empty_dir

    ledger, out = _optional_source(ledger, out, Path("ledger-csv"))
    if encoding not in ("utf-8-sig", "cp932"):
        raise UsageError(f"--encoding: {encoding!r}; expected utf-8-sig or cp932")
    ensure_empty_dir(out)
    raw = read_raw(ledger)
    bad = export_ledger_csv(raw.tables, out, encoding)
    if bad:
        for file, cell, value in bad[:50]:
            err_console.print(f"{escape(file)} {escape(cell)}: {value!r} cannot be written in {encoding}")
        err_console.print(
            f"[red]{len(bad)} cell(s) cannot be written in {encoding}[/]; nothing was written (use utf-8-sig)"
        )
        raise typer.Exit(EXIT_INVALID)
    console.print(f"Wrote {len(list(out.iterdir()))} CSV files to {escape(str(out))} ({encoding})")


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
        err_console.print(f"[bold red]Error:[/] {escape(str(exc))}", soft_wrap=True)
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
