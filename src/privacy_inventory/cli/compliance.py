"""Compliance commands: `check` (findings), `rules` (the catalogue), `notice` (the public notice)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ..assess.notice import DIFFERENCES, blocks, build_notice, compare_with_policy, labelled, render_markdown
from ..assess.pipeline import assess, load_inventory
from ..assess.rules import SEVERITIES, Severity, catalogue
from ..errors import EXIT_INVALID, UsageError
from ..files import write_text_atomic
from ..i18n import label, language, t
from ..ledger.draft import read_policy
from ..ledger.load import resolve_ledger_dir
from ..report.html import notice_page
from ..report.labels import Names
from .options import (
    AsOfOpt,
    FormatOpt,
    LangOpt,
    LedgerArg,
    ModelOpt,
    NoticeFormat,
    OutputFormat,
    chosen_language,
    parse_as_of,
)
from .render import (
    console,
    err_console,
    for_people,
    frame_table,
    in_language,
    print_csv,
    print_findings,
    print_json,
    records,
)


def check(
    ledger: LedgerArg = None,
    min_severity: Annotated[Severity, typer.Option()] = Severity.low,
    fail_on: Annotated[Severity | None, typer.Option()] = None,
    fmt: FormatOpt = OutputFormat.table,
    model: ModelOpt = None,
    as_of: AsOfOpt = None,
) -> None:
    """Compliance findings under APPI and the My Number Act: each with its article and the fix.

    Exit 0, or 1 when --fail-on is given and a finding at or above it exists.
    """
    a = assess(ledger, model=model, as_of=parse_as_of(as_of))
    found = a.findings
    shown = found[found["severity"] >= min_severity]
    if fmt is OutputFormat.json:
        counts = shown["severity"].value_counts().reindex(list(SEVERITIES), fill_value=0)
        print_json(
            {"counts": counts.astype(int).to_dict(), "findings": records(shown.astype({"severity": str}))}
        )
    elif fmt is OutputFormat.csv:
        print_csv(shown)
    else:
        print_findings(shown, Names(a.inv, language()))
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
        shown = in_language(cat, ["rule_id", "article", "title_ja", "severity"])
        shown = shown.assign(severity=shown["severity"].map(lambda s: label(s, Severity)))
        console.print(frame_table(for_people(shown), title=t("cli.rules.title")))


def _compare(ledger: Path | None, compare: Path, lang: str, fmt: NoticeFormat) -> None:
    text = read_policy(compare)  # the same reading as `draft`: missing, empty, binary, encoding each said
    diff = compare_with_policy(load_inventory(resolve_ledger_dir(ledger)), text)
    counts = diff.attrs["counts"]
    is_diff = diff["where"].isin(DIFFERENCES)
    if fmt is NoticeFormat.json:
        print_json({"policy": str(compare), "counts": counts, "differences": records(diff[is_diff]),
                    "notes": records(diff[~is_diff]), "open_categories": diff.attrs["open_categories"]})  # fmt: skip
    else:
        console.print(escape(t("compare.read", lang, file=compare, **counts)))
        if diff.empty:
            console.print("[green]✓[/] " + escape(t("compare.same", lang)))
        shown = labelled(diff, lang).rename(columns={c: t(f"compare.col.{c}", lang) for c in diff.columns})
        if is_diff.any():
            console.print(frame_table(shown[is_diff.to_numpy()], title=t("compare.title", lang)))
        if (~is_diff).any():
            console.print(frame_table(shown[~is_diff.to_numpy()], title=t("compare.notes", lang)))
        if diff.attrs["open_categories"]:
            console.print(escape(t("compare.open", lang, phrases="、".join(diff.attrs["open_categories"]))))
    if not diff.empty:
        raise typer.Exit(EXIT_INVALID)


def notice(
    ledger: LedgerArg = None,
    lang: LangOpt = None,
    fmt: Annotated[
        NoticeFormat | None,
        typer.Option("--format", "-f"),
    ] = None,
    compare: Annotated[Path | None, typer.Option()] = None,
    out: Annotated[Path | None, typer.Option()] = None,
) -> None:
    """The public notice (purposes of use, one block per joint-use arrangement) generated from the ledger.

    With --compare FILE, reads a published policy (bracket headings or the statute's own headings, numbered
    or bulleted lists, joint users named in prose) and lists, both ways, the purposes and, per joint-use
    arrangement, the items, joint users, exclusions, purposes and manager (name, address, representative)
    that differ; "all items" wording is reported as not specific and parts it cannot read as "not
    understood: lines N–M". Exit 1 when anything is listed.
    """
    chosen = chosen_language(lang)
    if compare is not None:
        if fmt in (NoticeFormat.md, NoticeFormat.html):  # a comparison is a table or JSON, not a notice
            raise UsageError(t("cli.notice.compare_format", fmt=fmt))
        _compare(ledger, compare, chosen, fmt or NoticeFormat.table)
        return
    if fmt is NoticeFormat.table:
        raise UsageError(t("cli.notice.table_needs_compare"))
    fmt = fmt or NoticeFormat.md
    n = build_notice(load_inventory(resolve_ledger_dir(ledger)), chosen)
    if fmt is NoticeFormat.json:
        text = (
            json.dumps([{"kind": k, "content": c} for k, c in blocks(n)], ensure_ascii=False, indent=2) + "\n"
        )
    elif fmt is NoticeFormat.html:
        text = notice_page(n)
    else:
        text = render_markdown(n)
    if out is None:
        sys.stdout.write(text)
    else:
        write_text_atomic(out, text)
        console.print(escape(t("cli.wrote", path=out)))
    for jid, what in n.missing:
        gap = t("notice.gap", chosen, id=jid, what=t(f"notice.what_{what}", chosen))
        err_console.print(f"[yellow]{escape(t('cli.warning'))}[/] {escape(gap)}")
