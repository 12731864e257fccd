"""The `score` command: severity × likelihood of every flow, item and partner, with the reasons."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer

from ..assess.explain import worst
from ..assess.model import RiskModel
from ..assess.pipeline import assess
from ..errors import UsageError
from ..i18n import language, t
from ..ledger.validate import listed_choices
from .options import AsOfOpt, FormatOpt, LedgerArg, ModelOpt, OutputFormat, ScoreTable, parse_as_of
from .render import print_csv, print_json, print_scores, records


def _level_code(model: RiskModel, given: str) -> str:
    """The level `given` names, by its code or its name in either language; else a usage error listing
    them as the reader knows them."""
    named = {
        name: lvl
        for lvl in model.levels
        for name in (lvl, model.level_label(lvl, "ja"), model.level_label(lvl, "en"))
    }
    if given.strip() in named:
        return named[given.strip()]
    listed = listed_choices((lvl, model.level_label(lvl, language())) for lvl in model.levels)
    raise UsageError(t("cli.score.bad_level", value=repr(given), levels=listed))


def _counts(counts: dict, name: Callable[[str], str]) -> str:
    """Rows per level, `高 3、中 12`, for people (not a dict's repr)."""
    return t("cli.findings.sep").join(f"{name(level)} {n}" for level, n in counts.items())


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


def score(
    ledger: LedgerArg = None,
    top: Annotated[int | None, typer.Option(min=1)] = None,
    level: Annotated[str | None, typer.Option()] = None,
    table: Annotated[ScoreTable, typer.Option()] = ScoreTable.flows,
    fmt: FormatOpt = OutputFormat.table,
    model: ModelOpt = None,
    as_of: AsOfOpt = None,
) -> None:
    """Score every item, flow and partner: severity × likelihood, inherent and residual, with the reason.

    Ranked worst first. Each row says why, in Japanese and English, from the factors in risk_model.yaml.
    """
    a = assess(ledger, model=model, as_of=parse_as_of(as_of))
    levels = a.model.levels
    if level is not None:  # a level's code or its name in either language (high, 高)
        level = _level_code(a.model, level)
    limit = top if top is not None else (15 if fmt is OutputFormat.table else None)

    def rows(name: str):
        return worst(a.risk, a.inventory, name, limit, level)[
            SCORE_FIELDS[name] + SCORE_COLUMNS + ["factors", "reason_ja", "reason_en"]
        ]

    if fmt is OutputFormat.json:
        print_json({"as_of": a.as_of, "model": a.model.file, **{n: records(rows(n)) for n in SCORE_FIELDS}})
        return
    if fmt is OutputFormat.csv:
        print_csv(rows(str(table)).drop(columns=["factors"]))
        return
    lang = language()

    def level_name(level: str) -> str:
        return a.model.level_label(level, lang)

    counts = t("cli.score.counts", as_of=a.as_of, inherent=_counts(a.risk.level_counts(), level_name),
               residual=_counts(a.risk.level_counts(residual=True), level_name))  # fmt: skip
    print_scores({name: rows(name) for name in SCORE_FIELDS}, levels, counts, level_name)
