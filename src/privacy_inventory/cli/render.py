"""Printing results for people (rich tables and layouts) and for machines (JSON, CSV)."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..assess.action_state import ActionState
from ..assess.diff import Change, FindingChange, IncidentChange, JointUseChange, LedgerDiff, Movement
from ..assess.incident import IncidentAssessment, circumstance_lines, duty_lines, verdict
from ..assess.incident_register import DutyStatus
from ..assess.incident_review import PeriodRole
from ..assess.rules import SEVERITIES, Severity
from ..errors import LedgerInvalid
from ..frames import jsonable, records
from ..i18n import label, language, t
from ..ledger.inventory import Inventory
from ..ledger.schema import (
    INCIDENTS,
    ORGANISATION_FIELDS,
    ORGANISATION_FILE,
    ORGANISATION_SHEET,
    TABLES,
    TABLES_BY_NAME,
    Adjustment,
    Availability,
    Band,
    Cause,
    Confidentiality,
    Duty,
    IncidentStatus,
    Integrity,
    Subject,
)
from ..ledger.textio import defuse_frame
from ..ledger.validate import problem_column_label
from ..report.labels import Names, source_text
from ..texts import TEXTS

console = Console(highlight=False, soft_wrap=False)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)  # messages stay one greppable line

__all__ = ["console", "err_console", "records"]

# Register columns shown with their Vocabulary's label (people read labels; JSON and CSV keep codes).
REGISTER_LABELS = {
    "cause": Cause, "confidentiality": Confidentiality, "integrity": Integrity, "availability": Availability,
    "band": Band, "appi_duty": Duty, "mn_duty": Duty, "status": IncidentStatus, "status_then": IncidentStatus,
    "action_state": ActionState, "period_role": PeriodRole, "adjustments": Adjustment, "change": IncidentChange,
    **{c: DutyStatus for c in ("appi_preliminary_status", "appi_final_status", "mn_preliminary_status",
                               "mn_final_status", "notice_status", "appi_status", "mn_status")},
}  # fmt: skip


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


def column_label(name: str, lang: str | None = None) -> str:
    """A column's name for people, never its key: the text `cli.col.<name>` when there is one (a derived
    column, or a name several tables use differently), else the schema's label of a ledger column."""
    lang = lang or language()
    if f"cli.col.{name}" in TEXTS:
        return t(f"cli.col.{name}", lang)
    for table in TABLES:
        if name in table.column_names:
            return getattr(table.column(name), lang)
    return name


def table_label(name: object, lang: str | None = None) -> str:
    """A ledger table's name for people (items → 個人情報の項目), an unknown name as it is."""
    table = TABLES_BY_NAME.get(str(name))
    return getattr(table, lang or language()) if table is not None else str(name)


