"""`draft POLICY OUT`: a first ledger written from the organisation's published privacy policy."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ..errors import EXIT_INVALID, EXIT_USAGE
from ..i18n import t
from ..ledger.draft import (
    Draft,
    DraftError,
    check_target,
    draft_ledger,
    empty_required_tables,
    read_policy,
    write_draft,
)
from .options import LangOpt, chosen_language
from .render import console, err_console, mapping_table


def draft(
    policy: Annotated[
        Path,
        typer.Argument(show_default=False),
    ],
    out: Annotated[Path, typer.Argument(show_default=False)],
    force: Annotated[bool, typer.Option("--force")] = False,
    lang: LangOpt = None,
) -> None:
    """Draft a ledger from the published privacy policy: organisation, purposes (verbatim), joint-use
    arrangements, joint users, outsourcees and third-party exceptions, and the items named, each row with
    its line (source=policy:L<n>) and every guessed value named in `assumed`.

    Prints what was found and the line ranges not understood.

    Exit code 0 = written, 1 = nothing usable found, 2 = the policy cannot be read or OUT is not new or empty.
    """
    lang_ = chosen_language(lang)
    try:
        check_target(out, force=force)
        text = read_policy(policy)
        result = draft_ledger(text)
        show_summary(result, policy, lang_)
        if not result.usable:
            err_console.print(escape(t("draft.nothing", lang_, file=policy)))
            raise typer.Exit(EXIT_INVALID)
        write_draft(result, policy, out, force=force)
    except DraftError as exc:
        err_console.print(f"[bold red]{escape(t('cli.error', lang_))}[/] {escape(exc.message(lang_))}")
        raise typer.Exit(EXIT_USAGE) from None
    console.print("[green]✓[/] " + escape(t("draft.written", lang_, out=out)))
    console.print(escape(t("draft.assumed", lang_)))
    console.print(escape(t("draft.next", lang_, out=out)))


def show_summary(result: Draft, policy: Path, lang: str) -> None:
    """What was found (counts per kind), what the policy leaves out, and what was not understood."""
    counts = {t(f"draft.kind.{kind}", lang): n for kind, n in result.found.items()}
    console.print(
        mapping_table(
            counts,
            t("draft.summary.kind", lang),
            t("draft.summary.count", lang),
            title=t("draft.summary.title", lang, file=policy.name),
        )
    )
    if result.organisation_missing:
        fields = t("notice.sep", lang).join(t(f"draft.org.{k}", lang) for k in result.organisation_missing)
        console.print(escape(t("draft.missing", lang, fields=fields)))
    if result.open_categories:
        phrases = t("notice.sep", lang).join(dict.fromkeys(f.text for f in result.open_categories))
        console.print(escape(t("draft.open_categories", lang, phrases=phrases)))
    empty = empty_required_tables(result)
    if empty and result.usable:
        console.print("[yellow]" + escape(t("draft.empty_tables", lang, files=", ".join(empty))) + "[/]")
    if not result.not_understood:
        console.print(escape(t("draft.all_understood", lang)))
        return
    console.print(escape(t("draft.not_understood", lang)))
    lines = result.lines
    for first, last in result.not_understood:
        where = t("draft.line" if first == last else "draft.lines", lang, first=first, last=last)
        excerpt = " ".join(lines[first - 1].split())[:60]
        console.print("  " + escape(t("draft.not_understood_line", lang, lines=where, excerpt=excerpt)))
