"""Printing results for people (rich tables and layouts) and for machines (JSON, CSV)."""

from __future__ import annotations

import json
import sys
import time
from typing import Any

import pandas as pd
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..assess.diff import LedgerDiff
from ..assess.incident import IncidentAssessment
from ..assess.rules import SEVERITIES, Severity
from ..errors import LedgerInvalid
from ..frames import jsonable, records
from ..i18n import t
from ..ledger.schema import ORGANISATION_FIELDS, ORGANISATION_FILE, ORGANISATION_SHEET
from ..ledger.textio import defuse_frame

console = Console(highlight=False, soft_wrap=False)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)  # messages stay one greppable line

__all__ = ["console", "err_console", "records"]


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(jsonable(data), ensure_ascii=False, indent=2) + "\n")


def print_csv(df: pd.DataFrame) -> None:
    sys.stdout.write(defuse_frame(df).to_csv(index=False, lineterminator="\n"))


def frame_table(df: pd.DataFrame, title: str | None = None, max_rows: int | None = None) -> Table:
    """A rich table of a DataFrame; every cell escaped, so ledger text never becomes markup."""
    table = Table(title=title, show_lines=False, title_justify="left")
    for name in df.columns:
        table.add_column(str(name), overflow="fold")
    shown = df if max_rows is None else df.head(max_rows)
    for row in shown.itertuples(index=False):
        table.add_row(*(escape(_cell(v)) for v in row))
    return table


def _cell(value: Any) -> str:
    value = jsonable(value)
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def mapping_table(data: dict[str, Any], key: str, value: str, title: str | None = None) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(key)
    table.add_column(value, justify="right")
    for k, v in data.items():
        table.add_row(escape(str(k)), escape(_cell(v)))
    return table


# --- problems ----------------------------------------------------------------------------------------


def print_problems(problems: pd.DataFrame, limit: int) -> None:
    if problems.empty:
        return
    shown = problems.drop(columns=["code"])
    console.print(frame_table(shown, title="Problems", max_rows=limit))
    if len(problems) > limit:
        console.print(f"… and {len(problems) - limit} more (use --max-problems or --format json for all)")


def where(p: Any) -> str:
    """Where a problem is: its cell in a workbook (提供・受領!C17), else file, row and column."""
    cell = getattr(p, "cell", None)
    if isinstance(cell, str) and cell:
        return cell
    return (
        str(p.file)
        + (f" row {p.row}" if pd.notna(p.row) else "")
        + (f", column {p.column}" if isinstance(p.column, str) and p.column else "")
    )


def what_is_missing(problems: pd.DataFrame) -> str | None:
    """When every error says something is missing (a table without rows, a missing file, an empty
    required fact), what is missing, in a sentence; else None. `check` on an empty ledger says this
    instead of listing errors."""
    errors = problems[problems["severity"] == "error"]
    empty = {"empty_table", "missing_file", "required"}
    if errors.empty or not errors["code"].isin(empty).all():
        return None
    tables = errors[errors["code"].isin(["empty_table", "missing_file"])]["file"].drop_duplicates()
    required = errors[errors["code"] == "required"]
    if not required["file"].isin([ORGANISATION_FILE, ORGANISATION_SHEET]).all():
        return None  # an empty cell in a table's row: an error in the rows, not a gap
    parts = []
    if len(tables):
        parts.append(t("ledger.missing.tables", files=", ".join(tables)))
    if len(required):
        fields = {f.path: f for f in ORGANISATION_FIELDS}
        names = [t("ledger.missing.fact", ja=fields[c].ja, en=fields[c].en) if c in fields else str(c)
                 for c in required["column"]]  # fmt: skip
        parts.append(t("ledger.missing.facts", file=required["file"].iloc[0], keys=", ".join(names)))
    return t("ledger.missing.sep").join(parts)


def report_ledger_invalid(exc: LedgerInvalid) -> None:
    """Shown by every command that needed a valid ledger and did not get one."""
    errors = exc.problems[exc.problems["severity"] == "error"]
    missing = what_is_missing(exc.problems)
    if missing:
        err_console.print(f"[bold red]{escape(t('ledger.missing', path=exc.path, missing=missing))}[/]")
        err_console.print(escape(t("ledger.missing.next", path=exc.path)))
    else:
        err_console.print(f"[bold red]{escape(t('ledger.invalid', path=exc.path, n=len(errors)))}[/]")
    for p in errors.head(30).itertuples():
        value = "" if p.value is None or pd.isna(p.value) else f": {p.value!r}"
        err_console.print(f"  {escape(where(p))}{escape(value)} — expected {escape(str(p.expected))}")
    if len(errors) > 30:
        err_console.print(f"  … and {len(errors) - 30} more: run `privacy-inventory validate` to see all")


