"""Compliance commands: `check` (findings), `rules` (the catalogue), `notice` (the public notice)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ..assess.notice import build_notice, compare_with_policy, render_markdown
from ..assess.pipeline import assess, load_inventory
from ..assess.rules import SEVERITIES, Severity, catalogue
from ..errors import EXIT_INVALID, UsageError
from ..files import write_text_atomic
from ..i18n import Lang
from ..ledger.load import resolve_ledger_dir
from ..ledger.textio import UnreadableText, read_text
from ..report.html import notice_page
from .options import AsOfOpt, FormatOpt, LedgerArg, ModelOpt, NoticeFormat, OutputFormat, parse_as_of
from .render import console, err_console, frame_table, print_csv, print_findings, print_json, records


def check(
    ledger: LedgerArg = None,
    min_severity: Annotated[
        Severity, typer.Option(help="Show findings at or above: info, low, medium, high.")
    ] = Severity.low,
    fail_on: Annotated[
        Severity | None, typer.Option(help="Exit 1 when a finding at or above this severity exists (for CI).")
    ] = None,
    fmt: FormatOpt = OutputFormat.table,
    model: ModelOpt = None,
    as_of: AsOfOpt = None,
) -> None:
    """Compliance findings under APPI and the My Number Act: each with its article and the fix.

    Exit 0, or 1 when --fail-on is given and a finding at or above it exists.
    """
    found = assess(ledger, model=model, as_of=parse_as_of(as_of)).findings
    shown = found[found["severity"] >= min_severity]
    if fmt is OutputFormat.json:
        counts = shown["severity"].value_counts().reindex(list(SEVERITIES), fill_value=0)
        print_json(
            {"counts": counts.astype(int).to_dict(), "findings": records(shown.astype({"severity": str}))}
        )
    elif fmt is OutputFormat.csv:
        print_csv(shown)
    else:
        print_findings(shown)
    if fail_on is not None and (found["severity"] >= fail_on).any():
        raise typer.Exit(EXIT_INVALID)


def rules(fmt: FormatOpt = OutputFormat.table) -> None:
    """List the compliance rules: id, article, title and default severity."""
    cat = catalogue()
    if fmt is OutputFormat.json:
        print_json(records(cat))
    elif fmt is OutputFormat.csv:
        print_csv(cat)
    else:
        console.print(frame_table(cat[["rule_id", "article", "title_ja", "severity"]], title="Rules"))


def _compare(ledger: Path | None, compare: Path) -> None:
    if not compare.is_file():
        raise UsageError(f"{compare}: no such file")
    try:
        text = read_text(compare)
    except UnreadableText as exc:
        raise UsageError(f"{compare}: {exc.detail}") from None
    diff = compare_with_policy(load_inventory(resolve_ledger_dir(ledger)), text)
    counts = diff.attrs["counts"]
    console.print(
        f"Published policy {escape(str(compare))}: {counts['purposes']} purposes, "
        f"{counts['items']} joint-use items, {counts['joint_users']} joint users"
    )
    if diff.empty:
        console.print("[green]✓ no difference[/] between the ledger and the published policy")
    else:
        title = (
            "Differences (ledger_only: done but not published; policy_only: published but not in the ledger)"
        )
        console.print(frame_table(diff, title=title))
    if diff.attrs["open_categories"]:
        console.print(
            "Open categories in the policy (not compared): "
            + escape("、".join(diff.attrs["open_categories"]))
        )
    if not diff.empty:
        raise typer.Exit(EXIT_INVALID)


def notice(
    ledger: LedgerArg = None,
    lang: Annotated[Lang, typer.Option(help="ja or en.")] = Lang.ja,
    fmt: Annotated[NoticeFormat, typer.Option("--format", "-f", help="md or html.")] = NoticeFormat.md,
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
    if compare is not None:
        _compare(ledger, compare)
        return
    n = build_notice(load_inventory(resolve_ledger_dir(ledger)), str(lang))
    text = notice_page(n) if fmt is NoticeFormat.html else render_markdown(n)
    if out is None:
        sys.stdout.write(text)
    else:
        write_text_atomic(out, text)
        console.print(f"Wrote {escape(str(out))}")
    for gap in n.gaps:
        err_console.print(
            f"[yellow]Warning:[/] the joint-use manager's {gap} is missing (APPI Art.27(5)(iii)); a placeholder is shown."
        )
