"""Stored periods as history: a period's snapshot as one side of a diff, and every period's headline
figures for the trend."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from ..assess.diff import REASONS, LedgerDiff, Side, diff_sides, ledger_side
from ..assess.explain import explain
from ..assess.model import MODEL_FILE, load_model, model_path
from ..assess.risk import RiskResult
from ..errors import UsageError
from ..i18n import t
from .period import PERIOD_PATTERN, Period, parse_period, stored_periods
from .snapshot import SNAPSHOT_DIR, read_json, read_snapshot

_SCORE = ["level", "score", "residual_level", "residual_score"]
# Reasons are read later, only for the rows whose risk moved: for a million flows they are most of the memory.
DIFF_COLUMNS = {"scores_flows": ["flow_id", *_SCORE], "scores_items": ["item_id", *_SCORE]}


def period_side(folder: Path, label: str) -> Side:
    """A stored period as one side of a diff. Reasons are found later, for the rows that moved only: read
    where the snapshot stored them, else rendered from the stored factors with the period's model."""
    snap = read_snapshot(folder, DIFF_COLUMNS)
    r = snap.results
    snapshot = folder / SNAPSHOT_DIR

    def read_reasons(table: str, key: str, ids: pd.Series) -> pd.DataFrame:
        name = "scores_flows" if table == "flows" else "scores_items"
        path = snapshot / f"{name}.parquet"
        wanted = [(key, "in", list(ids.unique()))]
        if "reason_ja" in pq.read_schema(path).names:
            return pq.read_table(path, columns=[key, *REASONS], filters=wanted).to_pandas()
        rows = pq.read_table(path, filters=wanted).to_pandas()
        model = load_model(snapshot / MODEL_FILE)
        as_of = parse_period(label).end if PERIOD_PATTERN.fullmatch(label) else dt.date.today()
        empty = rows.iloc[0:0]
        risk = RiskResult(items=rows if table == "items" else empty, flows=rows if table == "flows" else empty,
                          partners=empty, model=model, as_of=as_of)  # fmt: skip
        return explain(risk, snap.inventory, table, rows, factors=False)[[key, *REASONS]]

    return Side(label, snap.inventory, r["scores_flows"], r["scores_items"], r["findings"],
                read_reasons=read_reasons)  # fmt: skip


def load_side(spec: str | Path, out: Path = Path("reports"), as_of: dt.date | None = None) -> Side:
    """A period (its snapshot under out/) or a ledger directory (assessed as of `as_of`)."""
    text = str(spec)
    if PERIOD_PATTERN.fullmatch(text):
        folder = out / text
        if not folder.is_dir():
            raise UsageError(t("history.no_report", period=text, out=out))
        return period_side(folder, text)
    path = Path(text)
    if not path.is_dir():
        raise UsageError(t("history.neither", text=text))
    return ledger_side(path, as_of, text)


def diff(
    source: str | Path, target: str | Path, out: Path = Path("reports"), as_of: dt.date | None = None
) -> LedgerDiff:
    """Compare FROM and TO: each a period in `out` or a ledger directory."""
    when_b = as_of or (parse_period(str(target)).end if PERIOD_PATTERN.fullmatch(str(target)) else None)
    when_a = as_of or (parse_period(str(source)).end if PERIOD_PATTERN.fullmatch(str(source)) else when_b)
    return diff_sides(load_side(source, out, when_a), load_side(target, out, when_b))


def stored_summaries(reports_dir: Path | None, upto: Period) -> pd.DataFrame:
    """summary.json of every finished period up to `upto` (inclusive), oldest first."""
    rows = []
    if reports_dir is not None:
        for period in stored_periods(Path(reports_dir)):
            if period <= upto:
                folder = Path(reports_dir) / str(period)
                summary = read_json(folder / "summary.json")
                if isinstance(summary, dict):
                    rows.append(summary)
    return pd.DataFrame(rows)


def _stored_matrix(model_file: Path) -> dict:
    """The `matrix` section of a stored period's own risk model, read as stored (an older model need not
    satisfy today's declaration of the file); empty when there is none or it is damaged."""
    import yaml

    from ..ledger.yamlin import load_yaml

    try:
        raw = load_yaml(model_file.read_text(encoding="utf-8")).data if model_file.is_file() else None
    except (yaml.YAMLError, OSError, UnicodeDecodeError):
        raw = None  # a damaged stored model: as for a period without one
    matrix = raw.get("matrix") if isinstance(raw, dict) else None
    return matrix if isinstance(matrix, dict) else {}


def _high_levels(model_file: Path) -> set[str]:
    """The levels counted as high in a stored period's own risk model."""
    levels = _stored_matrix(model_file).get("high_levels")
    return set(levels) if isinstance(levels, list) else set()


def level_names(spec: str | Path, out: Path, lang: str) -> dict[str, str]:
    """The names of the risk levels in the model FROM or TO was scored with (a period's stored model, a
    ledger's own or the bundled one); a level it does not name is shown as its code."""
    text = str(spec)
    if PERIOD_PATTERN.fullmatch(text):
        names = _stored_matrix(out / text / SNAPSHOT_DIR / MODEL_FILE).get("names")
        return {
            str(level): str(name[lang])
            for level, name in (names.items() if isinstance(names, dict) else ())
            if isinstance(name, dict) and isinstance(name.get(lang), str)
        }
    model = load_model(model_path(Path(text)))
    return {level: model.level_label(level, lang) for level in model.levels}


def history_of(
    reports_dir: Path | None,
    *,
    item: str | None = None,
    partner: str | None = None,
    upto: Period | None = None,
) -> pd.DataFrame:
    """One row per stored period: how many flows of the item or partner there were, how many stayed high
    or worse after controls, and how many findings concerned it."""
    if (item is None) == (partner is None):
        raise ValueError("name exactly one of item= or partner=")
    key, ident = ("item_id", item) if item is not None else ("partner_id", partner)
    rows = []
    for period in stored_periods(Path(reports_dir)) if reports_dir else []:
        if upto is not None and period > upto:
            continue
        snap = read_snapshot(
            Path(reports_dir) / str(period),
            {"scores_flows": ["flow_id", "item_id", "partner_id", "residual_level"]},
        )
        f = snap.results["scores_flows"]
        mine = f[f[key] == ident]
        high_levels = _high_levels(Path(reports_dir) / str(period) / SNAPSHOT_DIR / "risk_model.yaml")
        high = int(mine["residual_level"].astype(str).isin(high_levels).sum())
        findings = snap.results["findings"]
        table = "items" if item is not None else "partners"
        about = (findings["subject_table"] == table) & (findings["subject_id"] == ident)
        about |= (findings["subject_table"] == "flows") & findings["subject_id"].isin(mine["flow_id"])
        rows.append(
            {"period": str(period), "flows": len(mine), "high_residual": high, "findings": int(about.sum())}
        )
    return pd.DataFrame(rows, columns=["period", "flows", "high_residual", "findings"])