# --- scores, findings, incidents, diffs ----------------------------------------------------------------

LEVEL_STYLES = ("green", "yellow", "red", "bold red")  # lowest to highest level


def level_styles(levels: tuple[str, ...]) -> dict[str, str]:
    last = len(LEVEL_STYLES) - 1
    return {lvl: LEVEL_STYLES[round(i * last / max(1, len(levels) - 1))] for i, lvl in enumerate(levels)}


def print_scores(tables: dict[str, pd.DataFrame], levels: tuple[str, ...], counts: str) -> None:
    console.print(counts)
    colour = level_styles(levels)
    titles = {"flows": "Flows", "items": "Items", "partners": "Partners"}
    for name, rows in tables.items():
        console.print(f"\n[bold]{titles[name]}[/] (worst first)")
        for rank, r in enumerate(rows.itertuples(), 1):
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


SEVERITY_STYLES = {
    Severity.high: "bold red",
    Severity.medium: "yellow",
    Severity.low: "cyan",
    Severity.info: "dim",
}


def print_findings(shown: pd.DataFrame) -> None:
    for r in shown.itertuples():
        console.print(
            f"[{SEVERITY_STYLES[r.severity]}]{r.severity:<6}[/] [bold]{escape(r.rule_id)}[/] "
            f"{escape(r.article)}  {escape(r.subject_table)}:{escape(r.subject_id)}"
            + ("  [dim](assumption)[/]" if r.subject_source == "assumption" else "")
        )
        console.print(f"       {escape(r.message_ja)}")
        console.print(f"       → {escape(r.fix)}", style="green")
    counts = shown["severity"].value_counts()
    console.print("\n" + ", ".join(f"{s}: {int(counts.get(s, 0))}" for s in reversed(SEVERITIES)))


def print_incident(a: IncidentAssessment) -> None:
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


def diff_csv(d: LedgerDiff) -> pd.DataFrame:
    parts = [d.changes.assign(section="change"), d.flow_moves.rename(columns={"flow_id": "key"}).assign(section="risk", table="flows"),
             d.findings.rename(columns={"subject_id": "key"}).assign(section="finding"),
             d.notices.rename(columns={"joint_use_id": "key", "change": "column"}).assign(section="joint_use_notice", table="joint_uses")]  # fmt: skip
    parts = [p for p in parts if not p.empty]
    return pd.concat(parts, ignore_index=True) if parts else d.changes


def print_diff(d: LedgerDiff) -> None:
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
    if len(d.notices):
        console.print(
            frame_table(
                d.notices[
                    ["joint_use_id", "change", "old", "new", "article", "notice_updated", "message_ja"]
                ],
                title="Joint-use changes that need a notice (APPI Art.27(6))",
                max_rows=100,
            )
        )


class StepProgress:
    """Which steps of a long job are running, with the elapsed time: a live line on a terminal, plain
    timestamped lines otherwise (cron, CI logs)."""

    def __init__(self, title: str):
        self.title = title
        self.running: list[str] = []
        self.start = time.perf_counter()
        self.live = err_console.is_terminal
        self._status = None

    def __enter__(self) -> StepProgress:
        if self.live:
            self._status = err_console.status(self._line())
            self._status.__enter__()
        else:
            self._print(t("progress.started"))
        return self

    def __exit__(self, *exc: object) -> None:
        if self._status is not None:
            self._status.__exit__(*exc)

    def _elapsed(self) -> str:
        return f"{time.perf_counter() - self.start:5.1f} s"

    def _line(self) -> str:
        doing = t("reason.sep").join(t(f"step.{s}") for s in self.running) or t("progress.waiting")
        return f"{escape(self.title)}: {escape(doing)} ({self._elapsed()})"

    def _print(self, what: str) -> None:
        err_console.print(f"[{self._elapsed()}] {escape(self.title)}: {escape(what)}", highlight=False)

    def step(self, event: str, name: str) -> None:
        if event == "note":
            err_console.print(f"[yellow]{escape(name)}[/]")
            return
        if event == "start":
            self.running.append(name)
            if not self.live:
                self._print(t("progress.start", step=t(f"step.{name}")))
        else:
            if name in self.running:
                self.running.remove(name)
            if not self.live:
                self._print(t("progress.done", step=t(f"step.{name}")))
        if self._status is not None:
            self._status.update(self._line())