def for_people(df: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """The frame with its columns named for people (JSON and CSV keep the keys)."""
    return df.rename(columns={c: column_label(str(c), lang) for c in df.columns})


def in_language(df: pd.DataFrame, columns: list[str], lang: str | None = None) -> pd.DataFrame:
    """The columns chosen, each replaced in English by its `<name>_en` twin when there is one (`title_ja`
    or `article` → `title_en`, `article_en`), named without `_ja`: the person reads one language."""
    english = (lang or language()) == "en"
    twins = {c: c.removesuffix("_ja") + "_en" for c in columns}
    chosen = {c: twins[c] if english and twins[c] in df else c for c in columns}
    return df[list(chosen.values())].rename(columns={v: k.removesuffix("_ja") for k, v in chosen.items()})


def mapping_table(data: dict[str, Any], key: str, value: str, title: str | None = None) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(key)
    table.add_column(value, justify="right")
    for k, v in data.items():
        table.add_row(escape(str(k)), escape(_cell(v)))
    return table


# --- problems ----------------------------------------------------------------------------------------


PROBLEM_HEADERS = ("file", "row", "column", "cell", "value", "expected", "severity")


def print_problems(problems: pd.DataFrame, limit: int) -> None:
    """The problems table in the current language: headers, severities and column labels (the data and
    --format json keep their codes and keys)."""
    if problems.empty:
        return
    shown = problems.drop(columns=["code"]).copy()
    shown["column"] = [_column_shown(f, c) for f, c in zip(shown["file"], shown["column"], strict=True)]
    shown["severity"] = [t(f"problem.{s}") if s in ("error", "warning") else s for s in shown["severity"]]
    shown = shown.rename(columns={c: t(f"problem.col.{c}") for c in PROBLEM_HEADERS if c in shown.columns})
    console.print(frame_table(shown, title=t("problem.table_title"), max_rows=limit))
    if len(problems) > limit:
        console.print(escape(t("problem.more", n=len(problems) - limit)))


def where(p: Any) -> str:
    """Where a problem is: its cell in a workbook (提供・受領!C17), else file, row and column, in the current
    language (items.csv 3行目、列「records」（件数） / items.csv row 3, column records)."""
    cell = getattr(p, "cell", None)
    if isinstance(cell, str) and cell:
        return cell
    kind = "yaml" if str(p.file).endswith((".yaml", ".yml")) else "csv"  # a YAML file: its line and key
    text = t(f"where.{kind}.row", file=p.file, row=p.row) if pd.notna(p.row) else str(p.file)
    if isinstance(p.column, str) and p.column:
        label = problem_column_label(p.file, p.column)
        if label:
            text += t(f"where.{kind}.column", column=p.column, label=label)
        else:
            text += t(f"where.{kind}.column_bare", column=p.column)
    return text


def _column_shown(file: Any, column: Any) -> Any:
    """A problem's column in the problems table: records（件数） in Japanese, records in English."""
    label = problem_column_label(file, column) if isinstance(column, str) and column else None
    return f"{column}（{label}）" if label else column


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
        value = (
            ""
            if p.value is None or pd.isna(p.value) or p.value == ""
            else t("problem.invalid_value", value=p.value)
        )
        err_console.print(escape(t("problem.invalid_line", where=where(p), value=value, expected=p.expected)))
    if len(errors) > 30:
        err_console.print(escape(t("problem.invalid_more", n=len(errors) - 30)))


# --- scores, findings, incidents, diffs ----------------------------------------------------------------

LEVEL_STYLES = ("green", "yellow", "red", "bold red")  # lowest to highest level


def level_styles(levels: tuple[str, ...]) -> dict[str, str]:
    last = len(LEVEL_STYLES) - 1
    return {lvl: LEVEL_STYLES[round(i * last / max(1, len(levels) - 1))] for i, lvl in enumerate(levels)}


def print_scores(
    tables: dict[str, pd.DataFrame],
    levels: tuple[str, ...],
    counts: str,
    level_name: Callable[[str], str] = str,
) -> None:
    """The ranked rows of each table, each level shown by `level_name` (the risk model's label of it)."""
    console.print(escape(counts))
    colour = level_styles(levels)
    english = language() == "en"
    for name, rows in tables.items():
        console.print(f"\n[bold]{escape(t(f'cli.score.{name}'))}[/]{escape(t('cli.score.worst_first'))}")
        for rank, r in enumerate(rows.itertuples(), 1):
            if name == "flows":
                what = f"{r.flow_id}  {r.item_name} → {r.partner_name}"
            elif name == "items":
                what = f"{r.item_id}  {r.name_ja}"
            else:
                what = f"{r.partner_id}  {r.name}"
            console.print(
                f"{rank:3d}. {escape(what)}  [{colour[r.level]}]{escape(level_name(r.level))} {r.score}[/]"
                f" → {escape(t('cli.score.residual'))} "
                f"[{colour[r.residual_level]}]{escape(level_name(r.residual_level))} {r.residual_score}[/]"
            )
            console.print(f"     {escape(r.reason_en if english else r.reason_ja)}", style="dim")


SEVERITY_STYLES = {
    Severity.high: "bold red",
    Severity.medium: "yellow",
    Severity.low: "cyan",
    Severity.info: "dim",
}


def print_findings(shown: pd.DataFrame, names: Names) -> None:
    """Each finding in the reader's language: severity label, rule, article, what it is about (a row by
    its id and name, an organisation fact by its label), the fix."""
    english = language() == "en"
    for r in shown.itertuples():
        assumed = (
            f"  [dim]{escape(t('cli.findings.assumption'))}[/]" if r.subject_source == "assumption" else ""
        )
        subject = names.subject(str(r.subject_table), str(r.subject_id))
        console.print(
            f"[{SEVERITY_STYLES[r.severity]}]{label(r.severity, Severity):<6}[/] [bold]{escape(r.rule_id)}[/] "
            f"{escape(r.article_en if english else r.article)}  {escape(subject)}{assumed}"
        )
        console.print(f"       {escape(r.message_en if english else r.message_ja)}")
        console.print(f"       → {escape(r.fix_en if english else r.fix)}", style="green")
    counts = shown["severity"].value_counts()
    console.print("\n" + t("cli.findings.sep").join(
        t("cli.findings.count", severity=label(s, Severity), n=int(counts.get(s, 0))) for s in reversed(SEVERITIES)
    ))  # fmt: skip


def print_incident(a: IncidentAssessment, inv: Inventory, lang: str) -> None:
    """The triage for people, in one language: labels, never codes or dict reprs."""
    e = a.enisa
    heading = t("incident.heading", lang, date=a.incident.discovered.isoformat(),
                cause=label(a.incident.cause, Cause, lang), verdict=verdict(a, lang))  # fmt: skip
    console.print(escape(heading), style="bold red" if a.report_required else "green")
    sep = t("reason.sep", lang)
    subjects = sep.join(label(s, Subject, lang) for s in a.subjects)
    names = inv.partners.set_index("partner_id")["name"]
    items = "、".join(a.items["name_ja"])
    console.print(
        "  " + escape(t("incident.people_line", lang, people=f"{a.people:,}", subjects=subjects, items=items))
    )
    if a.partners:
        partners = sep.join(f"{p} {names.get(p, '')}".strip() for p in a.partners)
        console.print("  " + escape(t("incident.partners_line", lang, partners=partners, flows=len(a.flows))))
    band = e["band_ja"] if lang == "ja" else e["band_en"]
    numbers = {k: f"{e[k]:g}" for k in ("dpc", "ei", "cb", "se")}
    console.print("  " + escape(t("incident.severity_line", lang, band=band, **numbers)))
    suffix = "" if lang == "en" else "_ja"
    for part in ("dpc", "ei", "cb"):
        console.print(f"    {part.upper()}: " + escape(e[f"{part}_rule{suffix}"]), style="dim")
    if a.appi["not_a_leak"]:
        console.print("    " + escape(t("incident.se_if_read", lang)), style="dim")
    for line in circumstance_lines(a, lang)[1:]:
        console.print("  " + escape(t("incident.circumstances", lang)) + ": " + escape(line))
    for line in duty_lines(a, lang):
        console.print("  " + escape(line))


def _labelled(value: Any, column: str, lang: str) -> Any:
    """A register cell for people: codes as labels (several codes separated by ';'), flags as yes/no."""
    if value is None or value is pd.NA or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if column in REGISTER_LABELS:
        return t("reason.sep", lang).join(
            label(v, REGISTER_LABELS[column], lang) for v in str(value).split(";")
        )
    if isinstance(value, bool | np.bool_):
        return t("enisa.cb.yes" if value else "enisa.cb.no", lang)
    if column == "source":
        return source_text(str(value), lang)
    if column == "assumed":  # column keys → their labels
        return t("reason.sep", lang).join(register_header(c, lang) for c in str(value).split(";") if c)
    return value


def register_header(column: str, lang: str) -> str:
    """A register column's name for people: the schema's label, or the text of a derived column."""
    if column in INCIDENTS.column_names:
        return getattr(INCIDENTS.column(column), lang)
    return t(f"register.{column}", lang)


def print_register(rows: pd.DataFrame, lang: str, title: str) -> None:
    """The incident register for people, two lines an incident (readable at any terminal width): what
    happened, then the state of each duty and of the prevention action, with labels (codes stay in JSON
    and CSV)."""
    console.print(escape(title), style="bold")
    sep = t("reason.sep", lang)
    for _, r in rows.iterrows():
        cell = {c: _labelled(r[c], c, lang) for c in rows.columns}
        line = t("register.line", lang, id=r["incident_id"], date=_cell(r["discovered"]), cause=cell["cause"],
                 people=f"{int(r['people']):,}", band=cell["band"] or "—", status=cell["status"])  # fmt: skip
        console.print(escape(line))
        states = [
            f"{register_header(c, lang)}{t('incident.colon', lang)}{cell[c]}"
            for c in ("appi_status", "mn_status", "notice_status")
            if c in rows.columns
        ]
        action = (
            t("register.action", lang, id=r["action_id"], state=cell["action_state"] or "—")
            if pd.notna(r["action_id"])
            else "—"
        )
        states.append(f"{register_header('action_id', lang)}{t('incident.colon', lang)}{action}")
        console.print("  " + escape(sep.join(states)), style="dim")


def print_incident_record(row: pd.Series, lang: str) -> None:
    """One recorded incident, field by field, with labels."""
    table = Table(title=str(row["incident_id"]), title_justify="left", show_header=False)
    table.add_column("", overflow="fold")
    table.add_column("", overflow="fold")
    for col, value in row.items():
        table.add_row(
            escape(register_header(str(col), lang)), escape(_cell(_labelled(value, str(col), lang)))
        )
    console.print(table)


def diff_csv(d: LedgerDiff) -> pd.DataFrame:
    parts = [d.changes.assign(section="change"), d.flow_moves.rename(columns={"flow_id": "key"}).assign(section="risk", table="flows"),
             d.findings.rename(columns={"subject_id": "key"}).assign(section="finding"),
             d.notices.rename(columns={"joint_use_id": "key", "change": "column"}).assign(section="joint_use_notice", table="joint_uses"),
             d.incidents.rename(columns={"incident_id": "key"}).assign(section="incident", table="incidents")]  # fmt: skip
    parts = [p for p in parts if not p.empty]
    return pd.concat(parts, ignore_index=True) if parts else d.changes


def _ledger_column(table: object, column: object) -> Any:
    """The schema's column `column` of ledger table `table`, or None (a derived or unknown column)."""
    known = TABLES_BY_NAME.get(str(table))
    if known is None or str(column) not in known.column_names:
        return None
    return known.column(str(column))


def changes_for_people(changes: pd.DataFrame) -> pd.DataFrame:
    """Ledger changes with the table, the column and coded values named as the workbook names them."""

    def column_name(row: pd.Series) -> str:
        col = _ledger_column(row["table"], row["column"])
        return getattr(col, language()) if col is not None else _cell(row["column"])

    def value(row: pd.Series, which: str) -> Any:
        col = _ledger_column(row["table"], row["column"])
        if col is None or col.allowed is None or not isinstance(row[which], str):
            return row[which]
        return t("reason.sep").join(label(v, col.allowed) for v in row[which].split(";"))

    if changes.empty:
        return changes
    return changes.assign(
        column=changes.apply(column_name, axis=1),
        old=changes.apply(value, axis=1, which="old"),
        new=changes.apply(value, axis=1, which="new"),
        table=changes["table"].map(table_label),
        change=changes["change"].map(lambda c: label(c, Change)),
    )


def diff_counts(counts: dict[str, Any]) -> str:
    """A diff's counts in a line for people: `items added 2, …, findings opened 1, …` (not a dict's repr)."""
    parts = [f"{table_label(key.split('.')[0])} {label(key.split('.')[-1], Change)} {n}"
             for key, n in counts.get("changes", {}).items()]  # fmt: skip
    parts += [f"{column_label(k)} {n}" for k, n in counts.items() if k != "changes"]
    return t("cli.findings.sep").join(parts)


def print_diff(d: LedgerDiff, levels: dict[str, str]) -> None:
    """The diff for people: `levels` names the risk levels (from the models the two sides were scored
    with), measures and directions by their labels."""
    counts = diff_counts(d.counts())
    console.print(f"[bold]{escape(d.source)} → {escape(d.target)}[/]: {escape(counts)}")
    if d.empty:
        console.print(t("cli.diff.none"))
        return
    if len(d.changes):
        console.print(
            frame_table(for_people(changes_for_people(d.changes)), title=t("cli.diff.changes"), max_rows=200)
        )
    if len(d.flow_moves):
        cols = [
            c
            for c in ("flow_id", "measure", "direction", "old_level", "new_level", "new_reason_ja")
            if c in d.flow_moves
        ]
        moves = in_language(d.flow_moves, cols)
        moves = for_people(
            moves.assign(
                measure=moves["measure"].map(lambda m: t(f"cell.measure_{m}")),
                direction=moves["direction"].map(lambda m: label(m, Movement)),
                old_level=moves["old_level"].map(lambda v: levels.get(str(v), v), na_action="ignore"),
                new_level=moves["new_level"].map(lambda v: levels.get(str(v), v), na_action="ignore"),
            )
        )
        console.print(frame_table(moves, title=t("cli.diff.risk_moves"), max_rows=100))
    if len(d.findings):
        found = in_language(d.findings, ["change", "rule_id", "subject_id", "severity", "message_ja"])
        found = found.assign(change=found["change"].map(lambda c: label(c, FindingChange)),
                             severity=found["severity"].map(lambda s: label(s, Severity)))  # fmt: skip
        console.print(frame_table(for_people(found), title=t("cli.diff.findings"), max_rows=100))
    if len(d.notices):
        cols = ["joint_use_id", "change", "old", "new", "article", "notice_updated", "message_ja"]
        notices = in_language(d.notices, cols)
        notices = for_people(notices.assign(change=notices["change"].map(lambda c: label(c, JointUseChange))))
        console.print(frame_table(notices, title=t("cli.diff.notices"), max_rows=100))
    if len(d.incidents):
        incidents = d.incidents.assign(**{c: d.incidents[c].map(lambda v, c=c: _labelled(v, c, language()))
                                          for c in d.incidents.columns if c in REGISTER_LABELS})  # fmt: skip
        console.print(frame_table(for_people(incidents), title=t("cli.diff.incidents"), max_rows=100))


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
