"""What a notebook cell returns: objects that show themselves in JupyterLab and in the exported page.

- `Table`: rows of a DataFrame (`.frame`, with codes) shown with labels in the page's language; long
  ones become sortable, searchable, paged tables (DataTables, bundled offline) and print in full.
- `Chart`: a plotly figure (`.figure`), published as its JSON mimetype.
- `Cards`: headline figures, each with its change since the previous period and a link to its rows.
- `Html`: a piece of page rendered from a template (escaped).

Every text from the ledger is escaped by the Jinja2 templates in templates/pages/.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

import pandas as pd

from ..i18n import Vocabulary, t
from .html import render_fragment

PLOTLY_MIME = "application/vnd.plotly.v1+json"
PAGE_LENGTH = 10  # rows per page of an interactive table
STATIC_UP_TO = 12  # a table this short is shown whole, without controls
MAX_SHOWN = 200  # rows a page holds at most: a longer table shows its first rows and says where the rest are


@dataclass
class Html:
    """A piece of page already rendered (and escaped) by a template."""

    html: str

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html


@dataclass
class Col:
    """How a column is shown: its header and the kind of value (level, severity, vocabulary, number…)."""

    name: str
    header: str
    kind: str = "text"  # text | id | num | date | bool | level | severity | vocab
    vocabulary: type[Vocabulary] | None = None
    wide: bool = False  # long text (reasons, messages): given room on narrow screens


@dataclass
class Table:
    """Rows of `frame` with the given columns. `frame` keeps the codes; the page shows labels."""

    frame: pd.DataFrame
    columns: list[Col]
    lang: str
    title: str | None = None
    note: str | None = None
    levels: dict[str, str] = field(default_factory=dict)  # level code → label
    row_id: tuple[str, str] | None = None  # (column, prefix): each row gets id="prefix-value"
    total: int | None = None  # rows behind the table when `frame` is the top of them
    csv: str | None = None  # where every row is, linked from the note
    interactive: bool | None = None  # None: interactive when longer than STATIC_UP_TO rows
    anchor: str | None = None  # the section's id, for links from other pages

    def _cell(self, col: Col, value: Any) -> tuple[str, str, str]:
        """(text, css class, sort key) of one cell."""
        if value is None or (not isinstance(value, str | list | dict) and pd.isna(value)):
            return "", "", ""
        if col.kind == "level":
            codes = list(self.levels)
            index = codes.index(str(value)) if str(value) in codes else -1
            return self.levels.get(str(value), str(value)), f"pi-lvl pi-lvl-{index}", str(index)
        if col.kind == "severity" and col.vocabulary is not None:
            member = col.vocabulary(str(value))
            return (
                member.label(self.lang),
                f"pi-sev pi-sev-{member.value}",
                str(list(col.vocabulary).index(member)),
            )
        if col.kind == "vocab" and col.vocabulary is not None:
            try:
                return col.vocabulary(str(value)).label(self.lang), "pi-mid", ""
            except ValueError:
                return str(value), "pi-mid", ""
        if col.kind == "bool":
            return t("value.yes" if bool(value) else "value.no", self.lang), "", ""
        if col.kind == "num" and isinstance(value, int | float) and not isinstance(value, bool):
            return f"{value:,}" if float(value).is_integer() else f"{value:,.2f}", "num", str(value)
        if col.kind == "date":
            text = value.date().isoformat() if isinstance(value, pd.Timestamp) else str(value)[:10]
            return text, "", ""
        if col.kind == "id":
            return str(value), "pi-id", ""
        return str(value), "pi-wide" if col.wide else "pi-mid", ""

    def rows(self, frame: pd.DataFrame | None = None) -> list[dict[str, Any]]:
        out = []
        for rec in (self.frame if frame is None else frame).to_dict(orient="records"):
            cells = [self._cell(c, rec.get(c.name)) for c in self.columns]
            ident = f"{self.row_id[1]}-{rec.get(self.row_id[0])}" if self.row_id else None
            out.append({"id": ident, "cells": cells})
        return out

    def _repr_html_(self) -> str:
        interactive = self.interactive if self.interactive is not None else len(self.frame) > STATIC_UP_TO
        total = self.total if self.total is not None else len(self.frame)
        frame = self.frame if len(self.frame) <= MAX_SHOWN else self.frame.head(MAX_SHOWN)
        shown = len(frame)
        if self.note is not None:
            note = self.note
        elif total > shown:
            note = t("table.top_of", self.lang, shown=f"{shown:,}", total=f"{total:,}")
        else:
            note = ""
        return render_fragment(
            "table", anchor=self.anchor, title=self.title, headers=[(c.header, c.wide) for c in self.columns], rows=self.rows(frame),
            note=note, csv=self.csv, csv_label=t("table.all_rows_in", self.lang, file=self.csv or ""),
            interactive=interactive, lang=self.lang, page_length=PAGE_LENGTH,
        )  # fmt: skip

    def __len__(self) -> int:
        return len(self.frame)


@dataclass
class Card:
    label: str
    value: Any
    delta: int | None = None  # change since the previous period
    worse_when_up: bool = True  # more is worse (risks, findings), so an increase is red
    href: str | None = None
    level: str | None = None  # a css class for colour (e.g. pi-sev-high)


@dataclass
class Cards:
    cards: list[Card]
    lang: str
    title: str | None = None
    previous: str | None = None  # the period the deltas compare with

    def _repr_html_(self) -> str:
        items = []
        for c in self.cards:
            if c.delta is None or c.delta == 0:
                trend, arrow = ("same", "±0") if c.delta == 0 else ("", "")
            else:
                up = c.delta > 0
                trend = "bad" if up == c.worse_when_up else "good"
                arrow = f"{'▲' if up else '▼'}{abs(c.delta):,}"
            value = f"{c.value:,}" if isinstance(c.value, int) else c.value
            items.append({"label": c.label, "value": value, "trend": trend, "arrow": arrow, "href": c.href,
                          "level": c.level or ""})  # fmt: skip
        since = t("cards.since", self.lang, period=self.previous) if self.previous else None
        return render_fragment("cards", title=self.title, items=items, since=since)


@dataclass
class Chart:
    """A plotly figure; shown from its JSON (skipping plotly's renderer set-up, a second per kernel)."""

    figure: Any
    anchor: str | None = None  # the chart's id in the page, for links from other pages

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        from plotly.io import to_json

        fig = json.loads(to_json(self.figure, validate=False))
        if self.anchor:
            fig.setdefault("layout", {}).setdefault("meta", {})["anchor"] = self.anchor
        data = {
            "data": fig.get("data", []),
            "layout": fig.get("layout", {}),
            "config": {"displaylogo": False},
        }
        return {PLOTLY_MIME: data, "text/plain": "<plotly figure>"}


@dataclass
class Group:
    """Several pieces shown together as one section (a heading, then each part)."""

    parts: list[Any]
    title: str | None = None

    def _ipython_display_(self) -> None:
        from IPython.display import HTML, display

        if self.title:
            display(HTML(render_fragment("heading", text=self.title, level=2)))
        for part in self.parts:
            display(part)


# --- the offline interactive tables: DataTables from the itables package, imported from an inline blob ---


@cache
def _datatables() -> tuple[str, str]:
    """The DataTables bundle that itables ships (JavaScript module as base64, and its CSS)."""
    folder = files("itables") / "html"
    js = (folder / "dt_bundle.js").read_bytes()
    css = (folder / "dt_bundle.css").read_text(encoding="utf-8")
    return base64.b64encode(js).decode("ascii"), css


def table_language(lang: str) -> dict[str, Any]:
    """DataTables' words in the page's language."""
    keys = ("search", "info", "infoEmpty", "infoFiltered", "lengthMenu", "zeroRecords", "emptyTable")
    return {k: t(f"datatables.{k}", lang) for k in keys}


def interactive_tables(lang: str) -> Html:
    """Once per page: the table styles and the script that makes every `table.pi-interactive` sortable,
    searchable and paged, and shows every row when the page is printed. No network: the library is
    inlined. Tables rendered later (JupyterLab) are picked up too."""
    js, css = _datatables()
    return Html(render_fragment("tables_setup", bundle=js, css=css, language=table_language(lang)))
